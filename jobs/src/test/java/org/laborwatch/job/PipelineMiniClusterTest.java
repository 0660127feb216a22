package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;

/**
 * The job graph end to end on a Flink mini cluster at parallelism 2, with in-memory sources and
 * sinks, over real data: the national unemployment history and the ETA 539 rows of three states.
 */
class PipelineMiniClusterTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("minicluster");

    private static final Set<String> STATES = Set.of("US-AZ", "US-NE", "US-VI");

    private static List<TriggerEvent> triggers;
    private static List<MetricPoint> metrics;
    private static List<DeadLetter> deadLetters;
    private static List<RawRecord> bad;

    @BeforeAll
    static void runTheJob() throws Exception {
        List<RawRecord> input = new ArrayList<>();
        input.addAll(TestData.raw(TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true), "unrate"));
        bad = TestData.badRecords();
        input.addAll(bad);
        input.addAll(TestData.raw(TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539",
                ReaderOptions.defaults(), o -> STATES.contains(o.region())), "eta539"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectSink<TriggerEvent> triggerSink = new CollectSink<>();
        CollectSink<MetricPoint> metricSink = new CollectSink<>();
        CollectSink<DeadLetter> deadLetterSink = new CollectSink<>();
        DataStream<RawRecord> source = env.fromData(input, TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(
                source,
                BundledPolicies.all(),
                PipelineSinks.builder().triggers(triggerSink).metrics(metricSink).deadLetters(deadLetterSink).build());
        env.execute("pipeline test");
        triggers = triggerSink.results();
        metrics = metricSink.results();
        deadLetters = deadLetterSink.results();
    }

    private static List<TriggerEvent> events(String policy, String region) {
        return triggers.stream().filter(e -> e.policy().equals(policy) && e.region().equals(region))
                .sorted(java.util.Comparator.comparing(TriggerEvent::period)).toList();
    }

    @Test
    void sahmNationalEntersIn2008And2020AndExitsAfterEach() {
        List<TriggerEvent> us = events("sahm-national", "US");
        for (int i = 0; i < us.size(); i++) {
            assertEquals(i % 2 == 0 ? Transition.ENTER : Transition.EXIT, us.get(i).transition(), "alternates: " + us);
        }
        TriggerEvent enter2008 = us.stream().filter(e -> e.period().equals(LocalDate.of(2008, 2, 1))).findFirst().orElseThrow();
        assertEquals(Transition.ENTER, enter2008.transition());
        assertEquals(0, enter2008.evidence().get("sahm_gap").compareTo(new java.math.BigDecimal("0.53")));
        TriggerEvent enter2020 = us.stream().filter(e -> e.period().equals(LocalDate.of(2020, 4, 1))).findFirst().orElseThrow();
        assertEquals(Transition.ENTER, enter2020.transition());
        assertTrue(us.stream().anyMatch(e -> e.transition() == Transition.EXIT && e.period().getYear() >= 2009
                && e.period().isBefore(LocalDate.of(2020, 1, 1))), "exits after 2008");
        assertEquals(Transition.EXIT, us.get(us.size() - 1).transition(), "off again after 2020");
    }

    @Test
    void ebIurEntersForArizonaAndNebraskaWithTheWeekEnding20200530() {
        for (String state : List.of("US-AZ", "US-NE")) {
            TriggerEvent enter = events("eb-iur", state).get(0);
            assertEquals(Transition.ENTER, enter.transition());
            assertEquals(LocalDate.of(2020, 5, 30), enter.period());
            assertEquals(LocalDate.of(2020, 6, 14), enter.effectiveFrom());
            assertTrue(enter.evidence().get("iur_13wk").compareTo(new java.math.BigDecimal("5.0")) >= 0);
        }
    }

    @Test
    void virginIslandsEbEndsOnMay1st2021AsTheFederalRegisterNoticeSays() {
        TriggerEvent exit = events("eb-iur", "US-VI").stream().filter(e -> e.transition() == Transition.EXIT)
                .filter(e -> e.period().getYear() == 2021).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2021, 4, 10), exit.period());
        assertEquals(LocalDate.of(2021, 5, 1), exit.effectiveUntil());
    }

    @Test
    void everyBadRecordIsDeadLetteredWithItsOriginalBytes() {
        assertEquals(bad.size(), deadLetters.size());
        for (RawRecord r : bad) {
            DeadLetter d = deadLetters.stream().filter(x -> x.origin().equals(r.origin())).findFirst().orElseThrow();
            assertArrayEquals(r.bytes(), d.original());
            assertTrue(!d.detail().isBlank());
        }
    }

    @Test
    void metricsAreEmittedOncePerPeriodAndExactly() {
        List<MetricPoint> iur = metrics.stream().filter(p -> p.metric().equals("iur_13wk") && p.region().equals("US-AZ"))
                .toList();
        Set<LocalDate> periods = iur.stream().map(MetricPoint::period).collect(Collectors.toSet());
        assertEquals(periods.size(), iur.size(), "no duplicate iur_13wk points");
        MetricPoint june6 = iur.stream().filter(p -> p.period().equals(LocalDate.of(2020, 5, 30))).findFirst().orElseThrow();
        assertEquals(new java.math.BigDecimal("5.1315"), june6.value());
        long sahm = metrics.stream().filter(p -> p.metric().equals("sahm_gap")).count();
        assertEquals(911 - 14, sahm);
    }

    @Test
    void nationalRollUpsCountTheStatesOnInEb() {
        List<MetricPoint> rollup = metrics.stream().filter(p -> p.metric().equals("regions_on")
                && p.sector().equals("policy:eb-iur")).toList();
        java.util.Map<LocalDate, java.math.BigDecimal> last = new java.util.TreeMap<>();
        rollup.forEach(p -> last.put(p.period(), p.value()));
        // AZ and NE entered with the week ending 2020-05-30; VI the week before.
        assertEquals(new java.math.BigDecimal("3"), last.get(LocalDate.of(2020, 5, 30)));
        assertTrue(metrics.stream().anyMatch(p -> p.metric().equals("regions_on_share_pct")));
    }

    @Test
    void aReplayGivesTheSameEventIds() {
        Set<String> ids = triggers.stream().map(TriggerEvent::eventId).collect(Collectors.toSet());
        assertEquals(triggers.size(), ids.size(), "event ids are unique");
        TriggerEvent any = triggers.get(0);
        assertEquals(TriggerEvent.idFor(any.policy(), any.policyVersion(), any.region(), any.sector(), any.period(),
                any.transition(), any.tier()), any.eventId());
    }

}
