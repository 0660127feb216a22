package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;

/**
 * A policy over the roll-ups of a breadth policy is refused: breadth events are not rolled up (the
 * breadth stage comes after the roll-ups), so it would never decide, in the job or the backtest.
 */
class BreadthOfBreadthTest {

    private static final String OVER_BREADTH = """
            id: breadth-of-breadth
            version: 1
            scope: {regions: "US", sectors: "policy:sahm-breadth"}
            enter: "regions_on >= 1"
            """;
    private static final String MESSAGE = "policy 'breadth-of-breadth' reads the national roll-ups of policy 'sahm-breadth',"
            + " which itself reads roll-ups: the events of a breadth policy are not rolled up, so it would never decide;"
            + " read the roll-ups of the policies 'sahm-breadth' reads instead";

    private static List<Policy> policies() {
        return List.of(BundledPolicies.load("sahm-state"), BundledPolicies.load("sahm-breadth"),
                PolicyParser.parse(OVER_BREADTH));
    }

    @Test
    void theJobRefusesItAtStart() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PolicyBook(policies()));
        assertEquals(MESSAGE, e.getMessage());
    }

    @Test
    void theBacktestRefusesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backtest(policies(), MetricEngine.standard()));
        assertEquals(MESSAGE, e.getMessage());
    }

    @Test
    void anUpdateIsRefusedAndThePolicyInEffectKept() {
        PolicyBook book = new PolicyBook(policies().subList(0, 2));
        PolicyBook.Decision d = book.offer(OVER_BREADTH, id -> null);
        assertFalse(d.applied());
        assertEquals(MESSAGE + "; the policy in effect is kept", d.refusal());
    }

    @Test
    void aBreadthPolicyOverADirectPolicyIsAccepted() {
        PolicyBook book = new PolicyBook(policies().subList(0, 2));
        assertTrue(PolicyBook.readsRollUps(book.current("sahm-breadth", null)));
        assertNull(PolicyBook.breadthOfBreadth(BundledPolicies.load("sahm-breadth"), id -> BundledPolicies.load("sahm-state")));
    }
}
