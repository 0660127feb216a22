package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.flink.streaming.util.BroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;

/**
 * The routing operator keeps its routes between points and takes a policy update at once: a point
 * after an update goes where the updated policy says, on Flink's broadcast test harness.
 */
class RouteToPoliciesTest {

    private BroadcastOperatorTestHarness<MetricPoint, PolicyUpdate, PolicyInput> harness;
    private long time;

    @BeforeEach
    void open() throws Exception {
        harness = ProcessFunctionTestHarnesses.forBroadcastProcessFunction(
                new RouteToPolicies(new PolicyBook(List.of(BundledPolicies.load("sahm-state"), BundledPolicies.load("eb-iur")))),
                PolicyDescriptors.POLICY_UPDATES);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<String> routed(String metric, String region) throws Exception {
        int before = harness.extractOutputValues().size();
        LocalDate m = LocalDate.of(2020, 4, 1);
        harness.processElement(MetricPoint.ok(metric, "unemployment_rate", region, "all", Frequency.MONTHLY, m,
                BigDecimal.ONE, m.plusMonths(1)), ++time);
        List<PolicyInput> all = harness.extractOutputValues();
        return all.subList(before, all.size()).stream().map(i -> i.policy() + " " + i.point().region()).toList();
    }

    private static String sahmState(int version, String regions, String metric) {
        return """
                id: sahm-state
                version: %d
                scope: {regions: "%s", sectors: all}
                enter: "%s >= 0.50"
                """.formatted(version, regions, metric);
    }

    @Test
    void anUpdateChangesWhereTheNextPointGoes() throws Exception {
        assertEquals(List.of("sahm-state US-CA"), routed("sahm_gap", "US-CA"));
        assertEquals(List.of(), routed("sahm_gap", "US"));

        harness.processBroadcastElement(PolicyUpdate.unkeyed(sahmState(2, "US", "sahm_gap")), ++time);
        assertEquals(List.of(), routed("sahm_gap", "US-CA"));
        assertEquals(List.of("sahm-state US"), routed("sahm_gap", "US"));

        harness.processBroadcastElement(PolicyUpdate.unkeyed(sahmState(3, "US-*", "tur_3mo")), ++time);
        assertEquals(List.of(), routed("sahm_gap", "US-CA"));
        assertEquals(List.of("sahm-state US-TX"), routed("tur_3mo", "US-TX"));
    }

    @Test
    void aRefusedUpdateLeavesTheRoutes() throws Exception {
        assertEquals(List.of("sahm-state US-CA"), routed("sahm_gap", "US-CA"));
        // Not newer than the version in effect: refused, the routes stay.
        harness.processBroadcastElement(PolicyUpdate.unkeyed(sahmState(1, "US", "sahm_gap")), ++time);
        assertEquals(List.of("sahm-state US-CA"), routed("sahm_gap", "US-CA"));
        assertEquals(List.of(), routed("sahm_gap", "US"));
    }
}
