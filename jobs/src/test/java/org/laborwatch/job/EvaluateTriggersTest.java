package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
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

/** The trigger operator with policy updates arriving mid-stream, on Flink's broadcast test harness. */
class EvaluateTriggersTest {

    private KeyedBroadcastOperatorTestHarness<String, PolicyInput, PolicyUpdate, TriggerEvent> harness;
    private long time;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                new EvaluateTriggers(new PolicyBook(List.of(BundledPolicies.load("eb-iur")))),
                PolicyInput::key, Types.STRING, PolicyDescriptors.POLICY_UPDATES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private static String ebPolicy(int version, String threshold, String regions) {
        return """
                id: eb-iur
                version: %d
                scope: {regions: "%s", sectors: all}
                enter: {all: ["iur_13wk >= %s", "iur_lookback_pct >= 120"]}
                effective: {lag_weeks: 3, starts_on: sunday}
                """.formatted(version, regions, threshold);
    }

    private List<TriggerEvent> week(String region, LocalDate week, String iur) throws Exception {
        int before = harness.extractOutputValues().size();
        for (String[] m : new String[][] {{"iur_13wk", iur}, {"iur_lookback_pct", "200"}}) {
            harness.processElement(new PolicyInput("eb-iur", MetricPoint.ok(m[0], "insured_unemployed_13wk_avg", region,
                    "all", Frequency.WEEKLY, week, new BigDecimal(m[1]), week.plusDays(12))), ++time);
        }
        List<TriggerEvent> all = harness.extractOutputValues();
        return all.subList(before, all.size());
    }

    private int keyedStateEntries() {
        return ((org.apache.flink.runtime.state.heap.HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    private List<PolicyAck> acks() {
        return harness.getSideOutput(PolicyDescriptors.POLICY_ACKS).stream().map(StreamRecord::getValue).toList();
    }

    @Test
    void anUpdateAppliesMidStreamAndKeepsTheStateOfKeysItStillCovers() throws Exception {
        LocalDate w = LocalDate.of(2020, 5, 30);
        assertEquals(Transition.ENTER, week("US-AZ", w, "5.5").get(0).transition());
        harness.processBroadcastElement(PolicyUpdate.unkeyed(ebPolicy(2, "6.0", "US-*")), ++time);
        assertEquals(List.of(PolicyAck.applied("eb-iur", 2)), acks());
        // Still ON from version 1 (state kept); 5.8 is below the new threshold and v2 has no min_on.
        List<TriggerEvent> next = week("US-AZ", w.plusWeeks(1), "5.8");
        assertEquals(Transition.EXIT, next.get(0).transition());
        assertEquals(2, next.get(0).policyVersion());
    }

    @Test
    void anInvalidOrOlderPolicyIsRefusedWithItsReasonAndTheOldOneKept() throws Exception {
        harness.processBroadcastElement(PolicyUpdate.unkeyed(ebPolicy(2, "6.0", "US-*").replace("iur_13wk >=", "iur_13wkk >=")), ++time);
        harness.processBroadcastElement(PolicyUpdate.unkeyed("version: [not yaml"), ++time);
        harness.processBroadcastElement(PolicyUpdate.unkeyed(ebPolicy(1, "4.0", "US-*")), ++time);
        List<PolicyAck> acks = acks();
        assertEquals(3, acks.size());
        assertTrue(acks.stream().allMatch(a -> a.status().equals("refused")), acks.toString());
        assertTrue(acks.get(0).reason().contains("unknown metric 'iur_13wkk'"), acks.get(0).reason());
        assertTrue(acks.get(2).reason().contains("not newer"), acks.get(2).reason());
        // The bundled version 1 (5.0) is still in effect: 5.5 enters, 4.5 would not have under any update.
        assertEquals(Transition.ENTER, week("US-AZ", LocalDate.of(2020, 5, 30), "5.5").get(0).transition());
    }

    @Test
    void anUpdateThatNarrowsTheScopeDropsTheStateOfKeysItNoLongerCovers() throws Exception {
        LocalDate w = LocalDate.of(2020, 5, 30);
        week("US-AZ", w, "5.5");
        week("US-NE", w, "5.5");
        assertEquals(2, keyedStateEntries());
        harness.processBroadcastElement(PolicyUpdate.unkeyed(ebPolicy(2, "5.0", "US-NE")), ++time);
        assertEquals(1, keyedStateEntries());
    }

    @Test
    void aRefusedPolicyIsAcknowledgedWithTheIdAndVersionItsTextGives() throws Exception {
        harness.processBroadcastElement(PolicyUpdate.unkeyed(ebPolicy(7, "6.0", "US-*").replace("iur_13wk >=", "iur_13wkk >=")), ++time);
        harness.processBroadcastElement(PolicyUpdate.unkeyed("id: \"eb|iur\"\nversion: 99999999999\n"), ++time);
        List<PolicyAck> acks = acks();
        assertEquals("eb-iur", acks.get(0).policy());
        assertEquals(7, acks.get(0).version());
        // An id that is not a valid id, or a version that is not a positive int, is not repeated.
        assertEquals(null, acks.get(1).policy());
        assertEquals(0, acks.get(1).version());
    }

    @Test
    void aPolicyUnderAnotherPolicysKeyIsRefusedAndTheStoredTextKept() throws Exception {
        harness.processBroadcastElement(new PolicyUpdate("eb-iur", ebPolicy(2, "6.0", "US-*")), ++time);
        harness.processBroadcastElement(new PolicyUpdate("sahm-national", ebPolicy(3, "9.0", "US-*")), ++time);
        List<PolicyAck> acks = acks();
        assertEquals(PolicyAck.applied("eb-iur", 2), acks.get(0));
        PolicyAck refused = acks.get(1);
        assertEquals("refused", refused.status());
        assertEquals("eb-iur", refused.policy());
        assertEquals(3, refused.version());
        assertTrue(refused.reason().contains("Kafka key 'sahm-national' is not the policy id 'eb-iur'"), refused.reason());
        // Version 2 (6.0) is in effect, not the mis-keyed version 3 (9.0): 6.5 enters.
        assertEquals(Transition.ENTER, week("US-AZ", LocalDate.of(2020, 5, 30), "6.5").get(0).transition());
        assertTrue(harness.getOperator().getOperatorStateBackend()
                .getBroadcastState(PolicyDescriptors.POLICY_UPDATES).get("eb-iur").contains("version: 2"));
    }
}
