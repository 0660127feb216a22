package org.laborwatch.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.CollectSink;
import org.laborwatch.job.LaborwatchPipeline;
import org.laborwatch.job.PipelineSinks;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;
import picocli.CommandLine;

/** What the Kafka tests of {@code run} share: the real data, the reference run, and how to wire the job. */
final class KafkaJobFixture {

    /** AZ, NE and VI share a partition with the national series (of 2, by region); CA has the other. */
    static final Set<String> STATES = Set.of("US-AZ", "US-NE", "US-VI", "US-CA");

    private KafkaJobFixture() {}

    /** The national UNRATE history and the ETA 539 rows of three states, in file order. */
    static List<Observation> observations() throws IOException {
        List<Observation> all = new ArrayList<>(TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true));
        all.addAll(TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", ReaderOptions.defaults(),
                o -> STATES.contains(o.region())));
        return all;
    }

    /** The Kafka key a producer uses: the series. */
    static String seriesKey(Observation o) {
        return ReplayCommand.key(o);
    }

    /**
     * Sends observations as {@code replay} does: keyed by series, in the partition of their region.
     * With {@code byRegion} false, Kafka's default partitioner spreads a region's series over the
     * partitions by their series key.
     */
    static void produce(EmbeddedKafka kafka, String topic, List<Observation> observations, boolean byRegion) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = kafka.producer()) {
            for (Observation o : observations) {
                send(producer, topic, o, byRegion);
            }
            producer.flush();
        }
    }

    /** Sends one observation as {@code replay} does (see {@link #produce}). */
    static void send(KafkaProducer<byte[], byte[]> producer, String topic, Observation o, boolean byRegion) {
        int partitions = producer.partitionsFor(topic).size();
        producer.send(new ProducerRecord<>(topic, byRegion ? ReplayCommand.partition(o.region(), partitions) : null,
                seriesKey(o).getBytes(StandardCharsets.UTF_8), Json.writeBytes(o)));
    }

    /** The trigger events of the same graph over the same observations with in-memory edges. */
    static List<TriggerEvent> referenceRun(List<Observation> observations) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectSink<TriggerEvent> triggers = new CollectSink<>();
        DataStream<RawRecord> source = env.fromData(TestData.raw(observations, "ref"), TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, BundledPolicies.all(),
                PipelineSinks.builder().triggers(triggers).metrics(new CollectSink<>()).deadLetters(new CollectSink<>()).build());
        env.execute("reference run");
        return triggers.results();
    }

    /** A {@code laborwatch run} parsed from its flags, on the given topic prefix and group. */
    static RunCommand run(EmbeddedKafka kafka, String prefix, Duration checkpoint, String... extra) throws IOException {
        Path config = Path.of("target", "tmp", prefix + "kafka.properties");
        Files.createDirectories(config.getParent());
        // What an operator puts in --kafka-config to carry records up to 10 MB (and their dead letters).
        Files.writeString(config, "max.request.size=" + EmbeddedKafka.MAX_MESSAGE_BYTES + "\n"
                + "max.partition.fetch.bytes=" + EmbeddedKafka.MAX_MESSAGE_BYTES + "\n", StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(List.of("--kafka-config", config.toString()));
        args.addAll(List.of(extra));
        return runWithKafkaDefaults(kafka, prefix, checkpoint, args.toArray(String[]::new));
    }

    /**
     * A {@code laborwatch run} with Kafka's default client limits (no --kafka-config: a producer's
     * max.request.size of 1 MB), as an operator who never thought about record sizes starts it.
     */
    static RunCommand runWithKafkaDefaults(EmbeddedKafka kafka, String prefix, Duration checkpoint, String... extra) {
        List<String> args = new ArrayList<>(List.of("--bootstrap", kafka.bootstrap(), "--group", prefix + "group",
                "--observations-topic", prefix + "observations", "--policies-topic", prefix + "policies",
                "--triggers-topic", prefix + "triggers", "--metrics-topic", prefix + "metrics",
                "--dead-letter-topic", prefix + "dead-letter", "--policies-applied-topic", prefix + "policies-applied",
                "--checkpoint-interval", checkpoint.toString(), "--transaction-timeout", "PT1M"));
        args.addAll(List.of(extra));
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs(args.toArray(String[]::new));
        return run;
    }

    /** An environment at parallelism 2 with a fixed-delay restart strategy (or none). */
    static StreamExecutionEnvironment env(boolean restarts) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Configuration c = new Configuration();
        if (restarts) {
            c.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 1000);
            c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        } else {
            c.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        env.configure(c);
        return env;
    }

    /** Event ids of the committed trigger events on a topic. */
    static List<TriggerEvent> committedTriggers(EmbeddedKafka kafka, String topic) {
        List<TriggerEvent> out = new ArrayList<>();
        for (String v : kafka.readCommittedValues(topic)) {
            out.add(Json.read(v, TriggerEvent.class));
        }
        return out;
    }

    /** How often the job restarted: the highest attempt number of any task (0 when it never failed over). */
    static int restarts(MiniCluster cluster, JobID job) throws Exception {
        AccessExecutionGraph graph = cluster.getExecutionGraph(job).get();
        int max = 0;
        for (AccessExecutionVertex v : graph.getAllExecutionVertices()) {
            max = Math.max(max, v.getCurrentExecutionAttempt().getAttemptNumber());
        }
        return max;
    }

    /** Ids counted: how many times each id occurs. */
    static Map<String, Integer> counts(List<TriggerEvent> events) {
        Map<String, Integer> out = new HashMap<>();
        events.forEach(e -> out.merge(e.eventId(), 1, Integer::sum));
        return out;
    }

    /**
     * A test-only map between the observations source and the graph: slows the stream down (so
     * checkpoints and failures land mid-stream) and throws once at each chosen origin
     * (topic-partition@offset). "Once" is remembered in the JVM across restarts.
     */
    static final class Tap implements MapFunction<RawRecord, RawRecord> {
        private static final long serialVersionUID = 1L;
        static final Set<String> FIRED = ConcurrentHashMap.newKeySet();
        /** Records that passed any tap in this JVM (all attempts), so tests can wait for progress. */
        static final java.util.concurrent.atomic.AtomicLong SEEN = new java.util.concurrent.atomic.AtomicLong();

        private final Set<String> failAt;
        private final int sleepEvery;
        private long seen;

        Tap(Set<String> failAt, int sleepEvery) {
            this.failAt = failAt;
            this.sleepEvery = sleepEvery;
        }

        @Override
        public RawRecord map(RawRecord r) throws Exception {
            SEEN.incrementAndGet();
            if (sleepEvery > 0 && ++seen % sleepEvery == 0) {
                Thread.sleep(1);
            }
            if (failAt.contains(r.origin()) && FIRED.add(r.origin())) {
                throw new InjectedFailure("injected failure at " + r.origin());
            }
            return r;
        }

        static DataStream<RawRecord> apply(DataStream<RawRecord> in, Set<String> failAt, int sleepEvery) {
            return in.map(new Tap(failAt, sleepEvery)).setParallelism(in.getParallelism())
                    .returns(TypeInformation.of(RawRecord.class)).uid("test-tap").name("test tap");
        }
    }

    static final class InjectedFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFailure(String message) {
            super(message);
        }
    }
}
