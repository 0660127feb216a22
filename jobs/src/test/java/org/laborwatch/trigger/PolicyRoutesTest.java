package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;

/** The routes give exactly the policies whose routing rule ({@link Policy#reads}) is true, in order. */
class PolicyRoutesTest {

    private static MetricPoint point(String metric, String region, String sector) {
        LocalDate m = LocalDate.of(2020, 4, 1);
        return MetricPoint.ok(metric, "unemployment_rate", region, sector, Frequency.MONTHLY, m, BigDecimal.ONE,
                m.plusMonths(1));
    }

    @Test
    void readersAreThePoliciesThatReadThePointInPolicyOrder() {
        List<Policy> policies = BundledPolicies.all();
        PolicyRoutes routes = new PolicyRoutes(policies);
        Set<String> metrics = new TreeSet<>(List.of("not_a_metric"));
        policies.forEach(p -> metrics.addAll(p.metrics()));
        String[] regions = {"US", "US-CA", "US-", "US-CA-06037", "GB", "CA", "OECD", "U"};
        String[] sectors = {"all", "ces:total-private", "policy:sahm-state", "policy:", "occ:office", "naics:52"};
        int routed = 0;
        for (String metric : metrics) {
            for (String region : regions) {
                for (String sector : sectors) {
                    MetricPoint point = point(metric, region, sector);
                    List<Policy> expected = new ArrayList<>();
                    for (Policy p : policies) {
                        if (p.reads(point)) {
                            expected.add(p);
                        }
                    }
                    assertEquals(expected, routes.readers(point), metric + " " + region + " " + sector);
                    routed += expected.size();
                }
            }
        }
        assertTrue(routed > 0, "no point was routed: the cases test nothing");
    }

    @Test
    void aPatternNeedsACharacterAfterItsPrefix() {
        Policy states = PolicyParser.parse("""
                id: p
                version: 1
                scope: {regions: "US-*", sectors: all}
                enter: "sahm_gap >= 0.50"
                """);
        PolicyRoutes routes = new PolicyRoutes(List.of(states));
        assertEquals(List.of(states), routes.readers(point("sahm_gap", "US-CA", "all")));
        assertEquals(List.of(), routes.readers(point("sahm_gap", "US-", "all")));
        assertEquals(List.of(), routes.readers(point("sahm_gap", "US", "all")));
        assertEquals(List.of(), routes.readers(point("sahm_gap", "GB-X", "all")));
        assertEquals(List.of(), routes.readers(point("iur_13wk", "US-CA", "all")));
        assertEquals(List.of(), routes.readers(point("sahm_gap", "US-CA", "naics:52")));
    }

    /**
     * The metrics read in a region are exactly those of which some point of the region, in some
     * sector, has a reader: a metric left out would lose a policy its points, one kept in would be
     * computed for nobody.
     */
    @Test
    void theMetricsReadInARegionAreThoseWithAReaderThere() {
        List<Policy> policies = BundledPolicies.all();
        PolicyRoutes routes = new PolicyRoutes(policies);
        Set<String> metrics = new TreeSet<>(List.of("not_a_metric"));
        policies.forEach(p -> metrics.addAll(p.metrics()));
        String[] sectors = {"all", "ces:total-private", "policy:sahm-state", "policy:sahm-countries", "occ:office"};
        for (String region : List.of("US", "US-CA", "US-CA-06037", "GB", "DE", "G-OECD", "CA")) {
            Set<String> expected = new TreeSet<>();
            for (String metric : metrics) {
                for (String sector : sectors) {
                    if (!routes.readers(point(metric, region, sector)).isEmpty()) {
                        expected.add(metric);
                    }
                }
            }
            assertEquals(expected, routes.metricsReadIn(region), region);
        }
        assertTrue(routes.metricsReadIn("US-CA").contains("disruption_index"));
        assertFalse(routes.metricsReadIn("DE").contains("disruption_index"));
        assertEquals(Set.of(), routes.metricsReadIn("G-OECD"), "an aggregate no policy watches");
    }
}
