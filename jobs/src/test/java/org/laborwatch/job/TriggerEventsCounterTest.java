package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.common.JobID;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;

/**
 * The {@code triggerEvents} counter survives a restart: after a failure injected once a checkpoint
 * has completed, the counters of the last attempt add up to the events of an uninterrupted run
 * (what the exactly-once triggers topic holds), not only to the events emitted since the restart.
 */
class TriggerEventsCounterTest {

    static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setConfiguration(REPORTER.addToConfiguration(LocalEnvironments.loopback(Path.of("target", "tmp", "minicluster-counter"))))
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final Set<String> STATES = Set.of("US-AZ", "US-NE", "US-CA", "US-MI");

    /** Fails the job once, at the first record after a checkpoint completed past half of the input. */
    static final class FailOnceAfterACheckpoint implements MapFunction<RawRecord, RawRecord>, CheckpointListener {
        private static final long serialVersionUID = 1L;
        static final AtomicLong SEEN = new AtomicLong();
        static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
        static final AtomicBoolean FIRED = new AtomicBoolean();
        private final long half;

        FailOnceAfterACheckpoint(long half) {
            this.half = half;
        }

        @Override
        public RawRecord map(RawRecord r) throws Exception {
            // About 1 ms a record, so that checkpoints (every 100 ms) complete during the run.
            Thread.sleep(1);
            if (SEEN.incrementAndGet() > half && CHECKPOINTED.get() && FIRED.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure after a checkpoint");
            }
            return r;
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) {
            if (SEEN.get() > half) {
                CHECKPOINTED.set(true);
            }
        }
    }

    private static List<RawRecord> input() throws Exception {
        List<RawRecord> input = new ArrayList<>(TestData.raw(TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv",
                "fred", ReaderOptions.defaults(), o -> true), "unrate"));
        input.addAll(TestData.raw(TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539",
                ReaderOptions.defaults(), o -> STATES.contains(o.region())), "eta539"));
        return input;
    }

    private static List<TriggerEvent> run(List<RawRecord> input, boolean fail, List<JobID> id) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        Configuration c = new Configuration();
        c.set(RestartStrategyOptions.RESTART_STRATEGY, fail ? "fixed-delay" : "none");
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        c.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        env.configure(c);
        env.enableCheckpointing(100);
        DataStream<RawRecord> source = env.fromData(input, TypeInformation.of(RawRecord.class));
        if (fail) {
            source = source.map(new FailOnceAfterACheckpoint(input.size() / 2)).setParallelism(source.getParallelism());
        }
        CollectSink<TriggerEvent> triggers = new CollectSink<>();
        LaborwatchPipeline.build(source, BundledPolicies.all(),
                PipelineSinks.builder().triggers(triggers).metrics(new CollectSink<>()).deadLetters(new CollectSink<>()).build());
        id.add(env.execute(fail ? "counter with a failure" : "counter reference").getJobID());
        return triggers.results();
    }

    /** The triggerEvents counter of each attempt number, summed over the subtasks of that attempt. */
    private static Map<Integer, Long> countsByAttempt(JobID job) {
        Map<Integer, Long> byAttempt = new TreeMap<>();
        for (Map.Entry<MetricGroup, Map<String, Metric>> g : REPORTER.getMetricsByGroup().entrySet()) {
            Map<String, String> vars = g.getKey().getAllVariables();
            if (job.toString().equals(vars.get("<job_id>")) && g.getValue().get("triggerEvents") instanceof Counter counter) {
                byAttempt.merge(Integer.parseInt(vars.get("<task_attempt_num>")), counter.getCount(), Long::sum);
            }
        }
        return byAttempt;
    }

    @Test
    void theCounterAfterARestartCountsTheEventsOfTheWholeRun() throws Exception {
        List<RawRecord> input = input();
        List<JobID> ids = new ArrayList<>();
        int expected = run(input, false, ids).size();
        Map<Integer, Long> reference = countsByAttempt(ids.get(0));
        assertEquals(Map.of(0, (long) expected), reference, "without a failure the counter is the events emitted");

        List<TriggerEvent> emitted = run(input, true, ids);
        assertTrue(FailOnceAfterACheckpoint.FIRED.get(), "the failure fired");
        Map<Integer, Long> counts = countsByAttempt(ids.get(1));
        int last = ((TreeMap<Integer, Long>) counts).lastKey();
        System.out.printf("triggerEvents by attempt %s; %d events in an uninterrupted run, %d emitted in all attempts%n",
                counts, expected, emitted.size());
        assertTrue(last >= 1, "the job restarted: " + counts);
        assertTrue(counts.get(0) > 0, "the failed attempt had counted events: " + counts);
        assertEquals(expected, counts.get(last), "the last attempt's counter, restored from the checkpoint: " + counts);
    }
}
