package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestClusters;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.metrics.AsPublished;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.SahmGap;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.rollup.RegionsOnRollup;

/**
 * Issue #12 item 2: the ALFRED UNRATE vintages (311 releases, 2000-2025, the whole file: 1,215
 * observations) loaded by {@code laborwatch replay} into a real broker, release by release, and
 * followed by {@code laborwatch run} with nothing else: its metric points (the latest value of
 * each, and each as first published) and its sahm-national events equal what the same
 * observations give in memory ({@code compute}'s code, and the job graph with in-memory edges),
 * and its real-time Sahm gap gives FRED's SAHMREALTIME of 2024.
 */
class ReleaseReplayKafkaTest {

    @RegisterExtension
    @Order(1)
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @RegisterExtension
    @Order(2)
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-release-replay");

    private static final String FILE = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";

    @Test
    void theJobFollowsEveryRevisionOfAReleaseOrderReplay() throws Exception {
        String prefix = "releases.";
        KAFKA.createLaborwatchTopics(prefix);
        String[] replayed = CliRun.run("replay", "--bootstrap", KAFKA.bootstrap(), "--topic", prefix + "observations",
                "--input", "../data/" + FILE, "--format", "alfred-vintages");
        assertEquals("0", replayed[0], replayed[2]);
        List<Observation> observations = TestData.read(FILE, "alfred-vintages", ReaderOptions.defaults(), o -> true);

        RunCommand run = KafkaJobFixture.run(KAFKA, prefix, Duration.ofMillis(250));
        run.boundedForTesting = true;
        StreamExecutionEnvironment env = KafkaJobFixture.env(false);
        run.wire(env);
        long t0 = System.nanoTime();
        env.execute("release-order replay");
        long millis = (System.nanoTime() - t0) / 1_000_000;

        // The metric points the job committed, in the order it emitted them (one region: one partition).
        List<MetricPoint> emitted = KAFKA.readCommittedValues(prefix + "metrics").stream()
                .map(v -> Json.read(v, MetricPoint.class))
                .filter(p -> !p.metric().equals(RegionsOnRollup.REGIONS_ON) && !p.metric().equals(RegionsOnRollup.SHARE))
                .toList();
        AsPublished fromKafka = new AsPublished();
        emitted.forEach(fromKafka::accept);
        fromKafka.finish();
        Map<String, MetricPoint> latestFromKafka = byKey(fromKafka.latest().values());
        Map<String, MetricPoint> asPublishedFromKafka = byKey(fromKafka.asPublished().values());

        ComputeCommand.Computed latest = ComputeCommand.compute(observations, MetricCatalogue.all(), false);
        ComputeCommand.Computed published = ComputeCommand.compute(observations, MetricCatalogue.all(), true);
        Map<String, MetricPoint> latestInMemory = byKey(latest.points().values());
        Map<String, MetricPoint> asPublishedInMemory = byKey(published.points().values().stream()
                .filter(MetricPoint::isAvailable).toList());

        System.out.printf("release-order replay: %d observations, %d metric points emitted, %d latest, %d as published "
                + "(in memory %d, %d), job %d ms%n", observations.size(), emitted.size(), latestFromKafka.size(),
                asPublishedFromKafka.size(), latestInMemory.size(), asPublishedInMemory.size(), millis);
        assertSameValues(latestInMemory, latestFromKafka, "latest");
        assertSameValues(asPublishedInMemory, asPublishedFromKafka, "as published");

        // sahm-national's decisions: the same as the job graph's with in-memory edges over the same observations.
        List<String> events = sahmNational(KafkaJobFixture.committedTriggers(KAFKA, prefix + "triggers"));
        List<String> reference = sahmNational(KafkaJobFixture.referenceRun(observations));
        System.out.println("sahm-national events: " + events);
        assertEquals(reference, events);
        assertTrue(!events.isEmpty(), "the Sahm rule fired over 2000-2025");

        // FRED SAHMREALTIME, as published (data/README.md).
        Map<String, String> fred = new LinkedHashMap<>();
        fred.put("2024-06", "0.43");
        fred.put("2024-07", "0.53");
        fred.put("2024-08", "0.57");
        fred.put("2024-09", "0.50");
        fred.put("2024-10", "0.43");
        fred.forEach((month, value) -> assertEquals(new BigDecimal(value), asPublishedFromKafka.values().stream()
                .filter(p -> p.metric().equals(SahmGap.NAME) && p.region().equals("US")
                        && p.period().equals(LocalDate.parse(month + "-01")))
                .findFirst().orElseThrow().value(), month));
    }

    private static Map<String, MetricPoint> byKey(java.util.Collection<MetricPoint> points) {
        Map<String, MetricPoint> out = new TreeMap<>();
        for (MetricPoint p : points) {
            out.put(String.join("|", p.metric(), String.valueOf(p.indicator()), p.region(), p.sector(),
                    p.period().toString()), p);
        }
        return out;
    }

    /** Same keys, and at each the same value (or both unavailable) and vintage. */
    private static void assertSameValues(Map<String, MetricPoint> expected, Map<String, MetricPoint> actual, String what) {
        assertEquals(expected.keySet(), actual.keySet(), what + ": the same points");
        List<String> differ = new ArrayList<>();
        expected.forEach((k, e) -> {
            MetricPoint a = actual.get(k);
            if (!String.valueOf(e.value()).equals(String.valueOf(a.value())) || !e.status().equals(a.status())
                    || !java.util.Objects.equals(e.vintage(), a.vintage())) {
                differ.add(k + ": " + e.value() + " (" + e.vintage() + ") in memory, " + a.value() + " (" + a.vintage()
                        + ") from Kafka");
            }
        });
        assertTrue(differ.isEmpty(), what + ": " + differ.size() + " differ: " + differ.stream().limit(20).toList());
    }

    private static List<String> sahmNational(List<TriggerEvent> events) {
        return events.stream().filter(e -> e.policy().equals("sahm-national"))
                .sorted(Comparator.comparing(TriggerEvent::period).thenComparing(e -> e.transition().name()))
                .map(e -> e.period() + " " + e.transition() + " " + e.evidence())
                .toList();
    }
}
