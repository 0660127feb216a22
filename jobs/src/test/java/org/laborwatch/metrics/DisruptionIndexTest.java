package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/** The illustrative disruption index: z-scores against a trailing baseline, weighted. */
class DisruptionIndexTest {

    private static final String DI = "disruption_index";

    /** ai_use_rate (biweekly, +1, weight 1) and tur_3mo (monthly, -1, weight 2), 3-month baseline. */
    private static DisruptionIndex index() {
        return new DisruptionIndex(new DisruptionIndex.Config(3, 62, List.of(
                new DisruptionIndex.Component(AiUse.rate(), "all", Frequency.BIWEEKLY, 1, BigDecimal.ONE),
                new DisruptionIndex.Component(new Tur3Mo(), "all", Frequency.MONTHLY, -1, BigDecimal.valueOf(2)))));
    }

    private static Observation btos(LocalDate sat, String v) {
        return Obs.of("ai_use_rate", "US-CA", "all", "nsa", Frequency.BIWEEKLY, sat, v, "percent", Obs.V1);
    }

    private static final LocalDate FIRST_BTOS = LocalDate.of(2024, 1, 13);

    /** BTOS every two weeks from 2024-01-13; the last period of each month carries the value given. */
    private static void btosUpTo(Obs.Run r, LocalDate until) {
        Map<LocalDate, String> last = Map.of(LocalDate.of(2024, 1, 27), "1.0", LocalDate.of(2024, 2, 24), "2.0",
                LocalDate.of(2024, 3, 23), "3.0", LocalDate.of(2024, 4, 20), "8.0");
        for (LocalDate s = FIRST_BTOS; !s.isAfter(until); s = s.plusWeeks(2)) {
            r.apply(btos(s, last.getOrDefault(s, "0.5")));
        }
    }

    /** Rates giving tur_3mo 4.00, 5.00, 6.00, 5.00 for 2024-01..04. */
    private static void rates(Obs.Run r, String... months) {
        Map<String, String> v = Map.of("2023-11", "4.0", "2023-12", "4.0", "2024-01", "4.0", "2024-02", "7.0",
                "2024-03", "7.0", "2024-04", "1.0", "2024-05", "1.0");
        for (String m : months) {
            r.apply(Obs.rate("US-CA", month(m), v.get(m), Obs.V1));
        }
    }

    @Test
    void weightedMeanOfZScoresAgainstTheTrailingBaseline() {
        Obs.Run r = new Obs.Run(index());
        btosUpTo(r, LocalDate.of(2024, 5, 18));
        rates(r, "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05");
        // ai_use_rate April (04-20) = 8.0 vs Jan..Mar 1, 2, 3: mean 2, sd sqrt(2/3): z = 7.348469
        // tur_3mo April = 5.00 vs 4, 5, 6: z = 0 (sign -1, weight 2): (7.348469 + 0) / 3 = 2.449490
        assertEquals(new BigDecimal("2.45"), r.value(DI, "composite", "all", month("2024-04")));
        MetricPoint jan = r.get(DI, "composite", "all", month("2024-01"));
        assertFalse(jan.isAvailable());
        assertTrue(jan.reason().contains("3-month baseline"), jan.reason());
    }

    @Test
    void aDegenerateBaselineSkipsTheComponent() {
        Obs.Run r = new Obs.Run(index());
        btosUpTo(r, LocalDate.of(2024, 5, 18));
        for (String m : List.of("2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04", "2024-05")) {
            r.apply(Obs.rate("US-CA", month(m), "5.0", Obs.V1));
        }
        // tur_3mo is 5.00 throughout (sd 0): only ai_use_rate counts, z = 7.348469
        assertEquals(new BigDecimal("7.35"), r.value(DI, "composite", "all", month("2024-04")));
    }

    @Test
    void aMonthWaitsForItsComponentsThenForNoMoreThanTheWait() {
        Obs.Run r = new Obs.Run(index());
        btosUpTo(r, LocalDate.of(2024, 4, 6));
        rates(r, "2023-11", "2023-12", "2024-01", "2024-02", "2024-03", "2024-04");
        assertNull(r.get(DI, "composite", "all", month("2024-04")), "BTOS has not finished April");
        btosUpTo(r, LocalDate.of(2024, 4, 20));
        assertEquals(new BigDecimal("2.45"), r.value(DI, "composite", "all", month("2024-04")));
        // Rates stop; BTOS goes on. May waits for tur_3mo until BTOS is 62 days past May's end.
        btosUpTo(r, LocalDate.of(2024, 7, 27));
        assertNull(r.get(DI, "composite", "all", month("2024-05")));
        btosUpTo(r, LocalDate.of(2024, 8, 10));
        assertTrue(r.get(DI, "composite", "all", month("2024-05")) != null);
    }

    @Test
    void aValueAfterAGapOfSeveralMonthsReachesTheWholeGap() {
        Obs.Run r = new Obs.Run(new DisruptionIndex(new DisruptionIndex.Config(3, 62, List.of(
                new DisruptionIndex.Component(new Tur3Mo(), "all", Frequency.MONTHLY, 1, BigDecimal.ONE)))));
        for (LocalDate m = month("2019-01"); m.isBefore(month("2020-08")); m = m.plusMonths(1)) {
            if (!m.equals(month("2020-03")) && !m.equals(month("2020-04"))) {
                r.apply(Obs.rate("US-PR", m, m.getMonthValue() % 2 == 0 ? "9.1" : "8.9", Obs.V1));
            }
        }
        assertTrue(r.get(DI, "composite", "all", month("2020-02")).isAvailable());
        for (String m : List.of("2020-03", "2020-04", "2020-05")) {
            assertFalse(r.get(DI, "composite", "all", month(m)).isAvailable(), m);
        }
    }

    @Test
    void unrelatedSeriesDoNotTouchIt() {
        DisruptionIndex d = new DisruptionIndex(DisruptionIndex.Config.defaults(Map.of()));
        assertFalse(d.dependsOn(new SeriesId("u6_rate", "all", "sa")));
        assertFalse(d.dependsOn(new SeriesId("insured_unemployed", "soc:unknown", "nsa")));
        assertTrue(d.dependsOn(new SeriesId("unemployment_rate", "all", "sa")));
        // Occupation shares are not a default component; postings by occupational sector do not move it.
        assertFalse(d.dependsOn(new SeriesId("insured_unemployed", "soc:15", "nsa")));
        assertFalse(d.dependsOn(new SeriesId("job_postings_index", "indeed:software-development", "sa")));
        assertTrue(d.dependsOn(new SeriesId("job_postings_index", "all", "sa")));
        assertTrue(d.window(new SeriesId("unemployment_rate", "all", "sa")) >= 14 + 36);
    }

    @Test
    void aRevisionReachesTheBaselinesThatReadItNotEveryMonthToTheFrontier() {
        DisruptionIndex index = index();
        Obs.Run r = new Obs.Run(index);
        btosUpTo(r, LocalDate.of(2025, 12, 27));
        rates(r, "2023-11", "2023-12", "2024-01");
        // A revised April 2024 of ai_use_rate: the index of April (its value) and of the 3 months after
        // (their baselines) may change, no later month; the frontier is December 2025.
        SeriesId ai = new SeriesId("ai_use_rate", "all", "nsa");
        List<LocalDate> months = index.affected(ai, LocalDate.of(2024, 4, 20), r.data).stream().map(Slot::period).toList();
        assertEquals(month("2024-07"), months.get(months.size() - 1), months.toString());
        assertTrue(months.contains(month("2024-04")), months.toString());
        // Asked again (before and after an upsert, by the next day of a month): the same months.
        assertEquals(months, index.affected(ai, LocalDate.of(2024, 4, 27), r.data).stream().map(Slot::period).toList());
        // A new component (a series the region did not have) reaches every month up to the frontier,
        // asked before its first value is stored as after.
        Obs.Run btosOnly = new Obs.Run(index);
        btosUpTo(btosOnly, LocalDate.of(2025, 12, 27));
        SeriesId rate = new SeriesId("unemployment_rate", "all", "sa");
        List<LocalDate> all = index.affected(rate, month("2024-02"), btosOnly.data).stream().map(Slot::period).toList();
        assertEquals(month("2025-12"), all.get(all.size() - 1), "a new series: " + all);
        btosOnly.apply(Obs.rate("US-CA", month("2024-02"), "7.0", Obs.V1));
        assertEquals(all, index.affected(rate, month("2024-02"), btosOnly.data).stream().map(Slot::period).toList(),
                "after its first value");
        // Another series arriving (one the index does not read) widens nothing.
        btosOnly.apply(Obs.rate("US-CA", month("2024-03"), "7.0", Obs.V1));
        btosOnly.apply(Obs.of("unemployment_rate", "US-CA", "naics:11", "sa", Frequency.MONTHLY, month("2024-03"), "7.0",
                "percent", Obs.V1));
        List<LocalDate> next = index.affected(rate, month("2024-03"), btosOnly.data).stream().map(Slot::period).toList();
        assertEquals(month("2024-03"), next.get(next.size() - 1), next.toString());
    }

    @Test
    void aChangeReachesNoMonthPastItsComponentsNewestPeriod() {
        DisruptionIndex index = index();
        Obs.Run r = new Obs.Run(index);
        btosUpTo(r, LocalDate.of(2025, 12, 27));
        rates(r, "2023-11", "2023-12", "2024-01");
        // The rates run to January 2024: the baselines of February to April 2024 read January's tur_3mo,
        // but those months have no tur_3mo to score against them, so their index cannot change.
        SeriesId rate = new SeriesId("unemployment_rate", "all", "sa");
        List<LocalDate> months = index.affected(rate, month("2024-01"), r.data).stream().map(Slot::period).toList();
        assertEquals(month("2024-01"), months.get(months.size() - 1), months.toString());
        // An earlier start (here the rates' first month moving back) reaches every month to the
        // frontier, asked before the upsert as after it, so a month is compared with its point before.
        List<LocalDate> before = index.affected(rate, month("2023-10"), r.data).stream().map(Slot::period).toList();
        assertEquals(month("2025-12"), before.get(before.size() - 1), before.toString());
        r.apply(Obs.rate("US-CA", month("2023-10"), "4.0", Obs.V1));
        List<LocalDate> after = index.affected(rate, month("2023-10"), r.data).stream().map(Slot::period).toList();
        assertEquals(before, after);
    }

    /**
     * The property the narrow reach must keep: in any arrival order, after every observation, the
     * last point emitted for each month equals the month evaluated afresh (a new instance, no
     * caches), and no point comes out that the observation did not change. One vintage, so no observation confirms a value under a newer one (a confirmation
     * changes no point's inputs but their vintages, and is not evaluated: MetricEngine).
     */
    @Test
    void inAnyArrivalOrderTheLastPointOfEachMonthIsTheMonthEvaluatedAfresh() {
        List<Observation> all = new ArrayList<>();
        int i = 0;
        for (LocalDate s = FIRST_BTOS; !s.isAfter(LocalDate.of(2025, 6, 28)); s = s.plusWeeks(2), i++) {
            all.add(btos(s, String.valueOf(1 + (i * 7) % 11)));
        }
        i = 0;
        for (LocalDate m = month("2023-09"); !m.isAfter(month("2025-03")); m = m.plusMonths(1), i++) {
            all.add(Obs.rate("US-CA", m, String.valueOf(3 + (i * 5) % 9) + ".0", Obs.V1));
        }
        List<List<Observation>> orders = new ArrayList<>();
        orders.add(all); // postings-like component far ahead, then the rates in period order
        List<Observation> reversed = new ArrayList<>(all);
        Collections.reverse(reversed);
        orders.add(reversed);
        for (long seed = 1; seed <= 12; seed++) {
            List<Observation> shuffled = new ArrayList<>(all);
            Collections.shuffle(shuffled, new Random(seed));
            orders.add(shuffled);
        }
        for (List<Observation> order : orders) {
            Obs.Run r = new Obs.Run(index());
            int step = 0;
            for (Observation o : order) {
                Map<LocalDate, Optional<MetricPoint>> before = new java.util.HashMap<>();
                for (LocalDate m = month("2023-09"); !m.isAfter(month("2025-07")); m = m.plusMonths(1)) {
                    before.put(m, index().compute(r.data, "US-CA", "all", m));
                }
                for (MetricPoint p : r.apply(o).points()) {
                    if (p.metric().equals(DI)) {
                        assertNotEquals(Optional.of(p), before.get(p.period()), "order " + orders.indexOf(order)
                                + ", observation " + (step + 1) + " (" + o + ") emitted a point it did not change");
                    }
                }
                step++;
                for (LocalDate m = month("2023-09"); !m.isAfter(month("2025-07")); m = m.plusMonths(1)) {
                    Optional<MetricPoint> fresh = index().compute(r.data, "US-CA", "all", m);
                    if (fresh.isPresent()) {
                        assertEquals(fresh.get(), r.get(DI, "composite", "all", m),
                                "order " + orders.indexOf(order) + ", after " + step + " observations (" + o + "), " + m);
                    }
                }
            }
        }
    }

    /**
     * One index for two regions whose observations interleave, as the keys of one subtask do: what
     * it finds of each region's series (its components, their frontiers) stays that region's, and
     * follows a component that arrives later in one of them.
     */
    @Test
    void regionsInterleavedThroughOneIndexKeepTheirOwnComponents() {
        Obs.Run ca = new Obs.Run(index());
        Obs.Run tx = ca.anotherRegion();
        List<Observation> caObs = new ArrayList<>();
        List<Observation> txObs = new ArrayList<>();
        int i = 0;
        for (LocalDate s = FIRST_BTOS; !s.isAfter(LocalDate.of(2024, 12, 28)); s = s.plusWeeks(2), i++) {
            caObs.add(Obs.of("ai_use_rate", "US-CA", "all", "nsa", Frequency.BIWEEKLY, s, String.valueOf(1 + (i * 7) % 11),
                    "percent", Obs.V1));
            if (s.isAfter(LocalDate.of(2024, 3, 1))) { // Texas's data start later
                txObs.add(Obs.of("ai_use_rate", "US-TX", "all", "nsa", Frequency.BIWEEKLY, s,
                        String.valueOf(2 + (i * 5) % 7), "percent", Obs.V1));
            }
        }
        i = 0;
        for (LocalDate m = month("2023-11"); !m.isAfter(month("2024-12")); m = m.plusMonths(1), i++) {
            caObs.add(Obs.rate("US-CA", m, String.valueOf(3 + (i * 5) % 9) + ".0", Obs.V1));
            // Texas's rates arrive after all its BTOS periods: its components change mid-run.
            if (!m.isBefore(month("2024-02"))) {
                txObs.add(Obs.rate("US-TX", m, String.valueOf(4 + (i * 3) % 7) + ".0", Obs.V1));
            }
        }
        Collections.shuffle(caObs, new Random(7)); // California's in no particular order
        int steps = 0;
        for (int k = 0; k < Math.max(caObs.size(), txObs.size()); k++) {
            for (Obs.Run r : List.of(ca, tx)) {
                List<Observation> own = r == ca ? caObs : txObs;
                if (k >= own.size()) {
                    continue;
                }
                r.apply(own.get(k));
                String region = r == ca ? "US-CA" : "US-TX";
                LocalDate start = own.subList(0, k + 1).stream().map(Observation::period).min(LocalDate::compareTo)
                        .orElseThrow().withDayOfMonth(1);
                for (LocalDate m = month("2023-11"); m.isBefore(start); m = m.plusMonths(1)) {
                    // Before the region's data start: nothing, whatever the other region has there.
                    assertNull(r.get(DI, "composite", "all", m), region + " before its data start, " + m);
                }
                for (LocalDate m = month("2023-11"); !m.isAfter(month("2024-12")); m = m.plusMonths(1)) {
                    Optional<MetricPoint> fresh = index().compute(r.data, region, "all", m);
                    if (fresh.isPresent()) { // (a month waiting for a component keeps its last point)
                        assertEquals(fresh.get(), r.get(DI, "composite", "all", m), region + " after " + (k + 1)
                                + " observations (" + own.get(k) + "), " + m);
                        steps++;
                    }
                }
            }
        }
        assertTrue(steps > 100, "too few months compared: " + steps);
        assertTrue(tx.get(DI, "composite", "all", month("2024-12")).isAvailable(), "Texas's index never had both components");
    }

    /**
     * What {@link DisruptionIndex#affected} relies on to stop at a component's newest period: each
     * default component has no point past the newest period of the series it reads.
     */
    @Test
    void theDefaultComponentsHaveNoPointPastTheirInputsNewestPeriod() {
        record Input(SeriesId id, Frequency frequency, LocalDate first) {}
        List<Input> inputs = List.of(
                new Input(new SeriesId("unemployment_rate", "all", "sa"), Frequency.MONTHLY, month("2020-01")),
                new Input(new SeriesId("initial_claims", "all", "nsa"), Frequency.WEEKLY, LocalDate.of(2020, 1, 4)),
                new Input(new SeriesId("average_hourly_earnings", "ces:total-private", "sa"), Frequency.MONTHLY, month("2020-01")),
                new Input(new SeriesId("job_postings_index", "all", "sa"), Frequency.DAILY, LocalDate.of(2020, 1, 1)),
                new Input(new SeriesId("ai_use_rate", "all", "nsa"), Frequency.BIWEEKLY, LocalDate.of(2020, 1, 4)));
        LocalDate end = LocalDate.of(2022, 12, 31);
        for (DisruptionIndex.Component c : DisruptionIndex.Config.defaults(Map.of()).components()) {
            List<Input> read = inputs.stream().filter(in -> c.metric().dependsOn(in.id()) && in.id().sector().equals(c.sector()))
                    .toList();
            assertEquals(1, read.size(), "one input for " + c.metric().name() + ": extend this test for a new component");
            Input in = read.get(0);
            RegionSeries data = new RegionSeries();
            LocalDate latest = null;
            int i = 0;
            for (LocalDate t = in.first(); !t.isAfter(end); t = in.frequency().plus(t, 1), i++) {
                data.upsert(Obs.of(in.id().indicator(), "US", in.id().sector(), in.id().adjustment(), in.frequency(), t,
                        String.valueOf(4 + i % 7), "percent", Obs.V1), 10_000, 20_000, null);
                latest = t;
            }
            boolean any = false;
            for (LocalDate t = latest.minusMonths(2); !t.isAfter(latest.plusMonths(3)); t = t.plusDays(1)) {
                Optional<MetricPoint> p = c.metric().compute(data, "US", c.sector(), t);
                any |= p.isPresent() && p.get().isAvailable();
                if (t.isAfter(latest)) {
                    assertTrue(p.isEmpty(), c.metric().name() + " at " + t + " after its input's newest period " + latest + ": " + p);
                }
            }
            assertTrue(any, c.metric().name() + " has points up to its input's newest period");
        }
    }
}
