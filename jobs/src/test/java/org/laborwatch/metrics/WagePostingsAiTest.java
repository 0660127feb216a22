package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/** wage_growth_yoy, postings_change_4wk/52wk, ai_use_rate and ai_use_change. */
class WagePostingsAiTest {

    private static final String AHE = "average_hourly_earnings";

    @Test
    void wageGrowthPerSectorOverTheBundledFredFile() throws Exception {
        Obs.Run r = new Obs.Run(new WageGrowth());
        r.applyAll(TestData.read("fred_national_monthly_1980-2025_vintage2026-01.csv", "fred-long", ReaderOptions.defaults(),
                o -> true));
        String sector = "ces:production-nonsupervisory";
        // AHETPI 2024-03 29.80 vs 2023-03 28.59: +4.2322%; 2024-01 29.61 vs 28.31: +4.5920%
        assertEquals(new BigDecimal("4.23"), r.value("wage_growth_yoy", AHE, sector, month("2024-03")));
        assertEquals(new BigDecimal("4.59"), r.value("wage_growth_yoy", AHE, sector, month("2024-01")));
        assertTrue(r.points.values().stream().allMatch(p -> p.sector().equals(sector)));
        assertNull(r.get("wage_growth_yoy", AHE, sector, month("1980-12")));
    }

    private static Observation wage(LocalDate m, String v, LocalDate vintage) {
        return Obs.of(AHE, "US", "ces:total-private", "sa", Frequency.MONTHLY, m, v, "usd_per_hour", vintage);
    }

    @Test
    void wageGrowthGapsAndRevisions() {
        Obs.Run r = new Obs.Run(new WageGrowth());
        for (LocalDate m = month("2023-01"); m.isBefore(month("2025-01")); m = m.plusMonths(1)) {
            if (!m.equals(month("2023-06"))) {
                r.apply(wage(m, m.getYear() == 2023 ? "30.00" : "31.50", Obs.V1));
            }
        }
        assertEquals(new BigDecimal("5.00"), r.value("wage_growth_yoy", AHE, "ces:total-private", month("2024-05")));
        MetricPoint gap = r.get("wage_growth_yoy", AHE, "ces:total-private", month("2024-06"));
        assertFalse(gap.isAvailable());
        assertTrue(gap.reason().contains("2023-06"), gap.reason());
        MetricEngine.Result res = r.apply(wage(month("2023-12"), "31.00", Obs.V2));
        assertEquals(1, res.points().size()); // 2023-12 is before the first value (2024-01), so only 2024-12
        assertEquals(new BigDecimal("1.61"), r.value("wage_growth_yoy", AHE, "ces:total-private", month("2024-12")));
    }

    private static Observation postings(LocalDate d, String v) {
        return Obs.of("job_postings_index", "US-CA", "all", "sa", Frequency.DAILY, d, v, "index", Obs.V1);
    }

    @Test
    void postingsChangesAreEmittedForSaturdaysOnly() {
        Obs.Run r = new Obs.Run(new PostingsChange(28), new PostingsChange(364));
        LocalDate start = LocalDate.of(2023, 1, 1);
        for (LocalDate d = start; d.isBefore(LocalDate.of(2024, 3, 1)); d = d.plusDays(1)) {
            // 100.0 + a tenth a day: a steady rise
            r.apply(postings(d, BigDecimal.valueOf(1000 + java.time.temporal.ChronoUnit.DAYS.between(start, d), 1).toPlainString()));
        }
        assertTrue(r.emitted.stream().allMatch(p -> p.period().getDayOfWeek() == DayOfWeek.SATURDAY));
        assertTrue(r.emitted.stream().allMatch(p -> p.frequency() == Frequency.WEEKLY));
        LocalDate sat = LocalDate.of(2024, 2, 24);
        long days = java.time.temporal.ChronoUnit.DAYS.between(start, sat);
        BigDecimal now = BigDecimal.valueOf(1000 + days, 1);
        BigDecimal m4 = BigDecimal.valueOf(1000 + days - 28, 1);
        BigDecimal y1 = BigDecimal.valueOf(1000 + days - 364, 1);
        assertEquals(LaggedMetric.percentChange(now, m4), r.value("postings_change_4wk", "job_postings_index", "all", sat));
        assertEquals(LaggedMetric.percentChange(now, y1), r.value("postings_change_52wk", "job_postings_index", "all", sat));
        // 2024-02-24 (day 419): 141.9 vs 139.1 (+2.0129%) and vs 105.5 (+34.502%)
        assertEquals(new BigDecimal("2.01"), r.value("postings_change_4wk", "job_postings_index", "all", sat));
        assertEquals(new BigDecimal("34.50"), r.value("postings_change_52wk", "job_postings_index", "all", sat));
        // The first 52-week change is the first Saturday at least 364 days after the start (a Sunday).
        assertNull(r.get("postings_change_52wk", "job_postings_index", "all", LocalDate.of(2023, 12, 30)));
        assertTrue(r.get("postings_change_52wk", "job_postings_index", "all", LocalDate.of(2024, 1, 6)).isAvailable());
    }

    @Test
    void aMissingDayIsUnavailableOnlyForTheSaturdaysThatReadIt() {
        Obs.Run r = new Obs.Run(new PostingsChange(28));
        LocalDate start = LocalDate.of(2024, 1, 1);
        LocalDate hole = LocalDate.of(2024, 2, 3); // a Saturday
        for (LocalDate d = start; d.isBefore(LocalDate.of(2024, 4, 1)); d = d.plusDays(1)) {
            if (!d.equals(hole)) {
                r.apply(postings(d, "100.0"));
            }
        }
        assertFalse(r.get("postings_change_4wk", "job_postings_index", "all", hole).isAvailable());
        assertFalse(r.get("postings_change_4wk", "job_postings_index", "all", hole.plusDays(28)).isAvailable());
        assertEquals(0, r.value("postings_change_4wk", "job_postings_index", "all", hole.plusDays(7)).signum());
    }

    private static Observation btos(LocalDate sat, String v, LocalDate vintage) {
        return Obs.of("ai_use_rate", "US-CA", "all", "nsa", Frequency.BIWEEKLY, sat, v, "percent", vintage);
    }

    @Test
    void aiUseLevelAndChangeWithASuppressedCell() {
        Obs.Run r = new Obs.Run(AiUse.rate(), AiUse.change());
        LocalDate first = LocalDate.of(2023, 9, 30);
        String[] rates = {"3.7", "3.9", "4.1", "4.0", null, "4.6", "4.9", "5.4", "5.1", "5.0", "5.2"};
        for (int i = 0; i < rates.length; i++) {
            if (rates[i] != null) {
                r.apply(btos(first.plusWeeks(2L * i), rates[i], Obs.V1));
            }
        }
        assertEquals(new BigDecimal("3.7"), r.value("ai_use_rate", "ai_use_rate", "all", first));
        MetricPoint suppressed = r.get("ai_use_rate", "ai_use_rate", "all", first.plusWeeks(8));
        assertFalse(suppressed.isAvailable());
        assertTrue(suppressed.reason().contains(first.plusWeeks(8).toString()), suppressed.reason());
        // change over six periods: 4.9 - 3.7 = 1.2; 5.4 - 3.9 = 1.5
        assertEquals(new BigDecimal("1.2"), r.value("ai_use_change", "ai_use_rate", "all", first.plusWeeks(12)));
        assertEquals(new BigDecimal("1.5"), r.value("ai_use_change", "ai_use_rate", "all", first.plusWeeks(14)));
        assertFalse(r.get("ai_use_change", "ai_use_rate", "all", first.plusWeeks(20)).isAvailable()); // reads the suppressed cell
        assertNull(r.get("ai_use_change", "ai_use_rate", "all", first.plusWeeks(10)));
        // The suppressed cell published later: the level and the change that read it recompute.
        MetricEngine.Result res = r.apply(btos(first.plusWeeks(8), "4.3", Obs.V2));
        assertEquals(2, res.points().size());
        assertEquals(new BigDecimal("0.9"), r.value("ai_use_change", "ai_use_rate", "all", first.plusWeeks(20)));
    }
}
