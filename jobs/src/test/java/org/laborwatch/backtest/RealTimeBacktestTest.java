package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;

/**
 * Real-time backtests: sahm-national decided on the bundled ALFRED UNRATE vintages as each release
 * published them, against the same policy on the latest data.
 */
class RealTimeBacktestTest {

    private static final String VINTAGES = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
    /** FRED's vintage of April 2026, after BLS's January 2026 annual revision: today's data. */
    private static final String TODAY = "fred_UNRATE_monthly_1948-2026_vintage2026-04.csv";

    private static Backtest realTime(boolean withToday) throws Exception {
        Backtest b = Backtest.asPublished(List.of(BundledPolicies.load("sahm-national")), MetricEngine.standard());
        TestData.read(VINTAGES, "alfred-vintages", ReaderOptions.defaults(), o -> true).forEach(b::accept);
        if (withToday) {
            TestData.read(TODAY, "fred", ReaderOptions.defaults(), o -> true).forEach(b::accept);
        }
        b.finish();
        return b;
    }

    private static TriggerEvent enter(Backtest b, String month) {
        LocalDate period = LocalDate.parse(month + "-01");
        return b.events().stream().filter(e -> e.transition() == Transition.ENTER && e.period().equals(period))
                .findFirst().orElseThrow(() -> new AssertionError("no ENTER on " + month + ": " + b.episodes()));
    }

    @Test
    void july2024EntersAt053InRealTimeAndAt050OnTodaysData() throws Exception {
        Backtest realTime = realTime(true);
        Backtest today = realTime.latestData();

        TriggerEvent published = enter(realTime, "2024-07");
        assertEquals(new BigDecimal("0.53"), published.evidence().get("sahm_gap"));
        assertEquals(LocalDate.of(2024, 8, 2), published.dataVintage(), "decided on the release that first published July");
        TriggerEvent revised = enter(today, "2024-07");
        assertEquals(new BigDecimal("0.50"), revised.evidence().get("sahm_gap"), "0.50 still passes >= 0.50");
        assertEquals(LocalDate.of(2026, 4, 1), revised.dataVintage());
        // The series kept for the chart are the values each run decided on.
        assertEquals(new BigDecimal("0.53"), realTime.series("sahm_gap", "US", "all").get(LocalDate.of(2024, 7, 1)));
        assertEquals(new BigDecimal("0.50"), today.series("sahm_gap", "US", "all").get(LocalDate.of(2024, 7, 1)));
    }

    @Test
    void onTheVintagesAloneTheLatestDataStillRead053ForJuly2024() throws Exception {
        // The rebuilt file's last release predates BLS's January 2026 revision.
        Backtest today = realTime(false).latestData();
        assertEquals(new BigDecimal("0.53"), enter(today, "2024-07").evidence().get("sahm_gap"));
    }

    @Test
    void in2008RealTimeEntersTwoMonthsLateAnd2001ExitsAMonthEarly() throws Exception {
        Backtest realTime = realTime(true);
        List<RealTimeComparison.Row> rows = RealTimeComparison.compare(realTime.episodes(),
                realTime.latestData().episodes(), realTime::frequency);

        RealTimeComparison.Row gfc = row(rows, LocalDate.of(2008, 2, 1));
        assertEquals(LocalDate.of(2008, 4, 1), gfc.realTime().enterPeriod());
        assertEquals("enters 2 months later in real time", gfc.moves());
        RealTimeComparison.Row dotCom = row(rows, LocalDate.of(2001, 6, 1));
        assertEquals(LocalDate.of(2001, 6, 1), dotCom.realTime().enterPeriod(), "2001 enters on the same month");
        assertEquals(LocalDate.of(2002, 11, 1), dotCom.realTime().exitPeriod());
        assertEquals(LocalDate.of(2002, 12, 1), dotCom.latest().exitPeriod());
        assertEquals("exits 1 month earlier in real time", dotCom.moves());
        // Revised data show a two-month signal in mid-2003 that no release ever showed.
        RealTimeComparison.Row blip = row(rows, LocalDate.of(2003, 7, 1));
        assertEquals(null, blip.realTime());
        assertEquals(RealTimeComparison.LATEST_ONLY, blip.moves());
        assertEquals("same", row(rows, LocalDate.of(2024, 7, 1)).moves());
        // Periods the first vintage (January 2000) already carried are decided on it in both runs.
        assertTrue(rows.stream().filter(r -> r.latest() != null && r.latest().enterPeriod().getYear() < 2000)
                .noneMatch(RealTimeComparison.Row::moved), rows.toString());
    }

    private static RealTimeComparison.Row row(List<RealTimeComparison.Row> rows, LocalDate latestEnter) {
        return rows.stream().filter(r -> r.latest() != null && r.latest().enterPeriod().equals(latestEnter)).findFirst()
                .orElseThrow(() -> new AssertionError("no latest-data episode entering " + latestEnter + ": " + rows));
    }

    @Test
    void aReleaseOlderThanOneReplayedIsRefused() throws Exception {
        Backtest b = Backtest.asPublished(List.of(BundledPolicies.load("sahm-national")), MetricEngine.standard());
        TestData.read(TODAY, "fred", ReaderOptions.defaults(), o -> true).forEach(b::accept);
        List<org.laborwatch.contract.Observation> older = TestData.read(VINTAGES, "alfred-vintages",
                ReaderOptions.defaults(), o -> true);
        Backtest.PublicationOrderException e = assertThrows(Backtest.PublicationOrderException.class,
                () -> older.forEach(b::accept));
        assertTrue(e.getMessage().contains("publication order"), e.getMessage());
    }

    @Test
    void aBacktestOnTheLatestDataHasNoLatestDataToCompare() {
        Backtest b = new Backtest(List.of(BundledPolicies.load("sahm-national")), MetricEngine.standard());
        assertThrows(IllegalStateException.class, b::latestData);
    }
}
