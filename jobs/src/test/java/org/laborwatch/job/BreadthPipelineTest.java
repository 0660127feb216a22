package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.trigger.SettlingPeriods;

/**
 * The streaming job decides a breadth policy (issue #16 item 3) as the backtest does: the job at
 * parallelism 2 on a mini cluster and {@link Backtest} over the same LAUS state rates, 1976-2023,
 * with {@code sahm-state} and {@code sahm-breadth} (which reads sahm-state's national roll-up).
 *
 * <p>The job replays the file in its own order, state after state (a historical replay): every
 * month's count of states ON changes as each state's history arrives, so a breadth decision made
 * before the last state would differ from the backtest's, which decides on final counts.
 */
class BreadthPipelineTest {

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("breadth");

    private static final String LAUS = "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv";

    /** A breadth policy over the roll-ups of every policy (a sector pattern): here sahm-state's only. */
    private static final String ANY_SOURCE = """
            id: half-the-states
            version: 1
            scope: {regions: "US", sectors: "policy:*"}
            enter: "regions_on >= 26"
            exit: "regions_on < 20"
            confirm: {enter: 2, exit: 1}
            revisions: prospective
            """;

    private static List<TriggerEvent> job;
    private static List<TriggerEvent> backtest;
    private static Duration ran;

    @BeforeAll
    static void runTheJobAndTheBacktest() throws Exception {
        List<Observation> observations = TestData.read(LAUS, "laus-state",
                ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> true);
        List<Policy> policies = List.of(BundledPolicies.load("sahm-state"), BundledPolicies.load("sahm-breadth"),
                PolicyParser.parse(ANY_SOURCE));

        // The backtest in period order, as the months are published (BundledPoliciesBacktestTest).
        List<Observation> byPeriod = new ArrayList<>(observations);
        byPeriod.sort(Comparator.comparing(Observation::period));
        Backtest b = new Backtest(policies, MetricEngine.standard());
        byPeriod.forEach(b::accept);
        backtest = b.events();

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        CollectSink<TriggerEvent> triggers = new CollectSink<>();
        DataStream<RawRecord> source = env.fromData(TestData.raw(observations, "laus"), TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, policies,
                PipelineSinks.builder().triggers(triggers).metrics(new CollectSink<MetricPoint>())
                        .deadLetters(new CollectSink<>()).build());
        Instant start = Instant.now();
        env.execute("breadth test");
        ran = Duration.between(start, Instant.now());
        job = triggers.results();
        System.out.println("job over " + observations.size() + " observations in " + ran.toMillis() + " ms: "
                + of(job, "sahm-breadth").size() + " sahm-breadth, " + of(job, "half-the-states").size()
                + " half-the-states and " + of(job, "sahm-state").size() + " sahm-state events; backtest "
                + of(backtest, "sahm-breadth").size() + ", " + of(backtest, "half-the-states").size() + " and "
                + of(backtest, "sahm-state").size());
    }

    private static List<TriggerEvent> of(List<TriggerEvent> events, String policy) {
        return events.stream().filter(e -> e.policy().equals(policy))
                .sorted(Comparator.comparing(TriggerEvent::period).thenComparing(TriggerEvent::region)
                        .thenComparing(TriggerEvent::transition))
                .toList();
    }

    @Test
    void theJobsBreadthEventsAreTheBacktestsWholeEvents() {
        List<TriggerEvent> expected = of(backtest, "sahm-breadth");
        assertFalse(expected.isEmpty(), "the backtest decides sahm-breadth over the LAUS rates");
        // Whole records: transition, period, effective dates, evidence, thresholds, vintage, id.
        assertEquals(expected, of(job, "sahm-breadth"), "the job ran " + ran.toMillis() + " ms; a replay longer than the settle"
                + " deadline (" + SettlingPeriods.SETTLE + ") could decide a period before its last state arrived");
    }

    @Test
    void aBreadthPolicyOverASectorPatternIsDecidedAsInTheBacktest() {
        List<TriggerEvent> expected = of(backtest, "half-the-states");
        assertFalse(expected.isEmpty());
        assertEquals(List.of("policy:sahm-state"), expected.stream().map(TriggerEvent::sector).distinct().toList());
        assertEquals(expected, of(job, "half-the-states"));
    }

    @Test
    void theSourcePolicysEventsAreUnchanged() {
        List<TriggerEvent> expected = of(backtest, "sahm-state");
        assertFalse(expected.isEmpty());
        assertEquals(expected, of(job, "sahm-state"));
    }

    @Test
    void theJobEmitsNothingElse() {
        assertEquals(backtest.size(), job.size(), "every event of the job is one of the backtest's");
    }
}
