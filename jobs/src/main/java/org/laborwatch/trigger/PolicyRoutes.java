package org.laborwatch.trigger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.Policy;

/**
 * Which of a set of policies read a metric point ({@link Policy#reads}, the routing rule), for the
 * job's routing operators and the backtest alike: the policies indexed by the metrics they read, so
 * that a point is checked against the few policies that read its metric and not against all of
 * them (in a run with history, matching each point against every policy, and listing the policies
 * for each point, was a twentieth of the job's CPU and a seventh of what it allocated; #13's
 * fourteenth part). Immutable; build a new one when the policies change.
 */
public final class PolicyRoutes {

    private final Map<String, List<Policy>> byMetric = new HashMap<>();
    private final List<Policy> policies;

    /** The routes of {@code policies}; a point's readers come in this order. */
    public PolicyRoutes(List<Policy> policies) {
        this.policies = List.copyOf(policies);
        for (Policy p : policies) {
            for (String metric : p.metrics()) {
                byMetric.computeIfAbsent(metric, m -> new ArrayList<>()).add(p);
            }
        }
        byMetric.replaceAll((m, ps) -> List.copyOf(ps));
    }

    /** The policies that read {@code point}, in the order given: those whose {@link Policy#reads} is true. */
    public List<Policy> readers(MetricPoint point) {
        List<Policy> candidates = byMetric.get(point.metric());
        if (candidates == null) {
            return List.of();
        }
        List<Policy> readers = null;
        for (int i = 0; i < candidates.size(); i++) {
            Policy p = candidates.get(i);
            if (p.reads(point)) {
                if (readers == null) {
                    readers = new ArrayList<>(candidates.size() - i);
                }
                readers.add(p);
            }
        }
        return readers == null ? List.of() : readers;
    }

    /**
     * The metrics some policy reads in {@code region}, whatever the sector: those of the policies
     * whose scope {@linkplain Policy.Scope#coversRegion covers the region}. A point of any other
     * metric of the region has no reader ({@link #readers} is empty for it).
     */
    public Set<String> metricsReadIn(String region) {
        Set<String> metrics = new TreeSet<>();
        for (Policy p : policies) {
            if (p.scope().coversRegion(region)) {
                metrics.addAll(p.metrics());
            }
        }
        return metrics;
    }
}
