package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;
import static org.laborwatch.metrics.Obs.rate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/** tur_3mo and the TUR look-backs: exact sums, UIPL 16-11 rounding, gaps and revisions. */
class TurTest {

    private static final String UR = "unemployment_rate";

    /** Three years of rates: 2018 all "base", 2019 all "y1", 2020-01..03 as given. */
    private static Obs.Run run(String base, String y1, String... latest) {
        Obs.Run r = new Obs.Run(new Tur3Mo(), new TurLookback(1), new TurLookback(2));
        for (LocalDate m = month("2018-01"); m.isBefore(month("2020-01")); m = m.plusMonths(1)) {
            r.apply(rate("US-NV", m, m.getYear() == 2018 ? base : y1, Obs.V1));
        }
        for (int i = 0; i < latest.length; i++) {
            r.apply(rate("US-NV", month("2020-01").plusMonths(i), latest[i], Obs.V1));
        }
        return r;
    }

    @Test
    void theThreeMonthMeanIsExactAndRoundedHalfUpOnlyAtTheEnd() {
        Obs.Run r = run("4.0", "4.0", "6.4", "6.5", "6.6");
        assertEquals(new BigDecimal("6.50"), r.value("tur_3mo", UR, "all", month("2020-03")));
        // 4.0 + 6.4 + 6.5 = 16.9 -> 5.6333 -> 5.63
        assertEquals(new BigDecimal("5.63"), r.value("tur_3mo", UR, "all", month("2020-02")));
        Obs.Run s = run("4.0", "4.0", "6.4", "6.5", "6.5");
        // 19.4 / 3 = 6.4666...: below 6.5 and rounds to 6.47, never to 6.50
        assertEquals(new BigDecimal("6.47"), s.value("tur_3mo", UR, "all", month("2020-03")));
        assertNull(r.get("tur_3mo", UR, "all", month("2018-02")), "two months of history are not enough");
        assertEquals(new BigDecimal("4.00"), r.value("tur_3mo", UR, "all", month("2018-03")));
    }

    @Test
    void theLookBackRoundsTheRatioHalfUpToHundredthsThenTimes100() {
        // S(2020-03) = 22.1, S(2019-03) = 20.0: ratio 1.105 exactly -> 1.11 -> 111 (half-even would give 110)
        Obs.Run r = run("4.0", "6.0", "7.3", "7.4", "7.4");
        r.apply(rate("US-NV", month("2019-01"), "6.6", Obs.V2));
        r.apply(rate("US-NV", month("2019-02"), "6.7", Obs.V2));
        r.apply(rate("US-NV", month("2019-03"), "6.7", Obs.V2));
        assertEquals(new BigDecimal("111"), r.value("tur_lookback_pct_1y", UR, "all", month("2020-03")));
        // S(2018-01..03) = 12.0: 22.1 / 12.0 = 1.84166 -> 1.84 -> 184
        assertEquals(new BigDecimal("184"), r.value("tur_lookback_pct_2y", UR, "all", month("2020-03")));
        assertEquals(0, r.value("tur_lookback_pct_1y", UR, "all", month("2020-03")).scale());
        // 2019-03: 20.0 / 12.0 = 1.6667 -> 1.67 -> 167; 2y needs 2017, which was never published
        assertEquals(new BigDecimal("167"), r.value("tur_lookback_pct_1y", UR, "all", month("2019-03")));
        assertNull(r.get("tur_lookback_pct_2y", UR, "all", month("2019-12")));
        assertNull(r.get("tur_lookback_pct_1y", UR, "all", month("2019-02")));
    }

    @Test
    void aZeroBaseIsUnavailable() {
        Obs.Run r = run("0.0", "1.0", "1.0", "1.0", "1.0");
        MetricPoint p = r.get("tur_lookback_pct_1y", UR, "all", month("2019-03"));
        assertFalse(p.isAvailable());
        assertTrue(p.reason().contains("is 0"), p.reason());
    }

    @Test
    void aMissingMonthMakesEveryValueThatReadsItUnavailable() {
        Obs.Run r = new Obs.Run(new Tur3Mo(), new TurLookback(1));
        for (LocalDate m = month("2023-01"); m.isBefore(month("2025-01")); m = m.plusMonths(1)) {
            if (!m.equals(month("2024-05"))) {
                r.apply(rate("US", m, "4.1", Obs.V1));
            }
        }
        for (String m : List.of("2024-05", "2024-06", "2024-07")) {
            MetricPoint p = r.get("tur_3mo", UR, "all", month(m));
            assertFalse(p.isAvailable(), m);
            assertTrue(p.reason().contains("2024-05"), p.reason());
        }
        assertTrue(r.get("tur_3mo", UR, "all", month("2024-08")).isAvailable());
        assertFalse(r.get("tur_lookback_pct_1y", UR, "all", month("2024-07")).isAvailable());
        assertEquals(new BigDecimal("100"), r.value("tur_lookback_pct_1y", UR, "all", month("2024-08")));
    }

    @Test
    void aRevisionRecomputesTheMonthsThatReadIt() {
        Obs.Run r = run("4.0", "5.0", "5.0", "5.0", "5.0");
        MetricEngine.Result revised = r.apply(rate("US-NV", month("2019-02"), "5.3", Obs.V2));
        assertEquals(Upsert.REVISED, revised.upsert());
        // tur_3mo 2019-02..04; tur_lookback_pct_1y of 2019-03..04 (2019-02 reads 2017-12, before the series)
        // and 2020-02..03 (2020-04 is not published)
        assertEquals(3, revised.points().stream().filter(p -> p.metric().equals("tur_3mo")).count());
        assertEquals(4, revised.points().stream().filter(p -> p.metric().equals("tur_lookback_pct_1y")).count());
        assertTrue(revised.points().stream().allMatch(p -> p.vintage().equals(Obs.V2)));
        // 2020-03: 15.0 / 15.3 = 0.98039 -> 0.98 -> 98
        assertEquals(new BigDecimal("98"), r.value("tur_lookback_pct_1y", UR, "all", month("2020-03")));
    }

    @Test
    void anUnrelatedIndicatorTouchesNothing() {
        Obs.Run r = run("4.0", "5.0", "5.0");
        int size = r.data.size();
        MetricEngine.Result res = r.apply(Obs.of("unemployment_rate", "US-NV", "all", "nsa", org.laborwatch.contract.Frequency.MONTHLY,
                month("2020-02"), "5.5", "percent", Obs.V1));
        assertTrue(res.points().isEmpty());
        res = r.apply(Obs.of("u6_rate", "US-NV", "all", "sa", org.laborwatch.contract.Frequency.MONTHLY,
                month("2020-02"), "9.5", "percent", Obs.V1));
        assertTrue(res.points().isEmpty());
        assertEquals(size + 2, r.data.size());
    }

    @Test
    void overTheBundledStateFileNevadaApril2020() throws Exception {
        Obs.Run r = new Obs.Run(new Tur3Mo(), new TurLookback(1), new TurLookback(2));
        java.util.List<org.laborwatch.contract.Observation> nv = TestData.read(
                "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> o.region().equals("US-NV") && o.adjustment().equals("sa"));
        r.applyAll(nv);
        java.util.Map<LocalDate, BigDecimal> rates = new java.util.HashMap<>();
        nv.forEach(o -> rates.put(o.period(), o.value()));
        LocalDate t = month("2020-06");
        BigDecimal s = BigDecimal.ZERO;
        BigDecimal b = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            s = s.add(rates.get(t.minusMonths(i)));
            b = b.add(rates.get(t.minusMonths(12 + i)));
        }
        assertEquals(s.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.HALF_UP), r.value("tur_3mo", UR, "all", t));
        assertEquals(s.divide(b, 2, java.math.RoundingMode.HALF_UP).movePointRight(2).setScale(0),
                r.value("tur_lookback_pct_1y", UR, "all", t));
        assertTrue(r.value("tur_lookback_pct_1y", UR, "all", t).compareTo(BigDecimal.valueOf(110)) >= 0);
    }
}
