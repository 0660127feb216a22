package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.readers.ReaderOptions;

/** The charts' object model (panels, shading, rows), built from real backtests before any pixel is drawn. */
class BacktestChartTest {

    private static final Set<String> STATES = Set.of("US-CA", "US-MI", "US-NV", "US-SD", "US-WV");

    private static Backtest run(Policy policy, String file, String format, ReaderOptions options,
            java.util.function.Predicate<org.laborwatch.contract.Observation> keep) throws Exception {
        Backtest b = new Backtest(List.of(policy), MetricEngine.standard());
        TestData.read(file, format, options, keep).forEach(b::accept);
        return b;
    }

    private static Backtest ebTurOverFiveStates() throws Exception {
        return run(BundledPolicies.load("eb-tur"), "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv",
                "laus-state", ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> STATES.contains(o.region()));
    }

    private static List<String> legend(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        for (Object t : chart.getSubtitles()) {
            if (t instanceof LegendTitle l) {
                for (var source : l.getSources()) {
                    for (int i = 0; i < source.getLegendItems().getItemCount(); i++) {
                        labels.add(source.getLegendItems().get(i).getLabel());
                    }
                }
            }
        }
        return labels;
    }

    private static List<Marker> domainMarkers(XYPlot plot) {
        return plot.getDomainMarkers(Layer.BACKGROUND) == null ? List.of() : List.copyOf(plot.getDomainMarkers(Layer.BACKGROUND));
    }

    @Test
    void aCompoundPolicyGetsOneSubplotPerComparisonEachShadedWithTheOnPeriods() throws Exception {
        Backtest b = ebTurOverFiveStates();
        Policy ebTur = BundledPolicies.load("eb-tur");
        JFreeChart chart = BacktestChart.policyChart(b, ebTur, "US-MI", "all");
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getXYPlot();
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(List.of("tur_3mo", "tur_lookback_pct_1y", "tur_lookback_pct_2y"),
                panels.stream().map(p -> p.getRangeAxis().getLabel()).toList());
        long onSpells = b.episodes().stream().filter(e -> e.region().equals("US-MI")).count();
        assertTrue(onSpells > 0, "Michigan was on EB-TUR in the early 1980s");
        for (XYPlot panel : panels) {
            assertEquals(onSpells, domainMarkers(panel).size(), "every panel shades every ON spell and nothing else");
        }
        List<String> thresholds = panels.get(0).getRangeMarkers(Layer.FOREGROUND).stream()
                .map(m -> ((Marker) m).getLabel()).toList();
        assertEquals(List.of("enter >= 6.5, exit < 6.5", "tier hup >= 8.0"), thresholds);
        assertEquals(List.of("metric value", "enter/exit/tier threshold", "tier threshold", "ON (deciding period to first OFF period)"), legend(chart),
                "no NBER entry: the LAUS file carries no USREC");
        DateAxis time = (DateAxis) combined.getDomainAxis();
        assertEquals(DateTickUnitType.YEAR, time.getTickUnit().getUnitType(), "tick labels are years");

        Path png = Files.createDirectories(Path.of("target", "backtest-chart")).resolve("eb-tur.png");
        BacktestChart.write(png, b, ebTur, "US-MI", "all");
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(BacktestChart.WIDTH, image.getWidth());
        assertEquals(600 + 2 * 300, image.getHeight(), "three panels");
    }

    @Test
    void nberRecessionsAreShadedAndListedWhenTheInputCarriesUsrec() throws Exception {
        Policy sahm = BundledPolicies.load("sahm-national");
        Backtest b = run(sahm, "fred_national_monthly_1980-2025_vintage2026-01.csv", "fred-long", ReaderOptions.defaults(),
                o -> true);
        JFreeChart chart = BacktestChart.policyChart(b, sahm, "US", "all");
        List<XYPlot> panels = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots();
        assertEquals(1, panels.size());
        int recessions = b.recessions().starts().size();
        assertEquals(6, recessions, "1980, 1981, 1990, 2001, 2008, 2020");
        long episodes = b.episodes().size();
        assertEquals(recessions + episodes, domainMarkers(panels.get(0)).size(), "one marker per recession and per ON spell");
        assertTrue(legend(chart).contains("NBER recession (USREC)"), legend(chart).toString());
        assertTrue(chart.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle tt
                && tt.getText().contains("grey: NBER recession months (USREC input from 1980-01-01")), "the subtitle says what is grey");
    }

    @Test
    void aGapInTheDataBreaksTheLineInsteadOfBridgingIt() throws Exception {
        // LAUS has no Puerto Rico rates for most of 2020 (NA in the file).
        Policy sahmState = BundledPolicies.load("sahm-state");
        Backtest b = run(sahmState, "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> o.region().equals("US-PR"));
        XYPlot panel = ((CombinedDomainXYPlot) BacktestChart.policyChart(b, sahmState, "US-PR", "all").getXYPlot())
                .getSubplots().get(0);
        org.jfree.data.xy.XYDataset line = panel.getDataset();
        List<LocalDate> breaks = new ArrayList<>();
        for (int i = 0; i < line.getItemCount(0); i++) {
            if (line.getY(0, i) == null) {
                breaks.add(java.time.Instant.ofEpochMilli(line.getX(0, i).longValue()).atZone(java.time.ZoneOffset.UTC)
                        .toLocalDate());
            }
        }
        assertTrue(breaks.stream().anyMatch(d -> d.getYear() == 2020), breaks.toString());
    }

    @Test
    void theRegionsChartHasOneRowPerRegionDecidedSortedByFirstOn() throws Exception {
        Backtest b = ebTurOverFiveStates();
        Policy ebTur = BundledPolicies.load("eb-tur");
        JFreeChart chart = BacktestChart.regionsChart(b, ebTur, "all");
        XYPlot plot = chart.getXYPlot();
        List<String> rows = Arrays.asList(((SymbolAxis) plot.getDomainAxis()).getSymbols());
        assertEquals(STATES, Set.copyOf(rows));
        assertEquals(RegionRows.byFirstOn(STATES, b.episodes()), rows);
        IntervalXYDataset bars = (IntervalXYDataset) plot.getDataset();
        assertEquals(2, bars.getSeriesCount(), "one series per tier: base and hup");
        int total = 0;
        for (int s = 0; s < bars.getSeriesCount(); s++) {
            for (int i = 0; i < bars.getItemCount(s); i++) {
                // The bar sits on its region's row and spans its episode's ON periods.
                assertTrue(bars.getStartYValue(s, i) < bars.getEndYValue(s, i));
                total++;
            }
        }
        assertEquals(b.episodes().size(), total, "one bar per episode");

        Path png = Files.createDirectories(Path.of("target", "backtest-chart")).resolve("eb-tur-regions.png");
        BacktestChart.writeRegions(png, b, ebTur, "all");
        assertEquals(BacktestChart.WIDTH, ImageIO.read(png.toFile()).getWidth());
    }

    @Test
    void regionsAreOrderedByFirstOnThenCodeWithTheNeverOnLast() {
        LocalDate d = LocalDate.of(2020, 5, 1);
        List<Episode> episodes = List.of(
                new Episode("p", "US-B", "all", d, d, d.plusMonths(3), d, 3, "base"),
                new Episode("p", "US-C", "all", d.minusMonths(1), d, d, d, 1, "base"),
                new Episode("p", "US-C", "all", d.plusYears(1), d, null, null, 1, "base"),
                new Episode("p", "US-A", "all", d, d, d.plusMonths(1), d, 1, "base"));
        assertEquals(List.of("US-C", "US-A", "US-B", "US-D", "US-E"),
                RegionRows.byFirstOn(List.of("US-E", "US-D", "US-B", "US-A", "US-C"), episodes));
    }
}
