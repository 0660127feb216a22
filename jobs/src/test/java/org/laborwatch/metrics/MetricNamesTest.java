package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laborwatch.policy.MetricNames;

/**
 * {@link MetricNames} owns the names a policy may read; the catalogue owns what is computed. They
 * must be the same set: a name a policy accepts but no metric emits would validate and never fire.
 */
class MetricNamesTest {

    private static Set<String> emitted() {
        Set<String> emitted = MetricCatalogue.all().stream().map(Metric::name).collect(Collectors.toCollection(TreeSet::new));
        // The national roll-ups of policies (RegionsOnRollup), which breadth policies read.
        emitted.add(org.laborwatch.rollup.RegionsOnRollup.REGIONS_ON);
        emitted.add(org.laborwatch.rollup.RegionsOnRollup.SHARE);
        return emitted;
    }

    @Test
    void everyNameAPolicyMayReadIsEmittedBySomeMetric() {
        Set<String> neverEmitted = new TreeSet<>(MetricNames.ALL);
        neverEmitted.removeAll(emitted());
        assertEquals(Set.of(), neverEmitted, "accepted in policies but emitted by no metric");
    }

    @Test
    void everyEmittedMetricIsDeclaredWithADefinition() {
        Set<String> undeclared = new TreeSet<>(emitted());
        undeclared.removeAll(MetricNames.definitions().keySet());
        assertEquals(Set.of(), undeclared, "emitted but not declared in MetricNames");
    }
}
