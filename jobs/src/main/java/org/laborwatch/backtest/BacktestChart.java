package org.laborwatch.backtest;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Stroke;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TimeZone;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.laborwatch.policy.Policy;

/**
 * Draws a backtest as PNGs that explain the decisions.
 *
 * <p>The policy chart has one panel per metric the policy's conditions compare (a compound
 * condition is taken apart), each with the metric and its enter, exit and tier thresholds; the
 * periods the policy was ON are shaded orange across every panel and NBER recessions grey, so a
 * reader sees which condition turned it on and which turned it off. The regions chart shows, for
 * a policy over many regions, one row per region with its ON periods as bars.
 */
public final class BacktestChart {

    /** Width of both charts, in pixels. */
    public static final int WIDTH = 1400;

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");
    private static final Color ON = new Color(255, 140, 0, 80);
    private static final Color RECESSION = new Color(110, 110, 110, 70);
    private static final Color METRIC = new Color(31, 119, 180);
    private static final Color ENTER = new Color(200, 30, 30);
    private static final Color EXIT = new Color(0, 130, 60);
    private static final Color TIER = new Color(120, 40, 160);
    private static final Color GRID = new Color(215, 215, 215);
    private static final Color[] TIER_BARS = {new Color(240, 130, 0), new Color(190, 30, 30), new Color(110, 0, 90)};
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final int PANEL_HEIGHT = 300;
    private static final int ROW_HEIGHT = 17;

    static {
        // Charts are drawn off-screen: a DISPLAY without an X server must not break a backtest.
        System.setProperty("java.awt.headless", "true");
    }

    private BacktestChart() {}

    /**
     * Writes the policy chart of one region and sector, {@value #WIDTH} pixels wide, 600 high for
     * one panel and {@value #PANEL_HEIGHT} more per further panel.
     */
    public static void write(Path png, Backtest backtest, Policy policy, String region, String sector)
            throws IOException {
        JFreeChart chart = policyChart(backtest, policy, region, sector);
        int panels = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().size();
        save(png, chart, 600 + PANEL_HEIGHT * (panels - 1));
    }

    /** Writes the regions chart of {@code policy}: one row of ON bars per region it decided. */
    public static void writeRegions(Path png, Backtest backtest, Policy policy, String sector) throws IOException {
        JFreeChart chart = regionsChart(backtest, policy, sector);
        int rows = ((SymbolAxis) chart.getXYPlot().getDomainAxis()).getSymbols().length;
        save(png, chart, 220 + ROW_HEIGHT * rows);
    }

    /** The policy chart as an object model: a {@link CombinedDomainXYPlot} with one subplot per panel. */
    public static JFreeChart policyChart(Backtest backtest, Policy policy, String region, String sector) {
        List<ConditionPanels.Panel> panels = ConditionPanels.of(policy);
        DateAxis time = dateAxis();
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(14);
        LocalDate first = null;
        LocalDate last = null;
        for (ConditionPanels.Panel panel : panels) {
            NavigableMap<LocalDate, BigDecimal> values = backtest.series(panel.metric(), region, sector);
            if (!values.isEmpty()) {
                first = first == null || values.firstKey().isBefore(first) ? values.firstKey() : first;
                last = last == null || values.lastKey().isAfter(last) ? values.lastKey() : last;
            }
            combined.add(panelPlot(panel, values));
        }
        RecessionRecord recessions = backtest.recessions();
        if (first != null) {
            time.setRange(new Date(millis(first)), new Date(millis(last)));
            setYearTicks(time, first, last);
            List<long[]> on = onSpans(backtest, policy, region, sector, last);
            List<long[]> recessionSpans = recessions == null ? List.of() : monthSpans(backtest.recessionMonths());
            for (XYPlot plot : combined.getSubplots()) {
                recessionSpans.forEach(s -> plot.addDomainMarker(new IntervalMarker(s[0], s[1], RECESSION), Layer.BACKGROUND));
                on.forEach(s -> plot.addDomainMarker(new IntervalMarker(s[0], s[1], ON), Layer.BACKGROUND));
            }
        }
        JFreeChart chart = new JFreeChart(policy.id() + " in " + region + (sector.equals("all") ? "" : " / " + sector)
                + ": each condition against its thresholds", JFreeChart.DEFAULT_TITLE_FONT, combined, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle(shadingNote(policy, recessions) + (first == null
                ? " No values of " + String.join(", ", panels.stream().map(ConditionPanels.Panel::metric).toList())
                        + " for " + region + " in the inputs."
                : ""), LABEL));
        LegendTitle legend = new LegendTitle(() -> policyLegend(panels, recessions != null));
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setItemFont(LABEL);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * The regions chart as an object model: an {@link XYPlot} whose domain is a {@link SymbolAxis}
     * of the regions in {@link RegionRows} order and whose range is time, with one bar per episode.
     */
    public static JFreeChart regionsChart(Backtest backtest, Policy policy, String sector) {
        List<Episode> episodes = backtest.episodes().stream()
                .filter(e -> e.policy().equals(policy.id()) && e.sector().equals(sector)).toList();
        List<String> rows = RegionRows.byFirstOn(backtest.regions(policy.id(), sector), episodes);
        List<String> tiers = new ArrayList<>();
        tiers.add("base");
        policy.tiers().forEach(t -> tiers.add(t.name()));
        XYIntervalSeries[] byTier = new XYIntervalSeries[tiers.size()];
        for (int i = 0; i < byTier.length; i++) {
            byTier[i] = new XYIntervalSeries(tiers.size() == 1 ? policy.id() + " ON"
                    : "ON, highest tier " + tiers.get(i));
        }
        LocalDate first = null;
        LocalDate last = null;
        for (Episode e : episodes) {
            int row = rows.indexOf(e.region());
            LocalDate end = e.exitPeriod() != null ? e.exitPeriod() : backtest.lastPeriod(policy.id(), e.region(), sector);
            int tier = Math.max(0, tiers.indexOf(e.maxTier()));
            byTier[tier].add(row, row - 0.38, row + 0.38, millis(e.enterPeriod()), millis(e.enterPeriod()), millis(end));
            first = first == null || e.enterPeriod().isBefore(first) ? e.enterPeriod() : first;
            last = last == null || end.isAfter(last) ? end : last;
        }
        for (String region : rows) {
            LocalDate l = backtest.lastPeriod(policy.id(), region, sector);
            last = last == null || (l != null && l.isAfter(last)) ? l : last;
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        for (XYIntervalSeries s : byTier) {
            data.addSeries(s);
        }
        SymbolAxis regionAxis = new SymbolAxis(null, rows.toArray(new String[0]));
        regionAxis.setInverted(true);
        regionAxis.setGridBandsVisible(true);
        regionAxis.setGridBandAlternatePaint(new Color(245, 245, 245));
        regionAxis.setGridBandPaint(Color.WHITE);
        regionAxis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        DateAxis time = dateAxis();
        XYBarRenderer bars = new XYBarRenderer();
        bars.setUseYInterval(true);
        bars.setShadowVisible(false);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setDrawBarOutline(false);
        for (int i = 0; i < byTier.length; i++) {
            bars.setSeriesPaint(i, TIER_BARS[Math.min(i, TIER_BARS.length - 1)]);
        }
        XYPlot plot = new XYPlot(data, regionAxis, time, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        RecessionRecord recessions = backtest.recessions();
        if (first != null) {
            LocalDate from = first.minusMonths(3).withDayOfMonth(1);
            time.setRange(new Date(millis(from)), new Date(millis(last)));
            setYearTicks(time, from, last);
            if (recessions != null) {
                monthSpans(backtest.recessionMonths())
                        .forEach(s -> plot.addRangeMarker(new IntervalMarker(s[0], s[1], RECESSION), Layer.BACKGROUND));
            }
        }
        long onRegions = episodes.stream().map(Episode::region).distinct().count();
        JFreeChart chart = new JFreeChart(policy.id() + ": ON periods by region (" + onRegions + " of " + rows.size()
                + " regions ever ON)", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("One row per region the inputs let the policy decide, sorted by first ON period "
                + "(regions never ON at the bottom). Bars: from the deciding period to the first OFF period"
                + (recessions != null ? "; grey: NBER recessions." : "."), LABEL));
        LegendItemCollection items = new LegendItemCollection();
        for (int i = 0; i < byTier.length; i++) {
            items.add(new LegendItem((String) byTier[i].getKey(), TIER_BARS[Math.min(i, TIER_BARS.length - 1)]));
        }
        if (recessions != null) {
            items.add(new LegendItem("NBER recession (USREC)", RECESSION));
        }
        LegendTitle legend = new LegendTitle(() -> items);
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL);
        chart.addSubtitle(legend);
        return chart;
    }

    private static XYPlot panelPlot(ConditionPanels.Panel panel, NavigableMap<LocalDate, BigDecimal> values) {
        TimeSeries line = new TimeSeries(panel.metric());
        long usualStep = medianStepDays(values);
        LocalDate previous = null;
        for (Map.Entry<LocalDate, BigDecimal> v : values.entrySet()) {
            // A null between two points more than two usual steps apart breaks the line: a gap in
            // the data (Puerto Rico's 2020 LAUS months) must not look like a straight-line trend.
            if (previous != null && java.time.temporal.ChronoUnit.DAYS.between(previous, v.getKey()) > 2 * usualStep) {
                line.addOrUpdate(day(previous.plusDays(usualStep)), null);
            }
            line.addOrUpdate(day(v.getKey()), v.getValue());
            previous = v.getKey();
        }
        NumberAxis axis = new NumberAxis(panel.metric());
        axis.setAutoRangeIncludesZero(false);
        axis.setLabelFont(LABEL);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, METRIC);
        renderer.setSeriesStroke(0, new BasicStroke(1.4f));
        XYPlot plot = new XYPlot(new TimeSeriesCollection(line, UTC), null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setDomainGridlinePaint(GRID);
        for (ConditionPanels.Line t : panel.lines()) {
            ConditionPanels.Role role = t.roles().get(0);
            ValueMarker m = new ValueMarker(t.threshold().doubleValue(), colour(role), stroke(role));
            m.setLabel(t.label());
            m.setLabelFont(LABEL);
            m.setLabelPaint(colour(role));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 200));
            // Exit thresholds sit below enter ones in every bundled policy: label them below the line.
            boolean below = role == ConditionPanels.Role.EXIT;
            m.setLabelAnchor(below ? RectangleAnchor.BOTTOM_LEFT : RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(below ? TextAnchor.TOP_LEFT : TextAnchor.BOTTOM_LEFT);
            plot.addRangeMarker(m, Layer.FOREGROUND);
        }
        fitRange(axis, values, panel.lines());
        return plot;
    }

    /** The median days between consecutive values: 7 for weekly data, about 30 for monthly. */
    static long medianStepDays(NavigableMap<LocalDate, BigDecimal> values) {
        List<Long> steps = new ArrayList<>();
        LocalDate previous = null;
        for (LocalDate d : values.keySet()) {
            if (previous != null) {
                steps.add(java.time.temporal.ChronoUnit.DAYS.between(previous, d));
            }
            previous = d;
        }
        return steps.isEmpty() ? 1 : steps.stream().sorted().toList().get(steps.size() / 2);
    }

    /** The range of a panel: its values and every threshold, which markers alone would not keep in view. */
    private static void fitRange(NumberAxis axis, NavigableMap<LocalDate, BigDecimal> values,
            List<ConditionPanels.Line> lines) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BigDecimal v : values.values()) {
            lo = Math.min(lo, v.doubleValue());
            hi = Math.max(hi, v.doubleValue());
        }
        for (ConditionPanels.Line t : lines) {
            lo = Math.min(lo, t.threshold().doubleValue());
            hi = Math.max(hi, t.threshold().doubleValue());
        }
        double pad = Math.max((hi - lo) * 0.06, 0.05);
        axis.setRange(lo - pad, hi + pad);
    }

    /** Legend of the policy chart: the shading and the line styles, which markers do not list themselves. */
    private static LegendItemCollection policyLegend(List<ConditionPanels.Panel> panels, boolean recessions) {
        LegendItemCollection items = new LegendItemCollection();
        Line2D shape = new Line2D.Double(-9, 0, 9, 0);
        items.add(new LegendItem("metric value", null, null, null, shape, new BasicStroke(1.6f), METRIC));
        // One entry per line style (the first role of a line); the entry names every role its lines
        // decide, as a not-enter exit sits on its enter threshold and a tier may repeat a test.
        Map<ConditionPanels.Role, Set<ConditionPanels.Role>> styles = new java.util.EnumMap<>(ConditionPanels.Role.class);
        panels.forEach(p -> p.lines().forEach(l -> styles.computeIfAbsent(l.roles().get(0),
                r -> java.util.EnumSet.noneOf(ConditionPanels.Role.class)).addAll(l.roles())));
        styles.forEach((style, roles) -> items.add(new LegendItem(String.join("/", roles.stream()
                .map(r -> r.name().toLowerCase(Locale.ROOT)).toList()) + " threshold", null, null, null, shape,
                stroke(style), colour(style))));
        Rectangle2D box = new Rectangle2D.Double(-7, -5, 14, 10);
        items.add(new LegendItem("ON (deciding period to first OFF period)", null, null, null, box, ON));
        if (recessions) {
            items.add(new LegendItem("NBER recession (USREC)", null, null, null, box, RECESSION));
        }
        return items;
    }

    private static String shadingNote(Policy policy, RecessionRecord recessions) {
        return "Shaded orange: " + policy.id() + " ON, from the period whose data turned it on to the first OFF "
                + "period; " + (recessions != null ? "grey: NBER recession months (USREC input from "
                        + recessions.coverageStart() + " to " + recessions.coverageEnd() + ")."
                        : "no NBER recessions: no input carried USREC.");
    }

    private static Color colour(ConditionPanels.Role role) {
        return switch (role) {
            case ENTER -> ENTER;
            case EXIT -> EXIT;
            case TIER -> TIER;
        };
    }

    private static Stroke stroke(ConditionPanels.Role role) {
        float[] dash = switch (role) {
            case ENTER -> new float[] {8f, 4f};
            case EXIT -> new float[] {3f, 3f};
            case TIER -> new float[] {12f, 3f, 2f, 3f};
        };
        return new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f);
    }

    private static DateAxis dateAxis() {
        DateAxis time = new DateAxis(null, UTC, Locale.ROOT);
        time.setLowerMargin(0);
        time.setUpperMargin(0);
        time.setTickLabelFont(LABEL);
        return time;
    }

    /** Year ticks (every 1, 2 or 5 years by span), so the labels are years and never overlap. */
    private static void setYearTicks(DateAxis time, LocalDate first, LocalDate last) {
        long years = java.time.temporal.ChronoUnit.YEARS.between(first, last);
        SimpleDateFormat format = new SimpleDateFormat(years < 3 ? "MMM yyyy" : "yyyy", Locale.ROOT);
        format.setTimeZone(UTC);
        if (years < 3) {
            time.setTickUnit(new DateTickUnit(DateTickUnitType.MONTH, 3, format));
        } else {
            time.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, years > 40 ? 5 : years > 15 ? 2 : 1, format));
        }
    }

    /** The ON spells of one region as [start, end) in epoch millis; a spell still on ends with the data. */
    private static List<long[]> onSpans(Backtest backtest, Policy policy, String region, String sector, LocalDate last) {
        List<long[]> spans = new ArrayList<>();
        for (Episode e : backtest.episodes()) {
            if (e.policy().equals(policy.id()) && e.region().equals(region) && e.sector().equals(sector)) {
                spans.add(new long[] {millis(e.enterPeriod()), millis(e.exitPeriod() != null ? e.exitPeriod() : last)});
            }
        }
        return spans;
    }

    /** Consecutive months merged into [start, end) spans: one marker per recession, not per month. */
    static List<long[]> monthSpans(Iterable<LocalDate> months) {
        List<long[]> spans = new ArrayList<>();
        LocalDate start = null;
        LocalDate next = null;
        for (LocalDate m : new java.util.TreeSet<>(toList(months))) {
            if (start != null && m.equals(next)) {
                next = m.plusMonths(1);
                continue;
            }
            if (start != null) {
                spans.add(new long[] {millis(start), millis(next)});
            }
            start = m;
            next = m.plusMonths(1);
        }
        if (start != null) {
            spans.add(new long[] {millis(start), millis(next)});
        }
        return spans;
    }

    private static List<LocalDate> toList(Iterable<LocalDate> months) {
        List<LocalDate> list = new ArrayList<>();
        months.forEach(list::add);
        return list;
    }

    private static void save(Path png, JFreeChart chart, int height) throws IOException {
        ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, height);
    }

    private static Day day(LocalDate d) {
        return new Day(Date.from(d.atStartOfDay(ZoneOffset.UTC).toInstant()), UTC, Locale.ROOT);
    }

    private static long millis(LocalDate d) {
        return d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
