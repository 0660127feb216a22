package org.laborwatch.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/** Regions ON per period and their share of covered employment, whatever order regions arrive in. */
class RegionsOnRollupTest {

    private static final Map<String, BigDecimal> WEIGHTS = Map.of("US", new BigDecimal("1000"),
            "US-AZ", new BigDecimal("300"), "US-NE", new BigDecimal("100"));

    private static TriggerEvent event(String region, String week, Transition t) {
        LocalDate p = LocalDate.parse(week);
        return new TriggerEvent(TriggerEvent.idFor("eb-iur", 1, region, "all", p, t, "base"), "eb-iur", 1, region, "all",
                t, t == Transition.EXIT ? "off" : "base", t == Transition.EXIT ? 0 : 1, p, Frequency.WEEKLY, null, null,
                new TreeMap<>(), new TreeMap<>(), null, p.plusDays(12), null);
    }

    private static Map<String, BigDecimal> latest(List<MetricPoint> points, String metric) {
        Map<String, BigDecimal> byPeriod = new TreeMap<>();
        points.stream().filter(p -> p.metric().equals(metric)).forEach(p -> byPeriod.put(p.period().toString(), p.value()));
        return byPeriod;
    }

    @Test
    void countsRegionsOnAndTheirShareEvenWhenARegionArrivesLate() {
        RegionsOnRollup r = new RegionsOnRollup();
        List<MetricPoint> out = new ArrayList<>();
        // Arizona's whole history first, then Nebraska's: the roll-up revises the periods Nebraska changes.
        out.addAll(r.onEvent(event("US-AZ", "2020-05-30", Transition.ENTER), Frequency.WEEKLY, WEIGHTS));
        out.addAll(r.onEvent(event("US-AZ", "2020-11-21", Transition.EXIT), Frequency.WEEKLY, WEIGHTS));
        out.addAll(r.onEvent(event("US-NE", "2020-05-30", Transition.ENTER), Frequency.WEEKLY, WEIGHTS));
        out.addAll(r.onEvent(event("US-NE", "2020-08-29", Transition.EXIT), Frequency.WEEKLY, WEIGHTS));
        Map<String, BigDecimal> on = latest(out, RegionsOnRollup.REGIONS_ON);
        assertEquals(new BigDecimal("2"), on.get("2020-05-30"));
        assertEquals(new BigDecimal("1"), on.get("2020-08-29"));
        assertEquals(new BigDecimal("0"), on.get("2020-11-21"));
        Map<String, BigDecimal> share = latest(out, RegionsOnRollup.SHARE);
        assertEquals(new BigDecimal("40.00"), share.get("2020-05-30"));
        assertEquals(new BigDecimal("30.00"), share.get("2020-08-29"));
        assertTrue(out.stream().allMatch(p -> p.region().equals("US") && p.sector().equals("policy:eb-iur")));
    }

    /**
     * Issue #13 item 2: a replay of whole histories, region after region, recorded and flushed once,
     * writes each point at most once per metric, and the final values are those of flushing after
     * every event (which writes the late periods once per event of every region).
     */
    @Test
    void oneFlushAfterAReplayWritesEachPointOnceWithTheSameFinalValues() {
        List<TriggerEvent> replay = new ArrayList<>();
        for (String region : List.of("US-AZ", "US-NE")) {
            LocalDate week = LocalDate.parse("2020-01-04");
            for (int cycle = 0; cycle < 20; cycle++) {
                replay.add(event(region, week.toString(), Transition.ENTER));
                replay.add(event(region, week.plusWeeks(3 + cycle % 4).toString(), Transition.EXIT));
                week = week.plusWeeks(10);
            }
        }
        RegionsOnRollup eager = new RegionsOnRollup();
        List<MetricPoint> eagerOut = new ArrayList<>();
        replay.forEach(e -> eagerOut.addAll(eager.onEvent(e, Frequency.WEEKLY, WEIGHTS)));
        RegionsOnRollup deferred = new RegionsOnRollup();
        replay.forEach(e -> assertTrue(deferred.record(e, Frequency.WEEKLY)));
        assertTrue(deferred.hasUnflushed());
        List<MetricPoint> flushed = deferred.flush("eb-iur", WEIGHTS);
        assertTrue(!deferred.hasUnflushed());
        assertTrue(deferred.flush("eb-iur", WEIGHTS).isEmpty(), "nothing left to flush");

        Map<String, Long> writesPerPoint = new TreeMap<>();
        flushed.forEach(p -> writesPerPoint.merge(p.metric() + "@" + p.period(), 1L, Long::sum));
        assertEquals(flushed.size(), writesPerPoint.size(), "each point written once: " + writesPerPoint);
        Map<String, Long> eagerWrites = new TreeMap<>();
        eagerOut.forEach(p -> eagerWrites.merge(p.metric() + "@" + p.period(), 1L, Long::sum));
        assertTrue(eagerWrites.values().stream().anyMatch(n -> n > 1), "the per-event roll-up rewrites points");
        assertEquals(latest(eagerOut, RegionsOnRollup.REGIONS_ON), latest(flushed, RegionsOnRollup.REGIONS_ON));
        assertEquals(latest(eagerOut, RegionsOnRollup.SHARE), latest(flushed, RegionsOnRollup.SHARE));
    }

    @Test
    void tierChangesDoNotMoveTheCountAndStateSurvivesItsBinaryForm() throws Exception {
        RegionsOnRollup r = new RegionsOnRollup();
        r.onEvent(event("US-AZ", "2020-05-30", Transition.ENTER), Frequency.WEEKLY, WEIGHTS);
        assertTrue(r.onEvent(event("US-AZ", "2020-06-06", Transition.TIER_UP), Frequency.WEEKLY, WEIGHTS).isEmpty());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.writeTo(new DataOutputStream(bytes));
        RegionsOnRollup back = RegionsOnRollup.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(r, back);
    }

    @Test
    void coveredEmploymentWeighsEveryAreaAndTheNation() {
        Map<String, BigDecimal> w = CoveredEmployment.byRegion();
        assertEquals(54, w.size(), "53 areas and US");
        assertTrue(w.get("US-CA").compareTo(w.get("US-WY")) > 0);
        BigDecimal sum = w.entrySet().stream().filter(e -> !e.getKey().equals("US")).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(sum.subtract(w.get("US")).abs().compareTo(new BigDecimal("60")) < 0, "rounding only");
    }
}
