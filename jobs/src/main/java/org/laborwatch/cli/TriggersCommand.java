package org.laborwatch.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.TriggerEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch triggers}: follows the trigger events topic as a subscriber would, with
 * {@code isolation.level=read_committed} (only events of committed transactions), and prints one
 * readable line per event. It reads without a consumer group, so it never moves anyone's offsets.
 */
@Command(name = "triggers", mixinStandardHelpOptions = true,
        description = "Follow the trigger events topic (read_committed) and print one line per event.")
public final class TriggersCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", required = true,
            defaultValue = "${env:LABORWATCH_BOOTSTRAP}", description = "Kafka bootstrap servers (env LABORWATCH_BOOTSTRAP).")
    String bootstrap;

    @Option(names = "--topic", defaultValue = "laborwatch.triggers", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--from-beginning", description = "Start at the oldest event (default: only new events).")
    boolean fromBeginning;

    @Option(names = "--max", paramLabel = "N", description = "Stop after N events.")
    Long max;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Stop when no event arrives for this long, ISO-8601 such as PT10S (default: follow until stopped).")
    Duration timeout;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*); LABORWATCH_KAFKA_* env on top.")
    Path kafkaConfig;

    @picocli.CommandLine.Mixin
    BrokerCheck brokerCheck = new BrokerCheck();

    PrintStream out = System.out;

    static final String HEADER = String.format("%-10s  %-17s  %-6s  %-10s  %-10s  %-10s  %s",
            "period", "policy", "region", "transition", "effective", "until", "evidence (vs threshold)");

    @Override
    public Integer call() throws Exception {
        if (max != null && max < 1) {
            throw new IllegalArgumentException("--max must be at least 1, got " + max);
        }
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("--timeout must be positive, got " + timeout);
        }
        Properties p = KafkaClientConfig.load(kafkaConfig);
        brokerCheck.check(bootstrap, p);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long printed = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, brokerCheck.timeout).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            if (partitions.isEmpty()) {
                throw new IllegalArgumentException("topic " + topic + " does not exist on " + bootstrap
                        + " (the job creates it when it runs; check --topic)");
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            out.println(HEADER);
            long lastEvent = System.nanoTime();
            while (max == null || printed < max) {
                var records = consumer.poll(Duration.ofMillis(200));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    if (r.value() == null) {
                        continue;
                    }
                    out.println(line(r.value()));
                    printed++;
                    lastEvent = System.nanoTime();
                    if (max != null && printed >= max) {
                        break;
                    }
                }
                if (timeout != null && System.nanoTime() - lastEvent > timeout.toNanos()) {
                    break;
                }
            }
        }
        out.flush();
        System.err.println("triggers: " + printed + " events");
        return 0;
    }

    /** One event as a line; a record that is not a trigger event is shown as such, not fatal. */
    static String line(byte[] value) {
        TriggerEvent e;
        try {
            e = Json.read(new String(value, StandardCharsets.UTF_8), TriggerEvent.class);
        } catch (RuntimeException ex) {
            return "(not a trigger event: " + new String(value, 0, Math.min(value.length, 120), StandardCharsets.UTF_8) + ")";
        }
        return String.format("%-10s  %-17s  %-6s  %-10s  %-10s  %-10s  %s", e.period(), e.policy(), e.region(),
                e.transition(), e.effectiveFrom() == null ? "" : e.effectiveFrom(),
                e.effectiveUntil() == null ? "" : e.effectiveUntil(), TriggerTimeline.evidence(e));
    }
}
