package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestClusters;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.reference.KnownCodes;

/**
 * Issue 17, "nothing lost, nothing forged", through a real broker: each attack is a set of
 * well-formed but impossible or mis-keyed records that a producer, careless or hostile, could send,
 * interleaved with the real national unemployment history. For each: the baseline trigger events
 * are unchanged, every hostile record is on the dead-letter topic with its reason (a mis-keyed
 * policy: refused in its acknowledgement), and the job never restarts.
 */
class IntegrityKafkaTest {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-integrity");

    /** Kafka's default topic max.message.bytes (and about its producers' max.request.size). */
    static final String KAFKA_DEFAULT_MAX_MESSAGE_BYTES = "1048588";

    static List<Observation> good;
    static Set<String> baseline;

    @BeforeAll
    static void baseline() throws Exception {
        good = TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", ReaderOptions.defaults(), o -> true);
        baseline = KafkaJobFixture.referenceRun(good).stream().map(TriggerEvent::eventId).collect(Collectors.toSet());
        assertTrue(baseline.size() > 10, "the national history makes sahm-national events: " + baseline.size());
    }

    /** One hostile record: its key and bytes, and the reason it must be refused for. */
    record Hostile(String key, byte[] bytes, String reason) {}

    /**
     * An attack: hostile records sent before good record {@code position}, or a policy text under
     * a key on the policy topic; {@code defaultLimits} runs it with Kafka's default size limits on
     * every topic the job writes and in its producer.
     */
    record Attack(String name, int position, List<Hostile> records, Hostile policy, boolean defaultLimits) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Attack> attacks() {
        Observation us = good.stream().filter(o -> o.period().equals(LocalDate.of(2020, 4, 1))).findFirst().orElseThrow();
        int april2020 = good.indexOf(us);
        List<Attack> out = new ArrayList<>();
        out.add(new Attack("a future period first (US 2035-01, vintage 2035-02-06)", 0, List.of(hostile(
                change(us, LocalDate.of(2035, 1, 1), "9.9", LocalDate.of(2035, 2, 6)), "future_vintage")), null, false));
        out.add(new Attack("a future vintage shadowing 2020-04 (2099-12-31)", april2020 + 1, List.of(hostile(
                change(us, us.period(), "3.0", LocalDate.of(2099, 12, 31)), "future_vintage")), null, false));
        out.add(new Attack("a vintage before its period (2020-04 published 2019-01-01)", april2020, List.of(hostile(
                change(us, us.period(), "3.0", LocalDate.of(2019, 1, 1)), "vintage_before_period_end")), null, false));
        out.add(new Attack("an unknown region US-ZZ (24 months at 9.9)", good.size() - 24, unknownState(), null, false));
        out.add(new Attack("1,000 invented counties", good.size() - 12, inventedCounties(1000), null, false));
        Observation longSector = new Observation(us.indicator(), us.region(), "x:" + "s".repeat(9998), us.adjustment(),
                us.frequency(), us.period(), us.value(), us.unit(), us.source(), us.vintage());
        out.add(new Attack("a 10,000-character sector", april2020, List.of(hostile(longSector, "invalid_code")), null, false));
        Observation revision = change(us, us.period(), "3.0", LocalDate.of(2023, 12, 2));
        out.add(new Attack("a US revision under a US-CA key", april2020 + 1, List.of(new Hostile(
                "unemployment_rate|US-CA|all|sa", Json.writeBytes(revision), "key_mismatch")), null, false));
        String sahm = """
                id: sahm-national
                version: 2
                scope: {regions: "US", sectors: "all"}
                enter: "sahm_gap >= 0.10"
                exit: not-enter
                effective: {lag_months: 1}
                """;
        out.add(new Attack("a sahm-national policy under the key eb-iur", 0, List.of(),
                new Hostile("eb-iur", sahm.getBytes(StandardCharsets.UTF_8), "refused"), false));
        out.add(new Attack("records of 800 KB, 5 MB and 20 MB with Kafka's default limits", good.size() / 2, List.of(
                new Hostile(null, padded(800 * 1024), "too_large"),
                new Hostile(null, padded(5 * 1024 * 1024), "too_large"),
                new Hostile(null, padded(20 * 1024 * 1024), "too_large")), null, true));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void theAttackIsRefusedAndTheBaselineEventsAreUnchanged(Attack attack, @InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String prefix = "integrity." + Integer.toHexString(attack.name().hashCode()) + ".";
        createTopics(prefix, attack.defaultLimits());
        Map<String, Hostile> byOrigin = produce(prefix, attack);
        if (attack.policy() != null) {
            KAFKA.produce(prefix + "policies", List.of(Map.entry(attack.policy().key(), attack.policy().bytes())));
        }

        RunCommand run = attack.defaultLimits()
                ? KafkaJobFixture.runWithKafkaDefaults(KAFKA, prefix, Duration.ofMillis(300))
                : KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(300));
        run.boundedForTesting = true;
        StreamExecutionEnvironment env = KafkaJobFixture.env(true); // a failure would restart, and be counted
        run.wire(env);
        JobID job = env.execute(attack.name()).getJobID();
        int restarts = KafkaJobFixture.restarts(cluster, job);

        List<String> wrong = new ArrayList<>();
        Map<String, Integer> reasons = new HashMap<>();
        List<String> deadLetters = KAFKA.readCommittedValues(prefix + "dead-letter");
        for (String letter : deadLetters) {
            JsonNode d = Json.mapper().readTree(letter);
            Hostile h = byOrigin.get(d.get("origin").asText());
            reasons.merge(d.get("reason").asText(), 1, Integer::sum);
            if (h == null) {
                wrong.add("a record that was not hostile was dead-lettered: " + d.get("detail").asText());
            } else {
                checkDeadLetter(h, d, letter, wrong);
            }
        }
        if (deadLetters.size() != byOrigin.size()) {
            wrong.add(byOrigin.size() + " hostile records, " + deadLetters.size() + " dead letters");
        }
        if (attack.policy() != null) {
            List<String> acks = KAFKA.readCommittedValues(prefix + "policies-applied");
            JsonNode ack = acks.isEmpty() ? null : Json.mapper().readTree(acks.get(0));
            if (acks.size() != 1 || !ack.get("status").asText().equals("refused")
                    || !ack.get("policy").asText().equals("sahm-national") || ack.get("version").asInt() != 2
                    || !ack.get("reason").asText().contains("Kafka key 'eb-iur' is not the policy id 'sahm-national'")) {
                wrong.add("policy acknowledgements: " + acks);
            } else {
                reasons.merge("policy refused: " + ack.get("reason").asText(), 1, Integer::sum);
            }
        }

        List<TriggerEvent> committed = KafkaJobFixture.committedTriggers(KAFKA, prefix + "triggers");
        Set<String> events = committed.stream().map(TriggerEvent::eventId).collect(Collectors.toSet());
        System.out.printf("ATTACK %s: refused %s; baseline events %d of %d, %d events in all, %d restarts%n",
                attack.name(), reasons, events.stream().filter(baseline::contains).count(), baseline.size(),
                committed.size(), restarts);
        assertEquals(0, restarts, "the job never restarted");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(baseline, events, "the baseline events, no more and no fewer");
        assertEquals(baseline.size(), committed.size(), "no duplicates");
    }

    private static void checkDeadLetter(Hostile h, JsonNode d, String letter, List<String> wrong) throws Exception {
        if (!d.get("reason").asText().equals(h.reason())) {
            wrong.add("reason " + d.get("reason").asText() + " (" + d.get("detail").asText() + "), expected " + h.reason());
        }
        byte[] kept = Base64.getDecoder().decode(d.get("original_base64").asText());
        int cap = DeadLetter.DEFAULT_ORIGINAL_CAP;
        if (!Arrays.equals(kept, Arrays.copyOf(h.bytes(), Math.min(h.bytes().length, cap)))
                || d.get("original_size").asLong() != h.bytes().length
                || !d.get("original_sha256").asText().equals(HostileInputKafkaTest.sha256(h.bytes()))
                || d.get("original_truncated").asBoolean() != h.bytes().length > cap) {
            wrong.add(h.reason() + ": the dead letter does not keep the record's prefix, size and hash");
        }
        if (letter.getBytes(StandardCharsets.UTF_8).length >= 1_000_000) {
            wrong.add(h.reason() + ": a dead letter of " + letter.length() + " bytes would not fit a default topic");
        }
    }

    /** The topics; with default limits, every topic the job writes takes Kafka's default message size. */
    private static void createTopics(String prefix, boolean defaultLimits) {
        if (!defaultLimits) {
            KAFKA.createLaborwatchTopics(prefix);
            return;
        }
        // A producer of bad records may have a topic that takes 20 MB; the job's outputs keep defaults.
        KAFKA.createTopic(prefix + "observations", 2);
        Map<String, String> defaults = Map.of("max.message.bytes", KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
        KAFKA.createTopic(prefix + "policies", 1, Map.of("cleanup.policy", "compact",
                "max.message.bytes", KAFKA_DEFAULT_MAX_MESSAGE_BYTES));
        for (String topic : List.of("triggers", "metrics", "dead-letter")) {
            KAFKA.createTopic(prefix + topic, 2, defaults);
        }
        KAFKA.createTopic(prefix + "policies-applied", 1, defaults);
    }

    /** The good records keyed by their series, the hostile ones before {@code position}; hostile origins. */
    private static Map<String, Hostile> produce(String prefix, Attack attack) throws Exception {
        String topic = prefix + "observations";
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (int i = 0; i < good.size(); i++) {
                if (i == attack.position()) {
                    for (Hostile h : attack.records()) {
                        sends.add(producer.send(new ProducerRecord<>(topic,
                                h.key() == null ? null : h.key().getBytes(StandardCharsets.UTF_8), h.bytes())));
                    }
                }
                Observation o = good.get(i);
                producer.send(new ProducerRecord<>(topic, KafkaJobFixture.seriesKey(o).getBytes(StandardCharsets.UTF_8),
                        Json.writeBytes(o)));
            }
            producer.flush();
        }
        Map<String, Hostile> byOrigin = new HashMap<>();
        for (int i = 0; i < sends.size(); i++) {
            RecordMetadata m = sends.get(i).get();
            byOrigin.put(m.topic() + "-" + m.partition() + "@" + m.offset(), attack.records().get(i));
        }
        return byOrigin;
    }

    private static Hostile hostile(Observation o, String reason) {
        return new Hostile(o.series().kafkaKey(), Json.writeBytes(o), reason);
    }

    private static Observation change(Observation o, LocalDate period, String value, LocalDate vintage) {
        return new Observation(o.indicator(), o.region(), o.sector(), o.adjustment(), o.frequency(), period,
                new BigDecimal(value), o.unit(), o.source(), vintage);
    }

    private static Observation rate(String region, LocalDate period, String value) {
        return new Observation("unemployment_rate", region, "all", "sa", Frequency.MONTHLY, period, new BigDecimal(value),
                "percent", "bls.laus", period.plusMonths(1).plusDays(16));
    }

    /** Two years of a state that does not exist, rising enough to trigger sahm-state. */
    private static List<Hostile> unknownState() {
        List<Hostile> out = new ArrayList<>();
        LocalDate start = LocalDate.of(2021, 1, 1);
        for (int m = 0; m < 24; m++) {
            out.add(hostile(rate("US-ZZ", start.plusMonths(m), m < 12 ? "3.0" : "9.9"), "unknown_region"));
        }
        return out;
    }

    /** {@code n} counties of a valid form that BLS does not publish, one month each. */
    private static List<Hostile> inventedCounties(int n) {
        List<Hostile> out = new ArrayList<>();
        KnownCodes known = KnownCodes.standard();
        for (int code = 0; out.size() < n && code < 1000; code++) {
            String county = String.format("US-TX-48%03d", code);
            if (!known.knowsRegion(county)) {
                out.add(hostile(rate(county, LocalDate.of(2023, 6, 1), "9.9"), "unknown_region"));
            }
        }
        for (int code = 0; out.size() < n && code < 1000; code++) {
            String county = String.format("US-CA-06%03d", code);
            if (!known.knowsRegion(county)) {
                out.add(hostile(rate(county, LocalDate.of(2023, 6, 1), "9.9"), "unknown_region"));
            }
        }
        assertEquals(n, out.size());
        return out;
    }

    private static byte[] padded(int size) {
        return HostileInputKafkaTest.padded(size);
    }
}
