package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * One record must never hide, drop or invent data in the series state: a lone record far ahead
 * does not move the revision horizon, history beyond the horizon is refused with a reason (never
 * silently), refused data emit nothing, and conflicting duplicates resolve the same whatever the
 * arrival order.
 */
class SeriesStateIntegrityTest {

    private static final LocalDate VINTAGE = LocalDate.of(2024, 1, 5);

    private static Observation rate(LocalDate month, String value, String source, LocalDate vintage) {
        return new Observation("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, month, new BigDecimal(value),
                "percent", source, vintage);
    }

    /** 2014-01 .. 2023-12 at a gently varying rate, as CPS (five-year horizon) publishes it. */
    private static List<Observation> decade(String source) {
        List<Observation> out = new ArrayList<>();
        int i = 0;
        for (LocalDate m = month("2014-01"); m.isBefore(month("2024-01")); m = m.plusMonths(1), i++) {
            out.add(rate(m, String.valueOf(3.5 + (i % 7) / 10.0), source, VINTAGE));
        }
        return out;
    }

    @Test
    void aLoneRecordFarAheadDoesNotMoveTheHorizon() {
        Obs.Run withOutlier = new Obs.Run(new SahmGap());
        MetricEngine.Result outlier = withOutlier.apply(rate(month("2030-06"), "9.9", "bls.cps", LocalDate.of(2030, 7, 5)));
        assertEquals(Upsert.NEW, outlier.upsert());
        List<Observation> history = decade("bls.cps");
        for (Observation o : history) {
            assertTrue(withOutlier.apply(o).upsert().changedData(), "accepted: " + o.period());
        }
        Obs.Run plain = new Obs.Run(new SahmGap()).applyAll(history);
        for (LocalDate m = month("2015-01"); m.isBefore(month("2024-01")); m = m.plusMonths(1)) {
            assertEquals(plain.get("sahm_gap", "unemployment_rate", "all", m), withOutlier.get("sahm_gap", "unemployment_rate", "all", m),
                    "sahm_gap " + m);
        }
    }

    @Test
    void historyAfterNewerDataIsAppliedWithinTheHorizonAndRefusedWithAReasonBeyondIt() {
        List<Observation> history = decade("bls.cps");
        Obs.Run run = new Obs.Run(new SahmGap());
        // The newest two years first, then the whole decade, as a backfill sends it.
        history.subList(history.size() - 24, history.size()).forEach(run::apply);
        int refused = 0;
        for (Observation o : history) {
            MetricEngine.Result r = run.apply(o);
            boolean beyond = o.period().isBefore(month("2018-12")); // 60 months before 2023-12
            assertEquals(beyond, r.upsert() == Upsert.TOO_OLD, o.period() + ": " + r.upsert());
            if (beyond) {
                refused++;
                assertTrue(r.points().isEmpty(), "a refused record emits nothing");
                assertTrue(r.report().contains("older than its revision horizon"), r.report());
                assertTrue(r.report().contains("60 monthly periods (5 years for bls.cps sa) before 2023-12-01"), r.report());
            } else {
                assertNull(r.report());
            }
        }
        assertEquals(59, refused, "2014-01 .. 2018-11");
    }

    @Test
    void aSourceWithoutDocumentedRevisionsKeepsTwoYears() {
        List<Observation> history = decade("dol.eta539");
        Obs.Run run = new Obs.Run(new SahmGap()).applyAll(history);
        assertEquals(Upsert.TOO_OLD, run.apply(rate(month("2021-11"), "4.45", "dol.eta539", VINTAGE.plusDays(30))).upsert());
        assertEquals(Upsert.REVISED, run.apply(rate(month("2022-01"), "4.45", "dol.eta539", VINTAGE.plusDays(30))).upsert());
    }

    @Test
    void aFiveYearOldRevisionOfSeasonallyAdjustedCpsDataIsApplied() {
        Obs.Run run = new Obs.Run(new SahmGap()).applyAll(decade("bls.cps"));
        MetricEngine.Result r = run.apply(rate(month("2019-06"), "5.5", "bls.cps", LocalDate.of(2024, 2, 2)));
        assertEquals(Upsert.REVISED, r.upsert());
        assertTrue(r.points().stream().anyMatch(p -> p.period().equals(month("2019-08"))), "MA3 of 2019-08 reads 2019-06");
    }

    /**
     * The national rate is written by sources of different horizons (FRED and BLS's CPS, five
     * years; OECD, two by default). A write of the shorter-horizon source must not trim what the
     * longer one may still revise: the revision would be accepted and then find its look-back gone.
     */
    @Test
    void aWriteOfAShorterHorizonSourceKeepsTheHistoryALongerOneMayRevise() {
        assertARevisionAfterAShorterHorizonsWriteFindsItsHistory(false);
    }

    /** The same across restores: the widest horizon a series was written with is part of its saved state. */
    @Test
    void aSeriesKeepsItsWidestHorizonThroughARestore() {
        assertARevisionAfterAShorterHorizonsWriteFindsItsHistory(true);
    }

    private static void assertARevisionAfterAShorterHorizonsWriteFindsItsHistory(boolean restoreBetween) {
        Observation newestFromCps = rate(month("2024-01"), "3.7", "bls.cps", LocalDate.of(2024, 2, 2));
        Observation newestFromOecd = rate(month("2024-01"), "3.7", "oecd", LocalDate.of(2024, 2, 2));
        Observation revision = rate(month("2019-06"), "5.5", "bls.cps", LocalDate.of(2024, 2, 9));
        Obs.Run cpsOnly = new Obs.Run(new SahmGap()).applyAll(decade("bls.cps"));
        Obs.Run mixed = new Obs.Run(new SahmGap()).applyAll(decade("bls.cps"));
        cpsOnly.apply(newestFromCps);
        if (restoreBetween) {
            mixed = mixed.restored();
        }
        mixed.apply(newestFromOecd);
        if (restoreBetween) {
            mixed = mixed.restored();
        }
        assertEquals(Upsert.REVISED, cpsOnly.apply(revision).upsert());
        assertEquals(Upsert.REVISED, mixed.apply(revision).upsert(), "the revision finds the value it revises");
        for (LocalDate m = month("2019-01"); m.isBefore(month("2024-02")); m = m.plusMonths(1)) {
            MetricPoint expected = cpsOnly.get("sahm_gap", "unemployment_rate", "all", m);
            assertNotNull(expected, "sahm_gap " + m);
            assertEquals(expected, mixed.get("sahm_gap", "unemployment_rate", "all", m), "sahm_gap " + m);
        }
    }

    @Test
    void refusedDataNeverTurnAnOkPointUnavailable() {
        Obs.Run run = new Obs.Run(new SahmGap()).applyAll(decade("bls.cps"));
        List<MetricPoint> before = new ArrayList<>(run.emitted);
        run.apply(rate(month("1990-01"), "9.9", "bls.cps", LocalDate.of(2024, 2, 2)));
        run.apply(rate(month("2010-01"), "9.9", "bls.cps", LocalDate.of(2024, 2, 2)));
        assertEquals(before, run.emitted, "nothing emitted by refused records");
    }

    @Test
    void conflictingDuplicatesAreReportedAndResolvedTheSameWhateverTheOrder() {
        LocalDate m = month("2023-06");
        Observation low = rate(m, "3.6", "bls.cps", VINTAGE);
        Observation high = rate(m, "4.1", "bls.cps", VINTAGE);
        List<Observation> base = decade("bls.cps").stream().filter(o -> !o.period().equals(m)).toList();

        Obs.Run lowFirst = new Obs.Run(new SahmGap()).applyAll(base);
        lowFirst.apply(low);
        MetricEngine.Result r1 = lowFirst.apply(high);
        Obs.Run highFirst = new Obs.Run(new SahmGap()).applyAll(base);
        highFirst.apply(high);
        MetricEngine.Result r2 = highFirst.apply(low);

        assertEquals(Upsert.CONFLICT_REPLACED, r1.upsert());
        assertEquals(Upsert.CONFLICT_KEPT, r2.upsert());
        assertEquals(lowFirst.points, highFirst.points, "the same metric points whatever the arrival order");
        assertEquals(new BigDecimal("4.1"), highFirst.data.get(new SeriesId("unemployment_rate", "all", "sa"), m).value());
        for (MetricEngine.Result r : List.of(r1, r2)) {
            assertNotNull(r.report());
            assertTrue(r.report().contains("3.6") && r.report().contains("4.1"), "both values: " + r.report());
        }
        assertTrue(r2.points().isEmpty(), "the smaller copy changes nothing");
    }
}
