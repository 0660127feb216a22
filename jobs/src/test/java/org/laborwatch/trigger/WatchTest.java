package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;

/** Early warning (issue #16 item 4): the watch condition, WATCH and CLEAR, and lagged values. */
class WatchTest {

    /** The issue's example: Sahm gap at or above 0.30 and rising for 2 periods, before the 0.50 enter. */
    private static final String RISING = """
            id: sahm-watch
            version: 1
            scope: {regions: US, sectors: all}
            enter: "sahm_gap >= 0.50"
            watch: {all: ["sahm_gap >= 0.30", "sahm_gap > sahm_gap[-1]", "sahm_gap[-1] > sahm_gap[-2]"]}
            """;

    private static MetricPoint sahm(String month, String gap) {
        LocalDate period = LocalDate.parse(month + "-01");
        return gap == null
                ? MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, period,
                        "not collected", period.plusMonths(1))
                : MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, period,
                        new BigDecimal(gap), period.plusMonths(1));
    }

    /** Feeds consecutive months from {@code first}, one gap each (null: unavailable). */
    private static List<TriggerEvent> months(Policy policy, TriggerState state, String first, String... gaps) {
        List<TriggerEvent> events = new ArrayList<>();
        LocalDate m = LocalDate.parse(first + "-01");
        for (String gap : gaps) {
            MetricPoint p = sahm(m.toString().substring(0, 7), gap);
            events.addAll(TriggerEvaluator.onMetric(policy, state, "US", "all", p));
            m = m.plusMonths(1);
        }
        return events;
    }

    private static String brief(TriggerEvent e) {
        return e.period().toString().substring(0, 7) + " " + e.transition();
    }

    @Test
    void watchStartsWhenTheGapIsAt030AndRoseTwiceAndClearsWhenItStops() {
        Policy p = PolicyParser.parse(RISING);
        TriggerState s = new TriggerState();
        // 2024-03: 0.31 is at least 0.30 and rose twice (0.10 < 0.20 < 0.31); 2024-06 falls to 0.33.
        List<TriggerEvent> events = months(p, s, "2024-01", "0.10", "0.20", "0.31", "0.35", "0.40", "0.33");
        assertEquals(List.of("2024-03 WATCH", "2024-06 CLEAR"), events.stream().map(WatchTest::brief).toList());
        TriggerEvent watch = events.get(0);
        assertEquals(LocalDate.of(2024, 3, 1), watch.watch().since());
        assertEquals(1, watch.watch().periods());
        assertEquals(Map.of("sahm_gap", new BigDecimal("0.19")), watch.watch().distanceToEnter(), "0.50 - 0.31");
        assertEquals("off", watch.tier());
        assertEquals(0, watch.tierLevel());
        assertFalse(watch.on());
        TriggerEvent clear = events.get(1);
        assertEquals(LocalDate.of(2024, 3, 1), clear.watch().since());
        assertEquals(3, clear.watch().periods(), "on watch 2024-03, -04, -05");
        assertEquals(new BigDecimal("0.17"), clear.watch().distanceToEnter().get("sahm_gap"));
        assertFalse(s.isWatching());
    }

    @Test
    void theWatchNeedsTheRiseNotOnlyTheLevel() {
        Policy p = PolicyParser.parse(RISING);
        // At or above 0.30 but flat, then falling: never on watch.
        assertEquals(List.of(), months(p, new TriggerState(), "2024-01", "0.30", "0.35", "0.35", "0.34", "0.33"));
    }

    @Test
    void anEnterEndsTheWatchWithoutAClear() {
        Policy p = PolicyParser.parse(RISING);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = months(p, s, "2024-04", "0.20", "0.30", "0.40", "0.53", "0.57");
        assertEquals(List.of("2024-06 WATCH", "2024-07 ENTER"), events.stream().map(WatchTest::brief).toList());
        TriggerEvent enter = events.get(1);
        assertEquals(LocalDate.of(2024, 6, 1), enter.watch().since());
        assertEquals(1, enter.watch().periods(), "the watch lasted one month before the ENTER");
        assertEquals(new BigDecimal("-0.03"), enter.watch().distanceToEnter().get("sahm_gap"), "past the threshold");
        assertFalse(s.isWatching());
        assertTrue(s.isOn());
    }

    @Test
    void anUnavailableMonthHoldsTheWatchAndBreaksTheRise() {
        Policy p = PolicyParser.parse(RISING);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = months(p, s, "2025-06", "0.20", "0.30", "0.40", null, "0.45", "0.46", "0.47");
        // 2025-09 unavailable: no CLEAR (unknown holds). 2025-10 reads 2025-09 as its [-1]: unknown, held.
        // 2025-11 reads [-2] = 2025-09: unknown, held; 2025-12 rose twice on known values: still watching.
        assertEquals(List.of("2025-08 WATCH"), events.stream().map(WatchTest::brief).toList());
        assertTrue(s.isWatching());
        List<TriggerEvent> later = months(p, s, "2026-01", "0.31");
        assertEquals(List.of("2026-01 CLEAR"), later.stream().map(WatchTest::brief).toList());
        assertEquals(5, later.get(0).watch().periods(), "2025-08 .. 2025-12, the unavailable month counted as time");
    }

    @Test
    void aLagBeforeTheFirstDecidedPeriodIsUnknown() {
        Policy p = PolicyParser.parse(RISING);
        TriggerState s = new TriggerState();
        // The first two months have no earlier values: the rise is unknown, the level alone cannot watch.
        assertEquals(List.of(), months(p, s, "2024-01", "0.40", "0.45"));
        assertEquals(List.of("2024-03 WATCH"), months(p, s, "2024-03", "0.46").stream().map(WatchTest::brief).toList());
    }

    @Test
    void eventsOfPoliciesWithoutAWatchCarryNoWatchFacts() {
        Policy p = PolicyParser.parse(RISING.replace("watch:", "#"));
        List<TriggerEvent> events = months(p, new TriggerState(), "2024-04", "0.20", "0.30", "0.40", "0.53");
        assertEquals(List.of("2024-07 ENTER"), events.stream().map(WatchTest::brief).toList());
        assertNull(events.get(0).watch());
    }

    @Test
    void theWatchAndTheLaggedValuesSurviveTheBinaryForm() throws Exception {
        Policy p = PolicyParser.parse(RISING);
        TriggerState s = new TriggerState();
        months(p, s, "2024-01", "0.10", "0.20", "0.31");
        assertTrue(s.isWatching());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        s.writeTo(new DataOutputStream(bytes));
        TriggerState restored = TriggerState.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(s, restored);
        // The restored state goes on as the original: the same CLEAR, the same duration.
        assertEquals(months(p, s, "2024-04", "0.35", "0.29"), months(p, restored, "2024-04", "0.35", "0.29"));
    }

    @Test
    void restatingRerunsTheWatchWithTheValuesOfThen() {
        Policy p = PolicyParser.parse(RISING + "revisions: restate\n");
        TriggerState s = new TriggerState();
        assertEquals(List.of("2024-03 WATCH"),
                months(p, s, "2024-01", "0.10", "0.20", "0.31", "0.35").stream().map(WatchTest::brief).toList());
        // 2024-02 revised to 0.35: 2024-03 (0.31) no longer rose over it, so its WATCH is retracted; 2024-04
        // (0.35) rose over 0.31 but 0.31 did not over 0.35, so no watch replaces it.
        List<TriggerEvent> revised = months(p, s, "2024-02", "0.35");
        assertEquals(List.of("2024-03 CORRECTION"), revised.stream().map(WatchTest::brief).toList());
        assertFalse(s.isWatching());
    }

    @Test
    void aWatchReadsTheRegionsParameters() {
        Policy p = PolicyParser.parse("""
                id: w
                version: 1
                scope: {regions: "US-*", sectors: all}
                parameters: {early: {default: 0.30, regions: {US-CA: 0.40}}}
                enter: "sahm_gap >= 0.50"
                watch: "sahm_gap >= early"
                """);
        MetricPoint ca = MetricPoint.ok("sahm_gap", "unemployment_rate", "US-CA", "all", Frequency.MONTHLY,
                LocalDate.of(2024, 1, 1), new BigDecimal("0.35"), LocalDate.of(2024, 2, 1));
        MetricPoint tx = MetricPoint.ok("sahm_gap", "unemployment_rate", "US-TX", "all", Frequency.MONTHLY,
                LocalDate.of(2024, 1, 1), new BigDecimal("0.35"), LocalDate.of(2024, 2, 1));
        assertEquals(List.of(), TriggerEvaluator.onMetric(p, new TriggerState(), "US-CA", "all", ca));
        assertEquals(Transition.WATCH, TriggerEvaluator.onMetric(p, new TriggerState(), "US-TX", "all", tx).get(0).transition());
    }
}
