package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.co.CoBroadcastWithKeyedOperator;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;
import org.laborwatch.trigger.SettlingPeriods;

/**
 * The breadth operator on Flink's broadcast test harness: its timers, its end of input, and the
 * state and timers it leaves behind.
 */
class DecideBreadthTest {

    private static final long SETTLE = SettlingPeriods.SETTLE.toMillis();
    private static final LocalDate APRIL = LocalDate.of(2020, 4, 1);

    private KeyedBroadcastOperatorTestHarness<String, PolicyInput, PolicyUpdate, TriggerEvent> harness;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(operator(), PolicyInput::key, Types.STRING,
                PolicyDescriptors.POLICY_UPDATES);
    }

    private static DecideBreadth operator() {
        return new DecideBreadth(new PolicyBook(List.of(BundledPolicies.load("sahm-state"),
                BundledPolicies.load("sahm-breadth"))));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    /** sahm-state's roll-up for a month, as RollUpPolicies emits it, routed to {@code policy}. */
    private void rollUp(String policy, LocalDate month, int statesOn, String share) throws Exception {
        for (MetricPoint p : List.of(
                point("regions_on", month, BigDecimal.valueOf(statesOn)),
                point("regions_on_share_pct", month, new BigDecimal(share)))) {
            harness.processElement(new PolicyInput(policy, p), harness.getProcessingTime());
        }
    }

    private static MetricPoint point(String metric, LocalDate month, BigDecimal value) {
        return MetricPoint.ok(metric, "sahm-state", "US", "policy:sahm-state", Frequency.MONTHLY, month, value,
                LocalDate.of(2020, 5, 8));
    }

    private int keyedStateEntries() {
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    @Test
    void aPeriodIsDecidedAtTheSettleDeadlineAndLeavesOnlyTheTriggerState() throws Exception {
        harness.setProcessingTime(1_000);
        rollUp("sahm-breadth", APRIL, 12, "20.00");
        harness.setProcessingTime(3_000);
        rollUp("sahm-breadth", APRIL, 44, "90.00");
        assertEquals(1, harness.numProcessingTimeTimers(), "one decision timer per key");
        assertEquals(1, harness.numEventTimeTimers(), "and its end-of-input twin");

        harness.setProcessingTime(1_000 + SETTLE);
        assertEquals(List.of(), harness.extractOutputValues(), "April changed at 3 s: not settled yet");
        assertEquals(1, harness.numProcessingTimeTimers(), "the timer moved to April's new deadline");

        harness.setProcessingTime(3_000 + SETTLE);
        List<TriggerEvent> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals(Transition.ENTER, out.get(0).transition());
        assertEquals(0, new BigDecimal("44").compareTo(out.get(0).evidence().get("regions_on")), "the final count");
        assertEquals(0, harness.numProcessingTimeTimers(), "no timer left once nothing is held");
        assertEquals(0, harness.numEventTimeTimers());
        assertEquals(1, keyedStateEntries(), "only the state machine's state is kept");
    }

    @Test
    void heldPeriodsAndTheirTimerSurviveARestoreFromACheckpoint() throws Exception {
        harness.setProcessingTime(1_000);
        rollUp("sahm-breadth", APRIL, 44, "90.00");
        OperatorSubtaskState checkpoint = harness.snapshot(1, 1_500);
        harness.close();

        harness = new KeyedBroadcastOperatorTestHarness<>(
                new CoBroadcastWithKeyedOperator<>(operator(), List.of(PolicyDescriptors.POLICY_UPDATES)),
                PolicyInput::key, Types.STRING, 1, 1, 0);
        harness.setup();
        harness.initializeState(checkpoint);
        harness.open();
        assertEquals(2, keyedStateEntries(), "the held periods and the timer's time are restored");
        assertEquals(1, harness.numProcessingTimeTimers(), "and the timer");
        harness.setProcessingTime(1_000 + SETTLE);
        List<TriggerEvent> out = harness.extractOutputValues();
        assertEquals(List.of(Transition.ENTER), out.stream().map(TriggerEvent::transition).toList());
        assertEquals(1, keyedStateEntries());
    }

    @Test
    void theEndOfABoundedInputDecidesEverythingHeldWithoutWaiting() throws Exception {
        harness.setProcessingTime(1_000);
        rollUp("sahm-breadth", APRIL, 44, "90.00");
        rollUp("sahm-breadth", APRIL.plusMonths(1), 3, "5.00");
        harness.setProcessingTime(2_000);
        harness.watermark(Long.MAX_VALUE);
        List<TriggerEvent> out = harness.extractOutputValues();
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), out.stream().map(TriggerEvent::transition).toList());
        assertEquals(0, harness.numProcessingTimeTimers());
        assertEquals(0, harness.numEventTimeTimers());
        assertEquals(1, keyedStateEntries());
    }

    @Test
    void aBreadthPolicyAddedAtRunTimeIsDecided() throws Exception {
        harness.processBroadcastElement(PolicyUpdate.unkeyed("""
                id: sahm-half
                version: 1
                scope: {regions: "US", sectors: "policy:sahm-state"}
                enter: "regions_on >= 26"
                """), 0);
        rollUp("sahm-half", APRIL, 27, "40.00");
        harness.setProcessingTime(SETTLE);
        List<TriggerEvent> out = harness.extractOutputValues();
        assertEquals(1, out.size());
        assertEquals("sahm-half", out.get(0).policy());
        assertEquals(Transition.ENTER, out.get(0).transition());
    }

    @Test
    void anUpdateThatNoLongerCoversAKeyDropsItsHeldPeriodsAndState() throws Exception {
        rollUp("sahm-breadth", APRIL, 44, "90.00");
        assertEquals(2, keyedStateEntries(), "the held periods and the timer's time");
        harness.processBroadcastElement(PolicyUpdate.unkeyed("""
                id: sahm-breadth
                version: 2
                scope: {regions: "US", sectors: "policy:eb-iur"}
                enter: "regions_on >= 30"
                """), 0);
        assertEquals(0, keyedStateEntries());
        harness.setProcessingTime(SETTLE);
        assertEquals(List.of(), harness.extractOutputValues(), "the left-over timer decides nothing");
        assertEquals(0, harness.numProcessingTimeTimers());
    }

    @Test
    void aPolicyReadingTheRollUpsOfABreadthPolicyIsRefused() throws Exception {
        harness.processBroadcastElement(PolicyUpdate.unkeyed("""
                id: breadth-of-breadth
                version: 1
                scope: {regions: "US", sectors: "policy:sahm-breadth"}
                enter: "regions_on >= 1"
                """), 0);
        rollUp("breadth-of-breadth", APRIL, 44, "90.00");
        assertEquals(0, keyedStateEntries(), "not in effect: its points are not held");
    }
}
