package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;

/**
 * {@link MetricEngine#only}: an engine evaluating some of the catalogue's metrics emits, observation by
 * observation, exactly the points of those metrics that the engine of every metric emits (a backtest
 * computes only what its policies read, issue #13). Its series keep what the whole engine's keep:
 * with what the kept metrics alone read, the Sahm gap alone lost the national rate's 2017 months to
 * the OECD file's shorter revision horizon and said UNAVAILABLE where the whole engine had a value.
 */
class EngineSubsetTest {

    private static List<Observation> input;
    /** The whole engine's points, per observation, then the flush at the end: composites deferred, and at once. */
    private static List<List<MetricPoint>> deferredAll;
    private static List<List<MetricPoint>> eachAll;

    @BeforeAll
    static void replayEveryMetric() throws Exception {
        // Sahm (states, nation, countries), IUR, TUR, claims, occupation shares, wages, vacancies, the disruption index.
        input = TestData.statesNationAndCountries();
        deferredAll = replay(MetricEngine.standard(), true);
        eachAll = replay(MetricEngine.standard(), false);
    }

    /** The points of each observation (with composites deferred as a backtest on the latest data defers them, or not). */
    private static List<List<MetricPoint>> replay(MetricEngine engine, boolean deferComposites) {
        Map<String, RegionSeries> regions = new HashMap<>();
        Map<String, Deferred> deferred = new HashMap<>();
        List<List<MetricPoint>> out = new ArrayList<>();
        for (Observation o : input) {
            RegionSeries data = regions.computeIfAbsent(o.region(), r -> new RegionSeries());
            Deferred wait = deferComposites ? deferred.computeIfAbsent(o.region(), r -> new Deferred()) : null;
            out.add(engine.apply(data, o, wait).points());
        }
        List<MetricPoint> flushed = new ArrayList<>();
        new TreeSet<>(deferred.keySet()).forEach(r -> flushed.addAll(engine.flush(regions.get(r), r, deferred.get(r))));
        out.add(flushed);
        return out;
    }

    private static List<List<MetricPoint>> of(List<List<MetricPoint>> points, Set<String> names) {
        return points.stream().map(ps -> ps.stream().filter(p -> names.contains(p.metric())).toList()).toList();
    }

    private static void assertSubsetEmitsAsTheWhole(Set<String> names) {
        MetricEngine subset = MetricEngine.standard().only(names);
        assertTrue(subset.metrics().size() < MetricEngine.standard().metrics().size(), "a proper subset: " + names);
        List<List<MetricPoint>> expected = of(deferredAll, names);
        assertTrue(expected.stream().anyMatch(ps -> !ps.isEmpty()), "the input has points of " + names);
        assertEquals(expected, replay(subset, true), "deferred composites: the points of " + names);
        assertEquals(of(eachAll, names), replay(subset, false), "every metric at once: the points of " + names);
    }

    @Test
    void theMetricsTheBundledPoliciesReadEmitAsInTheWholeEngine() {
        Set<String> read = new TreeSet<>();
        for (Policy p : BundledPolicies.all()) {
            read.addAll(p.metrics());
        }
        assertSubsetEmitsAsTheWhole(read);
    }

    @Test
    void eachMetricAloneEmitsAsInTheWholeEngine() {
        Set<String> names = new LinkedHashSet<>();
        MetricEngine.standard().metrics().forEach(m -> names.add(m.name()));
        for (String name : names) {
            if (of(deferredAll, Set.of(name)).stream().anyMatch(ps -> !ps.isEmpty())) {
                assertSubsetEmitsAsTheWhole(Set.of(name));
            }
        }
    }

    @Test
    void anEngineKeepingEveryMetricIsItself() {
        MetricEngine all = MetricEngine.standard();
        Set<String> names = new TreeSet<>();
        all.metrics().forEach(m -> names.add(m.name()));
        assertSame(all, all.only(names));
        assertEquals(0, all.only(Set.of("no_such_metric")).metrics().size());
    }
}
