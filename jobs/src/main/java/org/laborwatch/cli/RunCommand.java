package org.laborwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.io.KafkaEdges;
import org.laborwatch.job.LaborwatchPipeline;
import org.laborwatch.job.LocalEnvironments;
import org.laborwatch.job.PipelineSinks;
import org.laborwatch.job.PolicyAck;
import org.laborwatch.metrics.RevisionHorizon;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.policy.PolicyUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch run}: the production job for {@code flink run} and application mode. Reads
 * observations and policy updates from Kafka; writes trigger events (exactly-once), metric points,
 * dead letters and policy acknowledgements to Kafka; with {@code --influx-url}, also observations,
 * metric points and trigger series to InfluxDB.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the production job: Kafka in, Kafka out (submit with flink run or application mode).")
public final class RunCommand implements Callable<Integer> {

    /** laborwatch's own logger: under flink run or application mode this reaches the cluster's log. */
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", required = true,
            defaultValue = "${env:LABORWATCH_BOOTSTRAP}", description = "Kafka bootstrap servers (env LABORWATCH_BOOTSTRAP).")
    String bootstrap;

    @Option(names = "--group", defaultValue = "laborwatch", description = "Consumer group id (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--observations-topic", defaultValue = "laborwatch.observations",
            description = "Topic to read observations from (default: ${DEFAULT-VALUE}).")
    String observationsTopic;

    @Option(names = "--policies-topic", defaultValue = "laborwatch.policies",
            description = "Topic to read policy updates from (default: ${DEFAULT-VALUE}).")
    String policiesTopic;

    @Option(names = "--triggers-topic", defaultValue = "laborwatch.triggers",
            description = "Topic to write trigger events to (exactly-once) (default: ${DEFAULT-VALUE}).")
    String triggersTopic;

    @Option(names = "--metrics-topic", defaultValue = "laborwatch.metrics",
            description = "Topic to write metric points to (default: ${DEFAULT-VALUE}).")
    String metricsTopic;

    @Option(names = "--dead-letter-topic", defaultValue = "laborwatch.dead-letter",
            description = "Topic to write rejected records to (default: ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--policies-applied-topic", defaultValue = "laborwatch.policies-applied",
            description = "Topic to write policy acknowledgements to (default: ${DEFAULT-VALUE}).")
    String acksTopic;

    @Option(names = "--policy-file", paramLabel = "FILE",
            description = "Policies to start with (YAML/JSON, one or several); default: the bundled ones.")
    Path policyFile;

    @Option(names = "--revision-horizon", paramLabel = "SOURCE[/ADJ]=YEARS",
            description = "How many years back a source's series may still be revised, e.g. bls.laus/sa=5 or "
                    + "dol.eta539=3; repeatable. Defaults: 5 years for BLS CPS, LAUS and CES seasonally adjusted data "
                    + "(their annual revisions), 2 for the rest. Older observations go to the dead-letter topic.")
    List<String> revisionHorizons = new ArrayList<>();

    /** The default of {@code --checkpoint-interval}; the bench's pipeline runs use it too. */
    public static final String DEFAULT_CHECKPOINT_INTERVAL = "PT10S";

    @Option(names = "--checkpoint-interval", defaultValue = DEFAULT_CHECKPOINT_INTERVAL,
            description = "Checkpoint interval, ISO-8601 (default: ${DEFAULT-VALUE}); trigger events are committed on checkpoints.")
    Duration checkpointInterval;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*); keep secrets here, not on the command line.")
    Path kafkaConfig;

    @Option(names = "--transaction-timeout", defaultValue = "PT5M",
            description = "Kafka transaction timeout, below the broker's transaction.max.timeout.ms (default: ${DEFAULT-VALUE}).")
    Duration transactionTimeout;

    @picocli.CommandLine.Mixin
    InfluxOptions influx = new InfluxOptions();

    @picocli.CommandLine.Mixin
    BrokerCheck brokerCheck = new BrokerCheck();

    @picocli.CommandLine.Mixin
    ValidationOptions validation = new ValidationOptions();

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = LocalEnvironments.LOOPBACK,
            description = "Outside a cluster, the address every port of the local Flink mini cluster (web/REST endpoint,"
                    + " RPC, blob server, data) listens on (default: ${DEFAULT-VALUE}; 0.0.0.0 for all interfaces)."
                    + " Ignored under flink run, where the cluster's configuration decides.")
    String bindAddress;

    /**
     * Testing seams, not flags: tests bound the Kafka sources at the offsets latest when the job
     * starts (production is unbounded) and put a failure-injecting map between the observations
     * source and the graph.
     */
    boolean boundedForTesting;
    UnaryOperator<DataStream<RawRecord>> observationsTapForTesting = UnaryOperator.identity();

    @Override
    public Integer call() throws Exception {
        StreamExecutionEnvironment env = LocalEnvironments.forCommand(bindAddress);
        wire(env);
        // After wire(), which checks the flags, so a bad flag is not hidden behind a network wait.
        brokerCheck.check(bootstrap, KafkaClientConfig.load(kafkaConfig));
        influx.checkWriteApi();
        System.out.println(startupLine());
        LOG.info(configurationLine());
        String log = FrameworkLog.announcement();
        if (log != null) {
            System.out.println(log);
        }
        env.execute("laborwatch");
        return 0;
    }

    /** Where the job reads and writes, in one line; names only, never a secret (the token stays in its file). */
    String startupLine() {
        StringBuilder b = new StringBuilder("laborwatch run: reading ").append(observationsTopic).append(" and ")
                .append(policiesTopic).append(" from Kafka at ").append(bootstrap).append(" (group ").append(group)
                .append(kafkaConfig == null ? "" : ", client config " + kafkaConfig).append("); writing ")
                .append(triggersTopic).append(", ").append(metricsTopic).append(", ").append(deadLetterTopic)
                .append(", ").append(acksTopic);
        if (influx.enabled()) {
            b.append(" and InfluxDB at ").append(influx.url).append(" (org ").append(influx.org).append(", bucket ")
                    .append(influx.bucket).append(')');
        }
        return b.append("; checkpoint every ").append(checkpointInterval.toSeconds()).append(" s").toString();
    }

    /**
     * The job's whole configuration in one line for the log, so an operator can tell from the
     * cluster's log what a start ran with: where it reads and writes, the checkpoint and
     * transaction settings, policies, revision horizons, validation options, the Kafka client
     * properties with every secret-looking value masked, and where the InfluxDB token came from
     * (never the token).
     */
    String configurationLine() throws IOException {
        StringBuilder b = new StringBuilder("laborwatch job configuration: ").append(startupLine())
                .append("; transaction timeout ").append(transactionTimeout.toSeconds()).append(" s")
                .append("; policies ").append(policyFile == null ? "bundled" : policyFile.toString())
                .append("; revision horizons ").append(revisionHorizons.isEmpty() ? "documented" : "documented with " + revisionHorizons)
                .append("; future vintage tolerance ").append(validation.futureVintageTolerance)
                .append(", dead letters keep ").append(validation.deadLetterKeepBytes).append(" bytes")
                .append(validation.extraRegions == null ? "" : ", extra regions " + validation.extraRegions)
                .append(validation.extraSectors == null ? "" : ", extra sectors " + validation.extraSectors);
        Properties kafka = KafkaClientConfig.load(kafkaConfig);
        b.append("; Kafka client properties {");
        String sep = "";
        for (String key : new TreeSet<>(kafka.stringPropertyNames())) {
            b.append(sep).append(key).append('=').append(masked(key, kafka.getProperty(key)));
            sep = ", ";
        }
        b.append('}');
        if (influx.enabled()) {
            b.append("; InfluxDB token from ").append(influx.tokenFile == null ? "the environment" : influx.tokenFile.toString());
        }
        return b.toString();
    }

    /** A property value as logged: secrets (passwords, JAAS configs, keys, tokens) as {@code ***}. */
    static String masked(String key, String value) {
        String k = key.toLowerCase(Locale.ROOT);
        boolean secret = k.contains("password") || k.contains("jaas") || k.contains("secret") || k.contains("token")
                || k.contains("credential") || k.endsWith(".key") || k.contains("key.pem") || k.contains("keystore.key");
        return secret ? "***" : value;
    }

    /** Adds the production sources, graph and sinks to {@code env}. */
    void wire(StreamExecutionEnvironment env) throws IOException {
        if (checkpointInterval.isNegative() || checkpointInterval.isZero()) {
            throw new IllegalArgumentException("--checkpoint-interval must be positive, got " + checkpointInterval);
        }
        env.enableCheckpointing(checkpointInterval.toMillis());
        Properties kafka = KafkaClientConfig.load(kafkaConfig);
        Properties producer = new Properties();
        producer.putAll(kafka);
        producer.setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));

        OffsetsInitializer stopAt = boundedForTesting ? OffsetsInitializer.latest() : null;
        DataStream<RawRecord> observations = observationsTapForTesting.apply(env.fromSource(
                KafkaEdges.observations(bootstrap, observationsTopic, group, kafka, stopAt),
                WatermarkStrategy.noWatermarks(), "observations topic").uid("source-observations"));
        DataStream<PolicyUpdate> policyUpdates = env.fromSource(
                KafkaEdges.policies(bootstrap, policiesTopic, group, kafka, stopAt),
                WatermarkStrategy.noWatermarks(), "policies topic").uid("source-policies");

        PipelineSinks.Builder sinks = PipelineSinks.builder()
                        // Distinct lambdas, not Json::writeBytes four times: javac conflates
                        // serializable method references that differ only in their instantiated type.
                        .triggers(KafkaEdges.<TriggerEvent>jsonSink(bootstrap, triggersTopic, (TriggerEvent e) -> e.kafkaKey(),
                                (TriggerEvent e) -> Json.writeBytes(e), DeliveryGuarantee.EXACTLY_ONCE, group + "-triggers", producer))
                        .metrics(KafkaEdges.<MetricPoint>jsonSink(bootstrap, metricsTopic, (MetricPoint p) -> p.region(),
                                (MetricPoint p) -> Json.writeBytes(p), DeliveryGuarantee.AT_LEAST_ONCE, null, producer))
                        .deadLetters(KafkaEdges.<DeadLetter>jsonSink(bootstrap, deadLetterTopic, (DeadLetter d) -> d.origin(),
                                (DeadLetter d) -> Json.writeBytes(d), DeliveryGuarantee.EXACTLY_ONCE, group + "-dead-letters", producer))
                        .policyAcks(KafkaEdges.<PolicyAck>jsonSink(bootstrap, acksTopic, (PolicyAck a) -> a.policy(),
                                (PolicyAck a) -> Json.writeBytes(a), DeliveryGuarantee.EXACTLY_ONCE, group + "-policy-acks", producer));
        // Lines InfluxDB refuses for good go to the dead-letter topic too. At least once: three
        // operators (one per InfluxDB sink) share this sink, so it has no transactional id to fence
        // one another with; a refused line is only sent after its checkpoint completed.
        influx.addTo(sinks, System.getenv(), KafkaEdges.<DeadLetter>jsonSink(bootstrap, deadLetterTopic,
                (DeadLetter d) -> d.origin(), (DeadLetter d) -> Json.writeBytes(d), DeliveryGuarantee.AT_LEAST_ONCE, null,
                producer));
        LaborwatchPipeline.build(observations, policyUpdates, initialPolicies(), sinks.build(), validation.rules(), revisionHorizon());
    }

    /** The documented revision horizons with the operator's {@code --revision-horizon} settings on top. */
    RevisionHorizon revisionHorizon() {
        RevisionHorizon horizon = RevisionHorizon.documented();
        for (String setting : revisionHorizons) {
            horizon = horizon.with(setting);
        }
        return horizon;
    }

    private List<Policy> initialPolicies() throws IOException {
        if (policyFile == null) {
            return BundledPolicies.all();
        }
        return new ArrayList<>(PolicyParser.parseAllInFile(policyFile));
    }
}
