package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestClusters;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.readers.ReaderOptions;

/**
 * The hostile-input corpus (connectors/src/test/resources/hostile, plus generated 1 MB and 10 MB
 * records and a tombstone) sent through Kafka interleaved with the national unemployment history:
 * every hostile record lands on the dead-letter topic with its exact bytes and its reason, the job
 * never fails over, and every good record still makes its metric points and trigger events.
 */
class HostileInputKafkaTest {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-hostile");

    static final Path CORPUS = Path.of("..", "connectors", "src", "test", "resources", "hostile");

    record Case(String name, String reason, byte[] bytes) {}

    static List<Case> corpus() throws Exception {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(CORPUS.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1], Files.readAllBytes(CORPUS.resolve(f[0]))));
        }
        out.add(new Case("generated-1MB", "too_large", padded(1024 * 1024)));
        out.add(new Case("generated-10MB", "too_large", padded(10 * 1024 * 1024)));
        out.add(new Case("tombstone", "malformed_json", null));
        return out;
    }

    static byte[] padded(int size) {
        byte[] head = ("{\"indicator\":\"unemployment_rate\",\"region\":\"US\",\"sector\":\"all\",\"adjustment\":\"sa\","
                + "\"frequency\":\"monthly\",\"period\":\"2024-07-01\",\"value\":4.3,\"unit\":\"percent\",\"source\":\"bls.cps\","
                + "\"vintage\":\"2024-08-02\",\"pad\":\"").getBytes(StandardCharsets.UTF_8);
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        System.arraycopy(head, 0, b, 0, head.length);
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void hostileRecordsAreDeadLetteredAndGoodOnesComeThrough(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String prefix = "hostile.";
        KAFKA.createLaborwatchTopics(prefix);
        List<Case> cases = corpus();
        List<Observation> good = TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true);
        String goodKey = KafkaJobFixture.seriesKey(good.get(0));

        // Interleave: a hostile record after every 9 good ones; every other one under the good
        // series' key, so it sits in the same partition between its records.
        Map<String, Case> byOrigin = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            List<Case> sentCases = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < good.size(); i++) {
                producer.send(new ProducerRecord<>(prefix + "observations", goodKey.getBytes(StandardCharsets.UTF_8),
                        Json.writeBytes(good.get(i))));
                if (i % 9 == 8 && next < cases.size()) {
                    Case c = cases.get(next++);
                    String key = next % 2 == 0 ? goodKey : "hostile|" + c.name();
                    sends.add(producer.send(new ProducerRecord<>(prefix + "observations", key.getBytes(StandardCharsets.UTF_8), c.bytes())));
                    sentCases.add(c);
                }
            }
            assertEquals(cases.size(), next, "room to interleave every case");
            producer.flush();
            for (int i = 0; i < sends.size(); i++) {
                RecordMetadata m = sends.get(i).get();
                byOrigin.put(m.topic() + "-" + m.partition() + "@" + m.offset(), sentCases.get(i));
            }
        }

        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(300));
        run.boundedForTesting = true;
        StreamExecutionEnvironment env = KafkaJobFixture.env(false); // no restarts: any failure fails the job
        run.wire(env);
        long t0 = System.nanoTime();
        JobID job = env.execute("hostile input").getJobID();
        System.out.printf("hostile job: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertEquals(0, KafkaJobFixture.restarts(cluster, job), "the job never failed over");

        // Every hostile record: one dead letter, its origin, its reason, its exact bytes.
        List<String> deadLetters = KAFKA.readCommittedValues(prefix + "dead-letter");
        Map<String, JsonNode> byDeadOrigin = new HashMap<>();
        for (String d : deadLetters) {
            JsonNode n = Json.mapper().readTree(d);
            assertTrue(byDeadOrigin.put(n.get("origin").asText(), n) == null, "one dead letter per record: " + n.get("origin"));
        }
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Case> e : byOrigin.entrySet()) {
            JsonNode d = byDeadOrigin.get(e.getKey());
            Case c = e.getValue();
            if (d == null) {
                wrong.add(c.name() + ": no dead letter");
                continue;
            }
            // Exact up to the dead-letter cap; beyond it a prefix, with the size and hash of the whole.
            byte[] bytes = c.bytes() == null ? new byte[0] : c.bytes();
            String expectedBase64 = Base64.getEncoder().encodeToString(
                    Arrays.copyOf(bytes, Math.min(bytes.length, DeadLetter.DEFAULT_ORIGINAL_CAP)));
            if (d.get("original_size").asLong() != bytes.length
                    || !d.get("original_sha256").asText().equals(sha256(bytes))
                    || d.get("original_truncated").asBoolean() != bytes.length > DeadLetter.DEFAULT_ORIGINAL_CAP) {
                wrong.add(c.name() + ": size, hash or truncation flag wrong: " + d.get("original_size") + " "
                        + d.get("original_truncated"));
            }
            if (!d.get("reason").asText().equals(c.reason())) {
                wrong.add(c.name() + ": reason " + d.get("reason").asText() + " (" + d.get("detail").asText() + "), expected " + c.reason());
            }
            if (!d.get("original_base64").asText().equals(expectedBase64)) {
                wrong.add(c.name() + ": bytes differ");
            }
            if (d.get("detail").asText().isBlank()) {
                wrong.add(c.name() + ": no detail");
            }
        }
        System.out.printf("hostile cases: %d sent, %d dead letters, %d wrong%n", byOrigin.size(), deadLetters.size(), wrong.size());
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
        assertEquals(byOrigin.size(), deadLetters.size(), "no good record was dead-lettered");

        // Every good record came through: all sahm_gap points, and the national trigger events.
        Set<String> sahm = new HashSet<>();
        for (String m : KAFKA.readCommittedValues(prefix + "metrics")) {
            JsonNode n = Json.mapper().readTree(m);
            if (n.get("metric").asText().equals("sahm_gap")) {
                sahm.add(n.get("region").asText() + "|" + n.get("period").asText());
            }
        }
        assertEquals(good.size() - 14, sahm.size(), "a sahm_gap point for every month with a full window");
        Set<String> expected = KafkaJobFixture.referenceRun(good).stream().map(TriggerEvent::eventId).collect(Collectors.toSet());
        List<TriggerEvent> committed = KafkaJobFixture.committedTriggers(KAFKA, prefix + "triggers");
        assertEquals(expected, committed.stream().map(TriggerEvent::eventId).collect(Collectors.toSet()));
        assertEquals(expected.size(), committed.size(), "no duplicates");
    }
}
