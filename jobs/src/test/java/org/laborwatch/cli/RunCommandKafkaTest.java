package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.cli.KafkaJobFixture.committedTriggers;
import static org.laborwatch.cli.KafkaJobFixture.counts;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestClusters;
import org.laborwatch.kafka.EmbeddedKafka;

/**
 * {@code laborwatch run} against a real (in-process) Kafka broker, wired exactly as production
 * wires it, over the bundled real data: a plain round trip, exactly-once under injected failures,
 * a broker restart under a running job, and stop-with-savepoint then resume. Every run is checked
 * against the trigger events of the same graph with in-memory edges.
 */
class RunCommandKafkaTest {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-kafka");

    private static List<Observation> observations;
    private static Set<String> expectedIds;
    private static Map<String, TriggerEvent> expectedById;

    @BeforeAll
    static void reference() throws Exception {
        observations = KafkaJobFixture.observations();
        List<TriggerEvent> reference = KafkaJobFixture.referenceRun(observations);
        expectedById = reference.stream().collect(Collectors.toMap(TriggerEvent::eventId, e -> e, (a, b) -> a));
        expectedIds = reference.stream().map(TriggerEvent::eventId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(reference.size(), expectedIds.size(), "the reference run has unique ids");
    }

    private static void produce(String prefix, List<Observation> obs) throws Exception {
        KAFKA.createLaborwatchTopics(prefix);
        KafkaJobFixture.produce(KAFKA, prefix + "observations", obs, true);
    }

    /** Checks that the committed triggers are exactly the expected ids, once each; returns a summary. */
    private static String assertExactlyExpected(String prefix) {
        List<TriggerEvent> committed = committedTriggers(KAFKA, prefix + "triggers");
        Map<String, Integer> counts = counts(committed);
        Set<String> duplicated = counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        Set<String> lost = new TreeSet<>(expectedIds);
        lost.removeAll(counts.keySet());
        Set<String> unexpected = new TreeSet<>(counts.keySet());
        unexpected.removeAll(expectedIds);
        String summary = String.format("expected %d, committed %d (distinct %d), duplicated %d, lost %d, unexpected %d",
                expectedIds.size(), committed.size(), counts.size(), duplicated.size(), lost.size(), unexpected.size());
        System.out.println(prefix + " " + summary);
        assertTrue(duplicated.isEmpty(), "duplicated: " + duplicated);
        assertTrue(lost.isEmpty(), "lost: " + lost.stream().map(id -> describe(expectedById.get(id))).toList());
        assertTrue(unexpected.isEmpty(), "unexpected: " + unexpected);
        return summary;
    }

    /**
     * Known problem, left for the owners of the metrics and trigger operators: when the series of
     * one region are spread over partitions (Kafka's default partitioner on the series key) and the
     * partitions progress at different speeds, eb-iur decisions depend on which ran ahead. With the
     * stream slowed down (as under load), Nebraska's ENTER of 2020-05-30 and its EXIT of 2020-08-29
     * are never emitted (seen in every slowed-down run, with or without failures). It is not Kafka:
     * with in-memory edges at parallelism 1, delivering any one of Nebraska's ETA 539 series (at,
     * ce or ar) wholly before or wholly after the others also gives no Nebraska event at all, where
     * file order gives both. The trigger state machine seems to move past weeks whose inputs
     * arrive later and not revisit them. {@code replay} and the
     * tests above therefore place each record in its region's partition.
     */
    @Test
    void seriesOfARegionSpreadOverPartitionsGiveTheSameEvents() throws Exception {
        String prefix = "spread.";
        KAFKA.createLaborwatchTopics(prefix);
        KafkaJobFixture.produce(KAFKA, prefix + "observations", observations, false);
        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        run.boundedForTesting = true;
        run.observationsTapForTesting = s -> KafkaJobFixture.Tap.apply(s, Set.of(), 2);
        StreamExecutionEnvironment env = KafkaJobFixture.env(false);
        run.wire(env);
        env.execute("series spread over partitions");
        assertExactlyExpected(prefix);
    }

    @Test
    void realDataRoundTripsThroughKafka(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String prefix = "roundtrip.";
        produce(prefix, observations);
        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        run.boundedForTesting = true;
        StreamExecutionEnvironment env = KafkaJobFixture.env(false);
        run.wire(env);
        long t0 = System.nanoTime();
        JobID job = env.execute("roundtrip").getJobID();
        System.out.printf("roundtrip job: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, KafkaJobFixture.restarts(cluster, job));

        assertExactlyExpected(prefix);
        List<TriggerEvent> events = committedTriggers(KAFKA, prefix + "triggers");
        List<TriggerEvent> us = events.stream().filter(e -> e.policy().equals("sahm-national"))
                .sorted(java.util.Comparator.comparing(TriggerEvent::period)).toList();
        assertTrue(us.stream().anyMatch(e -> e.transition() == Transition.ENTER && e.period().equals(LocalDate.of(2008, 2, 1))), "" + us);
        assertTrue(us.stream().anyMatch(e -> e.transition() == Transition.ENTER && e.period().equals(LocalDate.of(2020, 4, 1))), "" + us);
        assertTrue(us.stream().anyMatch(e -> e.transition() == Transition.EXIT && e.period().getYear() >= 2009
                && e.period().getYear() < 2020), "exit after 2008: " + us);
        assertEquals(Transition.EXIT, us.get(us.size() - 1).transition(), "off again after 2020: " + us);
        TriggerEvent az = events.stream().filter(e -> e.policy().equals("eb-iur") && e.region().equals("US-AZ"))
                .min(java.util.Comparator.comparing(TriggerEvent::period)).orElseThrow();
        assertEquals(Transition.ENTER, az.transition());
        assertEquals(LocalDate.of(2020, 5, 30), az.period());
        // Keyed by region: every event of a region is in one partition, in order.
        KAFKA.readCommitted(prefix + "triggers").forEach(r -> assertEquals(
                org.laborwatch.contract.Json.read(new String(r.value(), java.nio.charset.StandardCharsets.UTF_8),
                        TriggerEvent.class).region(), new String(r.key(), java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void exactlyOnceUnderInjectedFailures(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String prefix = "eos.";
        produce(prefix, observations);
        long seed = Long.getLong("laborwatch.seed", System.nanoTime());
        System.out.println("exactly-once test seed: " + seed + " (rerun with -Dlaborwatch.seed=" + seed + ")");
        Random random = new Random(seed);
        List<TopicPartition> partitions = List.of(new TopicPartition(prefix + "observations", 0),
                new TopicPartition(prefix + "observations", 1));
        Map<TopicPartition, Long> ends;
        try (var admin = KAFKA.admin()) {
            ends = new java.util.HashMap<>();
            for (TopicPartition tp : partitions) {
                ends.put(tp, admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get()
                        .get(tp).offset());
            }
        }
        Set<String> failAt = new HashSet<>();
        assertTrue(ends.values().stream().allMatch(n -> n > 0), "both partitions have data: " + ends);
        while (failAt.size() < 12) {
            TopicPartition tp = partitions.get(random.nextInt(2));
            failAt.add(tp.topic() + "-" + tp.partition() + "@" + random.nextLong(ends.get(tp)));
        }
        System.out.println("failures at " + new TreeSet<>(failAt));

        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        run.boundedForTesting = true;
        run.observationsTapForTesting = s -> KafkaJobFixture.Tap.apply(s, failAt, 3);
        StreamExecutionEnvironment env = KafkaJobFixture.env(true);
        run.wire(env);
        long t0 = System.nanoTime();
        JobID job = env.execute("exactly-once under failures").getJobID();
        long fired = failAt.stream().filter(KafkaJobFixture.Tap.FIRED::contains).count();
        int restarts = KafkaJobFixture.restarts(cluster, job);
        System.out.printf("exactly-once job: %d ms, %d failures injected, %d restarts%n",
                (System.nanoTime() - t0) / 1_000_000, fired, restarts);
        // Every injected failure fired, so the job failed over; how often it restarted depends on
        // timing (two failures within one attempt give one restart), so it is reported, not asserted.
        assertEquals(failAt.size(), fired, "every failure fired");
        assertTrue(restarts >= 1, "the job failed over at least once: " + restarts);
        assertExactlyExpected(prefix);
        long uncommitted = KAFKA.endOffsetSum(List.of(new TopicPartition(prefix + "triggers", 0),
                new TopicPartition(prefix + "triggers", 1)));
        System.out.println("eos. triggers end offsets (records of aborted and committed transactions + markers): " + uncommitted);
    }

    @Test
    void theJobRidesOutABrokerRestart(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String prefix = "restart.";
        produce(prefix, observations);
        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        run.boundedForTesting = true;
        run.observationsTapForTesting = s -> KafkaJobFixture.Tap.apply(s, Set.of(), 2);
        StreamExecutionEnvironment env = KafkaJobFixture.env(true);
        run.wire(env);
        long t0 = System.nanoTime();
        KafkaJobFixture.Tap.SEEN.set(0);
        JobClient client = env.executeAsync("broker restart");
        waitUntilRunning(cluster, client.getJobID());
        // Mid-stream: part of the input read, and a checkpoint done (so there are committed events to keep).
        waitFor("a tenth of the input read and a checkpoint completed", () -> KafkaJobFixture.Tap.SEEN.get() >= observations.size() / 10
                && checkpoints(cluster, client.getJobID()).getNumberOfCompletedCheckpoints() > 0);
        long checkpointsAtStop = checkpoints(cluster, client.getJobID()).getTotalNumberOfCheckpoints();
        KAFKA.stop();
        long stoppedAt = System.nanoTime();
        long seenAtStop = KafkaJobFixture.Tap.SEEN.get();
        System.out.println("broker stopped while the job runs, after " + seenAtStop + " records");
        // The fault: the broker stays down for at least its session timeout (so clients see a real
        // outage, not a blip) and until the job has had to checkpoint, i.e. commit, while it is down.
        waitFor("a checkpoint pending while the broker is down", () -> System.nanoTime() - stoppedAt
                >= EmbeddedKafka.SESSION_TIMEOUT.toNanos() && (checkpoints(cluster, client.getJobID())
                        .getNumberOfInProgressCheckpoints() > 0
                        || checkpoints(cluster, client.getJobID()).getTotalNumberOfCheckpoints() > checkpointsAtStop));
        KAFKA.start();
        client.getJobExecutionResult().get(5, TimeUnit.MINUTES);
        System.out.printf("broker-restart job: %d ms, %d restarts%n", (System.nanoTime() - t0) / 1_000_000,
                KafkaJobFixture.restarts(cluster, client.getJobID()));
        assertTrue(seenAtStop < observations.size(), "the broker stopped mid-stream: " + seenAtStop);
        assertExactlyExpected(prefix);
    }

    @Test
    void stopWithSavepointAndResumeGiveOneRunsOutput(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String prefix = "savepoint.";
        int cut = observations.size() * 3 / 5;
        produce(prefix, observations.subList(0, cut));

        // First run: unbounded, as in production; stopped with a savepoint mid-stream.
        RunCommand first = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        first.observationsTapForTesting = s -> KafkaJobFixture.Tap.apply(s, Set.of(), 2);
        StreamExecutionEnvironment env1 = KafkaJobFixture.env(false);
        first.wire(env1);
        KafkaJobFixture.Tap.SEEN.set(0);
        JobClient client = env1.executeAsync("before savepoint");
        waitUntilRunning(cluster, client.getJobID());
        waitFor("half of the first part read and a checkpoint completed", () -> KafkaJobFixture.Tap.SEEN.get() >= cut / 2
                && checkpoints(cluster, client.getJobID()).getNumberOfCompletedCheckpoints() > 0);
        String savepoint = client.stopWithSavepoint(false, Path.of("target", "tmp", "savepoints").toAbsolutePath().toUri().toString(),
                SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        assertEquals(JobStatus.FINISHED, client.getJobStatus().get());
        int committedBefore = committedTriggers(KAFKA, prefix + "triggers").size();
        System.out.println("savepoint " + savepoint + " after " + committedBefore + " committed trigger events");

        // More data arrives while the job is down.
        KafkaJobFixture.produce(KAFKA, prefix + "observations", observations.subList(cut, observations.size()), true);

        // Second run: the same graph, unbounded again, from the savepoint; stopped with a savepoint
        // once it has read everything (its consumer group committed the end offsets on a checkpoint).
        RunCommand second = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        second.observationsTapForTesting = s -> KafkaJobFixture.Tap.apply(s, Set.of(), 2);
        StreamExecutionEnvironment env2 = KafkaJobFixture.env(false);
        second.wire(env2);
        StreamGraph graph = env2.getStreamGraph();
        graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        JobClient resumed = env2.executeAsync(graph);
        waitUntilConsumed(prefix + "group", prefix + "observations");
        resumed.stopWithSavepoint(false, Path.of("target", "tmp", "savepoints").toAbsolutePath().toUri().toString(),
                SavepointFormatType.CANONICAL).get(2, TimeUnit.MINUTES);
        assertExactlyExpected(prefix);
    }

    /** Waits until a consumer group has committed the end offset of every partition of a topic. */
    private static void waitUntilConsumed(String group, String topic) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        try (var admin = KAFKA.admin()) {
            List<TopicPartition> partitions = List.of(new TopicPartition(topic, 0), new TopicPartition(topic, 1));
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            while (true) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean done = partitions.stream().allMatch(tp -> ends.get(tp).offset() == 0
                        || committed.get(tp) != null && committed.get(tp).offset() >= ends.get(tp).offset());
                if (done) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("group " + group + " did not consume " + topic + ": " + committed + " vs " + ends);
                }
                Thread.sleep(200);
            }
        }
    }

    /** A condition the test waits for. */
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits (up to 2 minutes) until {@code condition} holds; fails naming it otherwise. */
    private static void waitFor(String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }

    private static org.apache.flink.runtime.checkpoint.CheckpointStatsCounts checkpoints(MiniCluster cluster, JobID job)
            throws Exception {
        return cluster.getExecutionGraph(job).get().getCheckpointStatsSnapshot().getCounts();
    }

    private static String describe(TriggerEvent e) {
        return e.policy() + " " + e.region() + " " + e.period() + " " + e.transition() + " " + e.evidence();
    }

    private static void waitUntilRunning(MiniCluster cluster, JobID job) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (cluster.getJobStatus(job).get() != JobStatus.RUNNING || java.util.stream.StreamSupport.stream(
                cluster.getExecutionGraph(job).get().getAllExecutionVertices().spliterator(), false)
                .noneMatch(v -> v.getExecutionState() == org.apache.flink.runtime.execution.ExecutionState.RUNNING)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job did not start");
            }
            Thread.sleep(50);
        }
    }
}
