package org.laborwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.LineProtocol;
import org.laborwatch.io.KafkaEdges;
import org.laborwatch.io.influx.InfluxSink;
import org.laborwatch.job.LocalEnvironments;
import org.laborwatch.job.NotifyPipeline;
import org.laborwatch.notify.DeliveryAttempt;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.RetrySchedule;
import org.laborwatch.notify.Subscriber;
import org.laborwatch.notify.SubscriberAck;
import org.laborwatch.notify.SubscriberParser;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch notify}: the webhook notifier. With {@code --bootstrap} it is a Flink job of
 * its own (savepoints apart from the trigger job) that reads the triggers topic read_committed and
 * delivers each event, signed per Standard Webhooks 1.0, to every matching subscriber; with
 * {@code --input FILE} it delivers the events of a file (the demo's {@code out/triggers.jsonl})
 * once, without Kafka or Flink, to try a receiver out.
 */
@Command(name = "notify", mixinStandardHelpOptions = true,
        description = "Deliver trigger events to webhook subscribers (Standard Webhooks 1.0 signatures, retries, delivery log).")
public final class NotifyCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", defaultValue = "${env:LABORWATCH_BOOTSTRAP}",
            description = "Kafka bootstrap servers (env LABORWATCH_BOOTSTRAP); required unless --input is given.")
    String bootstrap;

    @Option(names = "--input", paramLabel = "FILE",
            description = "Deliver the trigger events of this JSON-lines file (such as out/triggers.jsonl) once and exit; no Kafka.")
    Path input;

    @Option(names = "--subscriber-file", paramLabel = "FILE",
            description = "Subscribers to start with (YAML/JSON, one or a list); updates arrive on the subscribers topic.")
    Path subscriberFile;

    @Option(names = "--group", defaultValue = "laborwatch-notify", description = "Consumer group id (default: ${DEFAULT-VALUE}).")
    String group;

    @Option(names = "--triggers-topic", defaultValue = "laborwatch.triggers",
            description = "Topic of trigger events, read read_committed (default: ${DEFAULT-VALUE}).")
    String triggersTopic;

    @Option(names = "--subscribers-topic", defaultValue = "laborwatch.subscribers",
            description = "Compacted topic of subscriber updates, key = subscriber id (default: ${DEFAULT-VALUE}).")
    String subscribersTopic;

    @Option(names = "--subscribers-applied-topic", defaultValue = "laborwatch.subscribers-applied",
            description = "Topic of subscriber update acknowledgements (default: ${DEFAULT-VALUE}).")
    String acksTopic;

    @Option(names = "--deliveries-topic", defaultValue = "laborwatch.deliveries",
            description = "Topic of the delivery log, one record per attempt (default: ${DEFAULT-VALUE}).")
    String deliveriesTopic;

    @Option(names = "--webhook-dead-letter-topic", defaultValue = "laborwatch.webhook-dead-letter",
            description = "Topic of undelivered events with their last response (default: ${DEFAULT-VALUE}).")
    String deadLetterTopic;

    @Option(names = "--request-timeout", defaultValue = "PT30S",
            description = "How long one delivery attempt may take (default: ${DEFAULT-VALUE}).")
    Duration requestTimeout;

    @Option(names = "--retry-initial", defaultValue = "PT5S",
            description = "Delay after the first failed attempt, doubled per attempt (default: ${DEFAULT-VALUE}).")
    Duration retryInitial;

    @Option(names = "--retry-max", defaultValue = "PT1H", description = "Longest delay between attempts (default: ${DEFAULT-VALUE}).")
    Duration retryMax;

    @Option(names = "--retry-budget", defaultValue = "PT24H",
            description = "How long after its first attempt an event is still retried before it is dead-lettered and"
                    + " the subscriber paused (default: ${DEFAULT-VALUE}).")
    Duration retryBudget;

    @Option(names = "--checkpoint-interval", defaultValue = "PT10S",
            description = "Checkpoint interval (default: ${DEFAULT-VALUE}); deliveries under way are in checkpoints.")
    Duration checkpointInterval;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*); LABORWATCH_KAFKA_* env on top.")
    Path kafkaConfig;

    @Option(names = "--transaction-timeout", defaultValue = "PT5M",
            description = "Kafka transaction timeout of the exactly-once outputs (default: ${DEFAULT-VALUE}).")
    Duration transactionTimeout;

    @Option(names = "--bind-address", paramLabel = "ADDRESS", defaultValue = LocalEnvironments.LOOPBACK,
            description = "Outside a cluster, the address the local mini cluster listens on (default: ${DEFAULT-VALUE}).")
    String bindAddress;

    @picocli.CommandLine.Mixin
    InfluxOptions influx = new InfluxOptions();

    @picocli.CommandLine.Mixin
    BrokerCheck brokerCheck = new BrokerCheck();

    /** Testing seam, not a flag: a map on the delivery log (tests inject a TaskManager failure there). */
    UnaryOperator<DataStream<DeliveryAttempt>> attemptsTapForTesting = UnaryOperator.identity();

    @Override
    public Integer call() throws Exception {
        if (input != null) {
            return new FileNotifier(subscribers(), illustrativePolicies(), settings(), System.out).deliver(input);
        }
        StreamExecutionEnvironment env = LocalEnvironments.forCommand(bindAddress);
        wire(env);
        brokerCheck.check(bootstrap, KafkaClientConfig.load(kafkaConfig));
        influx.checkWriteApi();
        System.out.println("laborwatch notify: reading " + triggersTopic + " (read_committed) and " + subscribersTopic
                + " from Kafka at " + bootstrap + " (group " + group + "); writing " + deliveriesTopic + ", "
                + deadLetterTopic + ", " + acksTopic + (influx.enabled() ? " and InfluxDB at " + influx.url : ""));
        String log = FrameworkLog.announcement();
        if (log != null) {
            System.out.println(log);
        }
        env.execute("laborwatch-notify");
        return 0;
    }

    DeliverySettings settings() {
        for (Duration d : List.of(requestTimeout, retryInitial, retryMax, checkpointInterval)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("--request-timeout, --retry-initial, --retry-max and --checkpoint-interval"
                        + " must be positive, got " + d);
            }
        }
        if (retryMax.compareTo(retryInitial) < 0) {
            throw new IllegalArgumentException("--retry-max " + retryMax + " is shorter than --retry-initial " + retryInitial);
        }
        if (retryBudget.isNegative()) {
            throw new IllegalArgumentException("--retry-budget must not be negative, got " + retryBudget);
        }
        return new DeliverySettings(new RetrySchedule(retryInitial, retryMax, retryBudget), requestTimeout, Duration.ofMillis(50));
    }

    /**
     * The subscribers of {@code --subscriber-file}, checked here, before any work: a secret that
     * cannot be read fails the start with the subscriber named, not the first delivery.
     */
    List<Subscriber> subscribers() throws IOException {
        if (subscriberFile == null) {
            if (input != null) {
                throw new IllegalArgumentException("--input needs --subscriber-file: the subscribers to deliver to");
            }
            return List.of();
        }
        List<Subscriber> all = SubscriberParser.parseFile(subscriberFile);
        for (Subscriber s : all) {
            try {
                s.keys(System.getenv());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(subscriberFile + ", subscriber " + s.id() + ": " + e.getMessage());
            }
        }
        return all;
    }

    static Set<String> illustrativePolicies() {
        return BundledPolicies.all().stream().filter(Policy::illustrative).map(Policy::id).collect(Collectors.toSet());
    }

    /** Adds the Kafka sources, the notifier graph and its sinks to {@code env}. */
    void wire(StreamExecutionEnvironment env) throws IOException {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("notify needs --bootstrap HOST:PORT (or LABORWATCH_BOOTSTRAP), or --input FILE"
                    + " to deliver the events of a file");
        }
        DeliverySettings settings = settings();
        List<Subscriber> initial = subscribers();
        env.enableCheckpointing(checkpointInterval.toMillis());
        Properties kafka = KafkaClientConfig.load(kafkaConfig);
        Properties producer = new Properties();
        producer.putAll(kafka);
        producer.setProperty("transaction.timeout.ms", Long.toString(transactionTimeout.toMillis()));
        DataStream<String> triggers = env.fromSource(KafkaEdges.triggerTexts(bootstrap, triggersTopic, group, kafka, null),
                WatermarkStrategy.noWatermarks(), "triggers topic").uid("source-triggers");
        DataStream<SubscriberUpdate> updates = env.fromSource(KafkaEdges.subscribers(bootstrap, subscribersTopic, group, kafka),
                WatermarkStrategy.noWatermarks(), "subscribers topic").uid("source-subscribers");
        InfluxSink<DeliveryAttempt> series = null;
        if (influx.enabled()) {
            series = InfluxSink.<DeliveryAttempt>builder()
                    .lines((DeliveryAttempt a, TimeUnit p) -> LineProtocol.delivery(a.subscriber(), a.outcome(), a.attempt(),
                            a.status(), a.latencyMillis(), a.eventId(), a.at()))
                    .precision(TimeUnit.NANOSECONDS)
                    .url(influx.url).org(influx.org).bucket(influx.bucket).token(influx.token(System.getenv())).build();
        }
        // Distinct lambdas, not method references: javac conflates serializable method references
        // that differ only in their instantiated type.
        NotifyPipeline.Sinks sinks = new NotifyPipeline.Sinks(
                KafkaEdges.<DeliveryAttempt>jsonSink(bootstrap, deliveriesTopic, (DeliveryAttempt a) -> a.subscriber(),
                        (DeliveryAttempt a) -> Json.writeBytes(a), DeliveryGuarantee.AT_LEAST_ONCE, null, producer),
                KafkaEdges.<WebhookDeadLetter>jsonSink(bootstrap, deadLetterTopic, (WebhookDeadLetter d) -> d.subscriber(),
                        (WebhookDeadLetter d) -> Json.writeBytes(d), DeliveryGuarantee.EXACTLY_ONCE, group + "-webhook-dead-letters",
                        producer),
                KafkaEdges.<SubscriberAck>jsonSink(bootstrap, acksTopic, (SubscriberAck a) -> a.subscriber(),
                        (SubscriberAck a) -> Json.writeBytes(a), DeliveryGuarantee.EXACTLY_ONCE, group + "-subscriber-acks", producer),
                series);
        NotifyPipeline.build(triggers, updates, initial, illustrativePolicies(), settings, sinks, attemptsTapForTesting);
    }
}
