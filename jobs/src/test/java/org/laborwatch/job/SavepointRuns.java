package org.laborwatch.job;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Assertions;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.readers.ReaderOptions;

/**
 * The job graph over {@link FeedSource}s on the test mini cluster, run the ways the savepoint tests
 * compare: uninterrupted over all the input, or over the first part and stopped with a savepoint,
 * then restored (at any parallelism) and fed the rest.
 *
 * <p>The input is real bundled data: the national unemployment rate 1948-2023 (FRED UNRATE) and the
 * ETA 539 weekly claims of Arizona, Nebraska and the Virgin Islands 2019-2025, cut at
 * {@link #CUT}: the Sahm rule has entered for 2020 before the cut and exits after it, and the EB
 * triggers of May 2020 come after it, so state carried through the savepoint decides them.
 */
final class SavepointRuns {

    /** Observations with periods before this day are the first part. */
    static final LocalDate CUT = LocalDate.of(2020, 5, 15);
    static final String SOURCE_UID = "source-observations";
    static final String POLICIES_UID = "source-policies";
    private static final Set<String> STATES = Set.of("US-AZ", "US-NE", "US-VI");
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private SavepointRuns() {}

    /** The input, first part then second, each in file order. */
    static List<List<RawRecord>> parts() throws Exception {
        List<Observation> all = new ArrayList<>(TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true));
        all.addAll(TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", ReaderOptions.defaults(),
                o -> STATES.contains(o.region())));
        List<RawRecord> records = TestData.raw(all, "savepoint-input");
        List<RawRecord> first = new ArrayList<>();
        List<RawRecord> second = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (all.get(i).period().isBefore(CUT) ? first : second).add(records.get(i));
        }
        return List.of(first, second);
    }

    /** What one run wrote. */
    static final class Outputs {
        final CollectSink<TriggerEvent> triggers = new CollectSink<>();
        final CollectSink<MetricPoint> metrics = new CollectSink<>();
        final CollectSink<DeadLetter> deadLetters = new CollectSink<>();
    }

    /** A job started on the mini cluster of the calling test. */
    record Started(JobClient client, Outputs outputs) {

        /** Waits until the job has ended by itself (its feeds closed and read). */
        Outputs awaitEnd() throws Exception {
            client.getJobExecutionResult().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return outputs;
        }

        /** Waits until the source has read {@code records}, then stops the job with a savepoint, returning its path. */
        String stopWithSavepoint(FeedSource.Feed feed, long records, Path directory) throws Exception {
            feed.awaitRead(records, TIMEOUT);
            return client.stopWithSavepoint(false, directory.toAbsolutePath().toUri().toString(),
                    SavepointFormatType.CANONICAL).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /**
     * Starts the job graph over the feed {@code feed} (and {@code feed + "-policies"} for policy
     * updates) at {@code parallelism}, restoring {@code savepoint} when it is not null.
     */
    static Started start(String feed, int parallelism, String savepoint) throws Exception {
        Configuration conf = new Configuration();
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        Outputs outputs = new Outputs();
        LaborwatchPipeline.build(
                env.fromSource(new FeedSource<RawRecord>(feed), WatermarkStrategy.noWatermarks(), "observations feed",
                        TypeInformation.of(RawRecord.class)).setParallelism(1).uid(SOURCE_UID),
                env.fromSource(new FeedSource<PolicyUpdate>(feed + "-policies"), WatermarkStrategy.noWatermarks(),
                        "policy feed", TypeInformation.of(PolicyUpdate.class)).setParallelism(1).uid(POLICIES_UID),
                BundledPolicies.all(),
                PipelineSinks.builder().triggers(outputs.triggers).metrics(outputs.metrics)
                        .deadLetters(outputs.deadLetters).build());
        return new Started(env.executeAsync("savepoint test " + feed + " p" + parallelism), outputs);
    }

    /** Opens the observation and policy feeds of {@code name}, empty and open. */
    static FeedSource.Feed openFeeds(String name) {
        FeedSource.open(name + "-policies");
        return FeedSource.open(name);
    }

    /** Closes the policy feed of {@code name} so that a job over it can end. */
    static void closePolicies(String name) {
        FeedSource.open(name + "-policies").close();
    }

    /** Trigger events as a set, failing on a duplicate (every event is written once). */
    static Set<TriggerEvent> events(List<TriggerEvent> written) {
        Set<TriggerEvent> set = new HashSet<>(written);
        if (set.size() != written.size()) {
            throw new AssertionError((written.size() - set.size()) + " trigger events written twice");
        }
        return set;
    }

    /**
     * The last value and status of every metric point key (metric, indicator, region, sector, period),
     * in write order: what a store that upserts points holds. Vintages are left out because a roll-up
     * point's vintage is that of the event that last changed it, which depends on the order regions
     * arrive in.
     */
    static Map<String, String> finalPoints(List<MetricPoint> written) {
        Map<String, String> last = new TreeMap<>();
        for (MetricPoint p : written) {
            last.put(p.metric() + "|" + p.indicator() + "|" + p.region() + "|" + p.sector() + "|" + p.period(),
                    p.value() + " " + p.status());
        }
        return last;
    }

    /**
     * Asserts that what a job wrote before its savepoint and what the restored job wrote after it
     * add up to what an uninterrupted run wrote: the same trigger events, none twice, and the same
     * final metric points.
     */
    static void assertSameAsUninterrupted(Set<TriggerEvent> uninterrupted, Map<String, String> uninterruptedPoints,
            Set<TriggerEvent> before, Map<String, String> pointsBefore, Outputs after) {
        Set<TriggerEvent> restored = events(after.triggers.results());
        Assertions.assertFalse(before.isEmpty() || restored.isEmpty(), "events on both sides of the savepoint: "
                + before.size() + " before, " + restored.size() + " after");
        Set<TriggerEvent> again = new HashSet<>(before);
        again.retainAll(restored);
        Assertions.assertEquals(Set.of(), ids(again), "events written again after the restore");
        Set<TriggerEvent> all = new HashSet<>(before);
        all.addAll(restored);
        Assertions.assertEquals(Set.of(), ids(difference(uninterrupted, all)), "events of the uninterrupted run missing");
        Assertions.assertEquals(Set.of(), ids(difference(all, uninterrupted)), "events the uninterrupted run did not write");
        Map<String, String> points = new TreeMap<>(pointsBefore);
        points.putAll(finalPoints(after.metrics.results()));
        Assertions.assertEquals(uninterruptedPoints.size(), points.size(), "metric point keys");
        Map<String, String> differing = new TreeMap<>();
        uninterruptedPoints.forEach((k, v) -> {
            if (!v.equals(points.get(k))) {
                differing.put(k, v + " uninterrupted, " + points.get(k) + " across the savepoint");
            }
        });
        Assertions.assertEquals(Map.of(), differing, "final metric points");
        Assertions.assertEquals(List.of(), after.deadLetters.results(), "dead letters after the restore");
    }

    private static Set<TriggerEvent> difference(Set<TriggerEvent> a, Set<TriggerEvent> b) {
        Set<TriggerEvent> d = new HashSet<>(a);
        d.removeAll(b);
        return d;
    }

    private static Set<String> ids(Set<TriggerEvent> events) {
        return events.stream().map(e -> e.policy() + " " + e.region() + " " + e.period() + " " + e.transition() + " "
                + e.eventId()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
