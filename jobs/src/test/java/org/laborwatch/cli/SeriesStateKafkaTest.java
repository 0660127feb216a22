package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestClusters;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.readers.ReaderOptions;

/**
 * Well-formed observations that the series state must not apply silently, sent through a real
 * broker with the national unemployment history: conflicting duplicates (same series, period and
 * vintage, another value) and a backfill of history after newer data. Each goes to the dead-letter
 * topic with its reason, the job never fails over, and what should stand stands.
 */
class SeriesStateKafkaTest {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-series-state-kafka");

    private static List<Observation> unrate;
    private static Set<String> baseline;

    @BeforeAll
    static void baseline() throws Exception {
        unrate = TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", ReaderOptions.defaults(), o -> true);
        baseline = KafkaJobFixture.referenceRun(unrate).stream().map(TriggerEvent::eventId).collect(Collectors.toSet());
    }

    /** Sends the observations in order under the national series' key (one partition, in order). */
    private static void send(String topic, List<Observation> observations) throws Exception {
        byte[] key = KafkaJobFixture.seriesKey(unrate.get(0)).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = KAFKA.producer()) {
            for (Observation o : observations) {
                producer.send(new ProducerRecord<>(topic, key, Json.writeBytes(o)));
            }
            producer.flush();
        }
    }

    private static JobID runBounded(String prefix) throws Exception {
        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(300));
        run.boundedForTesting = true;
        StreamExecutionEnvironment env = KafkaJobFixture.env(false); // no restarts: any failure fails the job
        run.wire(env);
        return env.execute(prefix).getJobID();
    }

    private static List<JsonNode> deadLetters(String prefix) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String d : KAFKA.readCommittedValues(prefix + "dead-letter")) {
            out.add(Json.mapper().readTree(d));
        }
        return out;
    }

    private static Observation withValue(Observation o, BigDecimal value) {
        return new Observation(o.indicator(), o.region(), o.sector(), o.adjustment(), o.frequency(), o.period(), value,
                o.unit(), o.source(), o.vintage());
    }

    @Test
    void conflictingDuplicatesAreDeadLetteredWithBothValuesAndTheEventsStand(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String prefix = "conflict.";
        KAFKA.createLaborwatchTopics(prefix);
        // After each of five months that decided an event, a copy with the same vintage and a lower value.
        Set<LocalDate> months = Set.of(LocalDate.of(1974, 10, 1), LocalDate.of(1990, 9, 1), LocalDate.of(2008, 2, 1),
                LocalDate.of(2020, 4, 1), LocalDate.of(2021, 4, 1));
        List<Observation> sent = new ArrayList<>();
        List<Observation> conflicts = new ArrayList<>();
        for (Observation o : unrate) {
            sent.add(o);
            if (months.contains(o.period())) {
                Observation copy = withValue(o, o.value().subtract(new BigDecimal("0.3")));
                sent.add(copy);
                conflicts.add(copy);
            }
        }
        send(prefix + "observations", sent);
        JobID job = runBounded(prefix);
        assertEquals(0, KafkaJobFixture.restarts(cluster, job), "the job never failed over");

        List<JsonNode> letters = deadLetters(prefix);
        assertEquals(conflicts.size(), letters.size(), "one dead letter per conflicting copy: " + letters);
        Set<String> sentBytes = conflicts.stream().map(o -> Base64.getEncoder().encodeToString(Json.writeBytes(o)))
                .collect(Collectors.toSet());
        for (JsonNode d : letters) {
            assertEquals("conflicting_duplicate", d.get("reason").asText());
            assertTrue(sentBytes.contains(d.get("original_base64").asText()), "the copy's bytes: " + d);
            assertTrue(d.get("detail").asText().contains("conflicting values"), d.get("detail").asText());
        }
        Set<String> committed = KafkaJobFixture.committedTriggers(KAFKA, prefix + "triggers").stream()
                .map(TriggerEvent::eventId).collect(Collectors.toSet());
        System.out.printf("conflicting duplicates: %d sent, %d dead-lettered (conflicting_duplicate), %d of %d baseline events%n",
                conflicts.size(), letters.size(), committed.size(), baseline.size());
        assertEquals(baseline, committed, "the baseline events, unchanged");
    }

    @Test
    void aBackfillAfterNewerDataIsAppliedWithinTheHorizonAndDeadLetteredBeyondIt(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String prefix = "backfill.";
        KAFKA.createLaborwatchTopics(prefix);
        List<Observation> sent = new ArrayList<>(unrate.subList(unrate.size() - 24, unrate.size()));
        sent.addAll(unrate);
        send(prefix + "observations", sent);
        JobID job = runBounded(prefix);
        assertEquals(0, KafkaJobFixture.restarts(cluster, job), "the job never failed over");

        LocalDate cutoff = unrate.get(unrate.size() - 1).period().minusMonths(60);
        long beyond = unrate.stream().filter(o -> o.period().isBefore(cutoff)).count();
        List<JsonNode> letters = deadLetters(prefix);
        assertTrue(letters.stream().allMatch(d -> d.get("reason").asText().equals("beyond_revision_horizon")), "" + letters.get(0));
        assertEquals(beyond, letters.size(), "every record before " + cutoff + " and only those");

        Set<String> gaps = new HashSet<>();
        for (String m : KAFKA.readCommittedValues(prefix + "metrics")) {
            JsonNode n = Json.mapper().readTree(m);
            if (n.get("metric").asText().equals("sahm_gap") && !n.path("value").isMissingNode() && !n.path("value").isNull()) {
                gaps.add(n.get("period").asText());
            }
        }
        long expectedGaps = 0;
        for (LocalDate m = cutoff.plusMonths(14); !m.isAfter(unrate.get(unrate.size() - 1).period()); m = m.plusMonths(1)) {
            assertTrue(gaps.contains(m.toString()), "sahm_gap " + m);
            expectedGaps++;
        }
        System.out.printf("backfill: %d records sent (the newest 24 months, then all %d), %d dead-lettered "
                + "(beyond_revision_horizon, before %s), sahm_gap computed for the %d months within the horizon%n",
                sent.size(), unrate.size(), letters.size(), cutoff, expectedGaps);
    }
}
