package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.RejectReason;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;

/**
 * Valid observations the series state cannot apply reach the dead-letter output with a reason,
 * never only a counter: a backfill of the national history sent after its newest two years
 * (everything beyond CPS's five-year revision horizon is refused, the rest applied), and a
 * conflicting duplicate (same period and vintage, another value).
 */
class SeriesStateDeadLettersTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster-series-state");

    private static List<Observation> unrate;
    private static Observation conflicting;
    private static List<DeadLetter> deadLetters;
    private static List<MetricPoint> metrics;

    @BeforeAll
    static void runTheJob() throws Exception {
        unrate = TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", ReaderOptions.defaults(), o -> true);
        Observation april2020 = unrate.stream().filter(o -> o.period().equals(LocalDate.of(2020, 4, 1))).findFirst().orElseThrow();
        conflicting = new Observation(april2020.indicator(), april2020.region(), april2020.sector(), april2020.adjustment(),
                april2020.frequency(), april2020.period(), april2020.value().add(new BigDecimal("0.2")), april2020.unit(),
                april2020.source(), april2020.vintage());

        List<Observation> sent = new ArrayList<>(unrate.subList(unrate.size() - 24, unrate.size()));
        sent.addAll(unrate);
        sent.add(conflicting);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectSink<MetricPoint> metricSink = new CollectSink<>();
        CollectSink<DeadLetter> deadLetterSink = new CollectSink<>();
        DataStream<RawRecord> source = env.fromData(TestData.raw(sent, "backfill"), TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, List.of(BundledPolicies.load("sahm-national")),
                PipelineSinks.builder().triggers(new CollectSink<TriggerEvent>()).metrics(metricSink)
                        .deadLetters(deadLetterSink).build());
        env.execute("series state dead letters");
        deadLetters = deadLetterSink.results();
        metrics = metricSink.results();
    }

    @Test
    void historyBeyondTheRevisionHorizonIsDeadLetteredWithItsReasonAndTheRestApplied() {
        LocalDate newest = unrate.get(unrate.size() - 1).period();
        LocalDate cutoff = newest.minusMonths(60);
        List<Observation> beyond = unrate.stream().filter(o -> o.period().isBefore(cutoff)).toList();
        List<DeadLetter> refused = deadLetters.stream().filter(d -> d.reason() == RejectReason.BEYOND_REVISION_HORIZON).toList();
        System.out.printf("backfill after the newest 24 months: %d of %d records beyond the horizon (before %s), %d dead-lettered%n",
                beyond.size(), unrate.size(), cutoff, refused.size());
        assertEquals(beyond.size(), refused.size(), "every record beyond the horizon, and only those");
        Map<LocalDate, DeadLetter> byPeriod = new TreeMap<>();
        for (DeadLetter d : refused) {
            Observation o = Json.read(new String(d.original(), java.nio.charset.StandardCharsets.UTF_8), Observation.class);
            byPeriod.put(o.period(), d);
            assertTrue(d.detail().contains("5 years for bls.cps sa"), d.detail());
        }
        assertEquals(beyond.stream().map(Observation::period).toList(), List.copyOf(byPeriod.keySet()));
        // What lies within the horizon was applied: the Sahm gap of every month whose window
        // (14 months) lies within it was computed, and no month before the horizon has one.
        java.util.Set<LocalDate> gaps = new java.util.TreeSet<>();
        metrics.stream().filter(p -> p.metric().equals("sahm_gap") && p.isAvailable()).forEach(p -> gaps.add(p.period()));
        for (LocalDate m = cutoff.plusMonths(14); !m.isAfter(newest); m = m.plusMonths(1)) {
            assertTrue(gaps.contains(m), "sahm_gap " + m);
        }
        assertTrue(gaps.stream().noneMatch(m -> m.isBefore(cutoff)), "nothing computed from refused history: " + gaps);
    }

    @Test
    void aConflictingDuplicateIsDeadLetteredWithBothValues() {
        List<DeadLetter> conflicts = deadLetters.stream().filter(d -> d.reason() == RejectReason.CONFLICTING_DUPLICATE).toList();
        assertEquals(1, conflicts.size(), "" + conflicts);
        String detail = conflicts.get(0).detail();
        assertTrue(detail.contains("14.7") && detail.contains("14.9"), detail);
        assertEquals(conflicting, Json.read(new String(conflicts.get(0).original(), java.nio.charset.StandardCharsets.UTF_8),
                Observation.class));
    }
}
