package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * Composite metrics in a bounded replay ({@link Deferred}): evaluated once per period and month of
 * input, not once per observation, with the same final points as evaluating at once.
 */
class DeferredCompositeTest {

    private static final String IU = "insured_unemployed";
    private static final Map<String, BigDecimal> EXPOSURE = Map.of(
            "soc:11", new BigDecimal("0.2"), "soc:15", new BigDecimal("0.6"), "soc:43", new BigDecimal("0.4"));
    private static final String[] GROUPS = {"soc:11", "soc:15", "soc:43", "soc:53", "soc:29", "soc:35"};

    /** Counts the evaluations of a composite metric by period. */
    private static final class Counting extends ForwardingMetric {
        private static final long serialVersionUID = 1L;
        final Map<LocalDate, Integer> computed = new TreeMap<>();

        Counting(Metric inner) {
            super(inner);
        }

        @Override
        public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate period) {
            computed.merge(period, 1, Integer::sum);
            return inner.compute(data, region, sector, period);
        }
    }

    /** ETA 203-like rows: every group of a month, months 2019-01 .. 2020-06, then a revision of 2020-03. */
    private static List<Observation> rows() {
        List<Observation> os = new ArrayList<>();
        int k = 0;
        for (LocalDate m = month("2019-01"); !m.isAfter(month("2020-06")); m = m.plusMonths(1)) {
            for (String g : GROUPS) {
                os.add(Obs.of(IU, "US-WA", g, "nsa", Frequency.MONTHLY, m, String.valueOf(100 + (k++ * 37) % 400), "count",
                        Obs.V1));
            }
        }
        os.add(Obs.of(IU, "US-WA", "soc:15", "nsa", Frequency.MONTHLY, month("2020-03"), "999", "count", Obs.V2));
        return os;
    }

    /** The last point per metric and period, and every point emitted, in order. */
    private record Replay(Map<String, MetricPoint> last, List<MetricPoint> emitted) {}

    private static Replay replay(MetricEngine engine, List<Observation> os, boolean deferred) {
        RegionSeries data = new RegionSeries();
        Deferred wait = deferred ? new Deferred() : null;
        Map<String, MetricPoint> last = new TreeMap<>();
        List<MetricPoint> emitted = new ArrayList<>();
        for (Observation o : os) {
            emitted.addAll(engine.apply(data, o, wait).points());
        }
        if (deferred) {
            emitted.addAll(engine.flush(data, "US-WA", wait));
            assertTrue(wait.isEmpty(), "a flush leaves nothing waiting");
        }
        emitted.forEach(p -> last.put(p.metric() + "|" + p.period(), p));
        return new Replay(last, emitted);
    }

    @Test
    void deferredCompositesEndWithTheSamePointsAsEvaluatingAtOnce() {
        List<Observation> os = rows();
        Replay now = replay(new MetricEngine(List.of(new OccupationalDissimilarity(), new AiExposedClaimsShift(EXPOSURE))),
                os, false);
        Replay later = replay(new MetricEngine(List.of(new OccupationalDissimilarity(), new AiExposedClaimsShift(EXPOSURE))),
                os, true);
        assertFalse(now.last().isEmpty());
        assertEquals(now.last(), later.last());
    }

    @Test
    void aCompositePeriodIsEvaluatedOnceBeforeItsFirstTouchAndOncePerMonthOfInputThatTouchesIt() {
        List<Observation> os = rows();
        Counting deferred = new Counting(new OccupationalDissimilarity());
        replay(new MetricEngine(List.of(deferred)), os, true);
        Counting atOnce = new Counting(new OccupationalDissimilarity());
        replay(new MetricEngine(List.of(atOnce)), os, false);
        // 2020-02 is touched by the input of 2020-02 (its own groups), 2020-03 (the month before may
        // complete) and the revision of 2020-03 (another month of input after 2020-06): three months
        // of input, each evaluating it at its flush; the point before is evaluated only at the first
        // touch, later touches read the point of the last flush.
        LocalDate feb = month("2020-02");
        assertTrue(deferred.computed.get(feb) <= 1 + 3, "2020-02 evaluated " + deferred.computed.get(feb) + " times");
        assertTrue(atOnce.computed.get(feb) >= GROUPS.length, "at once, 2020-02 is evaluated per group: "
                + atOnce.computed.get(feb));
        Map<LocalDate, Integer> over = new HashMap<>();
        deferred.computed.forEach((m, n) -> {
            if (n > atOnce.computed.getOrDefault(m, 0)) {
                over.put(m, n);
            }
        });
        assertTrue(over.isEmpty(), "months evaluated more often deferred than at once: " + over);
    }

    @Test
    void theWaitingPeriodsComeOutWhenTheRegionsInputMovesToAnotherMonth() {
        MetricEngine engine = new MetricEngine(List.of(new OccupationalDissimilarity()));
        RegionSeries data = new RegionSeries();
        Deferred wait = new Deferred();
        List<Observation> os = rows();
        int firstOf2020 = 12 * GROUPS.length;
        for (Observation o : os.subList(0, firstOf2020 + GROUPS.length)) {
            engine.apply(data, o, wait);
        }
        // Every group of 2020-01 is in, but its month of input has not ended: nothing came out for it yet.
        assertFalse(wait.isEmpty());
        List<MetricPoint> out = engine.apply(data, os.get(firstOf2020 + GROUPS.length), wait).points();
        assertTrue(out.stream().anyMatch(p -> p.period().equals(month("2020-01")) && p.isAvailable()),
                "the first observation of 2020-02 releases 2020-01: " + out);
        for (int i = 1; i < out.size(); i++) {
            assertFalse(out.get(i).period().isBefore(out.get(i - 1).period()), "by period: " + out);
        }
    }

    @Test
    void flushedPointsAreKeptForTheLastYearsOnly() {
        Deferred wait = new Deferred();
        Metric m = new OccupationalDissimilarity();
        LocalDate first = month("2000-01");
        for (int k = 0; k < 12 * 50; k++) {
            wait.flushed(m, new Slot("all", first.plusMonths(k)), Optional.empty());
        }
        LocalDate newest = first.plusMonths(12 * 50 - 1);
        assertEquals(Optional.empty(), wait.flushedPoint(m, new Slot("all", newest)));
        assertEquals(Optional.empty(), wait.flushedPoint(m, new Slot("all", newest.minusYears(Deferred.KEEP_YEARS))));
        assertEquals(null, wait.flushedPoint(m, new Slot("all", first)), "50 years back is dropped");
    }
}
