package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;

/** A breadth policy's roll-up periods: decided once settled, in period order, on their final counts. */
class SettlingPeriodsTest {

    private static final Policy BREADTH = BundledPolicies.load("sahm-breadth");
    private static final long SETTLE = SettlingPeriods.SETTLE.toMillis();
    private static final LocalDate JAN = LocalDate.of(2008, 1, 1);
    private static final LocalDate FEB = LocalDate.of(2008, 2, 1);
    private static final LocalDate MAR = LocalDate.of(2008, 3, 1);

    private final SettlingPeriods periods = new SettlingPeriods();
    private final TriggerState state = new TriggerState();

    /** The roll-up of sahm-state for a period: a count of states ON and their share of covered employment. */
    private void rollUp(LocalDate period, int statesOn, String share, long now) {
        periods.offer(point("regions_on", period, BigDecimal.valueOf(statesOn)), now);
        periods.offer(point("regions_on_share_pct", period, new BigDecimal(share)), now);
    }

    private static MetricPoint point(String metric, LocalDate period, BigDecimal value) {
        return MetricPoint.ok(metric, "sahm-state", "US", "policy:sahm-state", Frequency.MONTHLY, period, value,
                LocalDate.of(2023, 11, 17));
    }

    private static Policy restating() {
        return PolicyParser.parse("""
                id: sahm-breadth
                version: 2
                scope: {regions: "US", sectors: "policy:sahm-state"}
                enter: {any: ["regions_on >= 30", "regions_on_share_pct >= 75"]}
                exit: not-enter
                effective: {lag_months: 1}
                revisions: restate
                """);
    }

    @Test
    void aPeriodIsDecidedOnlyOnceItHasGoneUnchangedForTheSettleDeadline() {
        rollUp(JAN, 31, "60.00", 0);
        assertEquals(List.of(), periods.decideSettled(BREADTH, state, SETTLE - 1));
        assertNull(state.lastPeriod(), "nothing decided before the deadline");
        assertEquals(SETTLE, periods.nextDecision());

        List<TriggerEvent> events = periods.decideSettled(BREADTH, state, SETTLE);
        assertEquals(1, events.size());
        assertEquals(Transition.ENTER, events.get(0).transition());
        assertEquals(JAN, events.get(0).period());
        assertTrue(periods.isEmpty(), "a decided period is no longer held");
        assertNull(periods.nextDecision());
    }

    @Test
    void aChangeRestartsThePeriodsDeadline() {
        rollUp(JAN, 10, "20.00", 0);
        rollUp(JAN, 31, "60.00", 50_000);
        assertEquals(List.of(), periods.decideSettled(BREADTH, state, SETTLE));
        assertEquals(50_000 + SETTLE, periods.nextDecision());
        assertEquals(Transition.ENTER, periods.decideSettled(BREADTH, state, 50_000 + SETTLE).get(0).transition());
    }

    @Test
    void aSettledPeriodWaitsForEveryEarlierPeriodStillChanging() {
        rollUp(FEB, 31, "60.00", 0);
        rollUp(JAN, 5, "10.00", 30_000);
        // February has settled, January has not: neither is decided.
        assertEquals(List.of(), periods.decideSettled(BREADTH, state, SETTLE));
        assertNull(state.lastPeriod());
        assertEquals(30_000 + SETTLE, periods.nextDecision(), "the earliest held period sets the next decision");

        List<TriggerEvent> events = periods.decideSettled(BREADTH, state, 30_000 + SETTLE);
        assertEquals(FEB, state.lastPeriod(), "both decided, January first");
        assertEquals(List.of(FEB), events.stream().map(TriggerEvent::period).toList(), "January stays OFF, February enters");
    }

    @Test
    void laterPeriodsStillChangingWaitWhileEarlierOnesAreDecided() {
        rollUp(JAN, 31, "60.00", 0);
        rollUp(FEB, 29, "50.00", 0);
        rollUp(MAR, 35, "80.00", 40_000);
        List<TriggerEvent> events = periods.decideSettled(BREADTH, state, SETTLE);
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), events.stream().map(TriggerEvent::transition).toList());
        assertEquals(FEB, state.lastPeriod());
        assertEquals(1, periods.periods(), "March is still held");
        assertEquals(40_000 + SETTLE, periods.nextDecision());
    }

    @Test
    void aPeriodIsDecidedOnItsFinalCountNotOnThePartialOnes() {
        // States arrive one flush after another: 12, 25, then 30 states ON in January.
        rollUp(JAN, 12, "20.00", 0);
        rollUp(JAN, 25, "40.00", 2_000);
        rollUp(JAN, 30, "55.00", 4_000);
        List<TriggerEvent> events = periods.decideSettled(BREADTH, state, 4_000 + SETTLE);
        assertEquals(1, events.size());
        assertEquals(0, new BigDecimal("30").compareTo(events.get(0).evidence().get("regions_on")));
        assertEquals(0, new BigDecimal("55.00").compareTo(events.get(0).evidence().get("regions_on_share_pct")));
    }

    @Test
    void aRevisionAfterTheDecisionIsKeptByAProspectivePolicy() {
        rollUp(JAN, 31, "60.00", 0);
        assertEquals(Transition.ENTER, periods.decideSettled(BREADTH, state, SETTLE).get(0).transition());
        rollUp(JAN, 12, "20.00", 100_000);
        assertEquals(List.of(), periods.decideSettled(BREADTH, state, 100_000 + SETTLE), "prospective: decisions stand");
        assertTrue(state.isOn());
        assertTrue(periods.isEmpty(), "the revision was taken, not held forever");
    }

    @Test
    void aRevisionAfterTheDecisionIsCorrectedByARestatingPolicyOnceSettled() {
        Policy policy = restating();
        rollUp(JAN, 31, "60.00", 0);
        TriggerEvent enter = periods.decideSettled(policy, state, SETTLE).get(0);
        rollUp(JAN, 12, "20.00", 100_000);
        rollUp(JAN, 10, "18.00", 102_000);
        assertEquals(List.of(), periods.decideSettled(policy, state, 100_000 + SETTLE), "the revision settles first");
        List<TriggerEvent> corrected = periods.decideSettled(policy, state, 102_000 + SETTLE);
        assertEquals(1, corrected.size(), "one correction for the settled revision, not one per partial count: " + corrected);
        assertEquals(Transition.CORRECTION, corrected.get(0).transition());
        assertEquals(enter.eventId(), corrected.get(0).corrects());
        assertEquals(0, BigDecimal.TEN.compareTo(corrected.get(0).evidence().get("regions_on")));
    }

    @Test
    void theEndOfTheInputDecidesEveryHeldPeriodInOrder() {
        rollUp(MAR, 5, "10.00", 2_000);
        rollUp(JAN, 31, "60.00", 1_000);
        rollUp(FEB, 31, "61.00", 0);
        List<TriggerEvent> events = new ArrayList<>(periods.decideAll(BREADTH, state));
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), events.stream().map(TriggerEvent::transition).toList());
        assertEquals(List.of(JAN, MAR), events.stream().map(TriggerEvent::period).toList());
        assertTrue(periods.isEmpty());
        assertEquals(MAR, state.lastPeriod());
    }
}
