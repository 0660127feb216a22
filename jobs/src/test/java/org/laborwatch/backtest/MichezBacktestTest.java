package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.MetricNames;
import org.laborwatch.readers.ReaderOptions;

/**
 * The illustrative Michez policy ({@code min(sahm_gap, vacancy_gap) >= 0.29}) backtested over the
 * bundled FRED national file (UNRATE, JTSJOL, PAYEMS; vintage 2026-01). The expected episodes and
 * gaps were worked out apart from laborwatch, by a Python script with Decimal arithmetic over the
 * same CSV (job-openings rate rounded half-up to one decimal, gaps over the 12 months before t,
 * rounded half-up to two decimals; runs of months with min(u, v) >= 0.29).
 */
class MichezBacktestTest {

    private static final String FILE = "fred_national_monthly_1980-2025_vintage2026-01.csv";
    private static List<Episode> episodes;
    /** vacancy_gap by month, as the engine computed it. */
    private static final Map<LocalDate, MetricPoint> VACANCY = new TreeMap<>();

    @BeforeAll
    static void backtest() throws Exception {
        // In file order: the fred-long reader emits the stacked file (PAYEMS 1980-2025, then JTSJOL from
        // 2000-12) period by period, so the job-openings rate finds both series of each month.
        List<Observation> observations = TestData.read(FILE, "fred-long", ReaderOptions.defaults(), o -> true);
        Backtest b = new Backtest(List.of(BundledPolicies.load("michez-national")), MetricEngine.standard());
        observations.forEach(b::accept);
        episodes = b.episodes();
        MetricEngine engine = MetricEngine.standard();
        RegionSeries us = new RegionSeries();
        for (Observation o : observations) {
            for (MetricPoint p : engine.apply(us, o).points()) {
                if (p.metric().equals(MetricNames.VACANCY_GAP)) {
                    VACANCY.put(p.period(), p);
                }
            }
        }
    }

    private static List<String> spells() {
        List<String> out = new ArrayList<>();
        for (Episode e : episodes) {
            out.add(e.enterPeriod().toString().substring(0, 7) + ".."
                    + (e.exitPeriod() == null ? "on" : e.exitPeriod().toString().substring(0, 7)));
        }
        return out;
    }

    @Test
    void episodesMatchTheIndependentComputation() {
        // 2002-02 is the first month both gaps exist (JOLTS starts 2000-12), inside the 2001 slowdown's
        // aftermath; 2008-03 is three months after the NBER peak of 2007-12; 2020-04 two after 2020-02;
        // 2023-10 .. 2025-02 is the 2023-24 signal the authors discussed, with no NBER recession.
        assertEquals(List.of("2002-02..2002-11", "2008-03..2010-01", "2020-04..2020-08", "2023-10..2024-01",
                "2024-02..2025-02"), spells(), episodes.toString());
    }

    @Test
    void theGreatRecessionEntersWhenTheVacancyGapReaches029() {
        Episode gfc = episodes.stream().filter(e -> e.enterPeriod().equals(LocalDate.of(2008, 3, 1))).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2008, 4, 1), gfc.effectiveFrom(), "lag_months: 1");
        // The Sahm gap alone crossed 0.50 in 2008-02 (BacktestTest); the vacancy half held the rule back
        // until it reached 0.30 in 2008-03 (0.23 in 2008-02).
        assertEquals(new BigDecimal("0.23"), VACANCY.get(LocalDate.of(2008, 2, 1)).value());
        assertEquals(new BigDecimal("0.30"), VACANCY.get(LocalDate.of(2008, 3, 1)).value());
        assertEquals(new BigDecimal("0.73"), VACANCY.get(LocalDate.of(2020, 4, 1)).value());
    }

    @Test
    void theVacancyGapStartsOnceJoltsHas14Months() {
        LocalDate first = VACANCY.keySet().iterator().next();
        assertEquals(LocalDate.of(2002, 2, 1), first, "JTSJOL starts 2000-12; the gap reads 14 months before t");
        assertTrue(VACANCY.values().stream().allMatch(MetricPoint::isAvailable), "no month of JTSJOL or PAYEMS is missing");
    }
}
