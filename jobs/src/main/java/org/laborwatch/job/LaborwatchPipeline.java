package org.laborwatch.job;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.contract.ValidationRules;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RevisionHorizon;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;

/**
 * The one job graph of laborwatch. Sources and sinks come from outside, so the demo, the tests and
 * production run exactly this graph:
 *
 * <pre>
 * observations (raw bytes) ─ validate ─► dead letters
 *        │ keyBy region
 *   series state + metrics ─► metric points ─► metrics sink
 *        │ route to the policies that read them (broadcast policy updates)
 *        │ keyBy policy|region|sector
 *   trigger state machine ─► trigger events; policy acknowledgements
 *        │ keyBy policy
 *   national roll-ups (regions ON, share of covered employment) ─► metrics sink
 *        │ route to the breadth policies that read them (broadcast policy updates)
 *        │ keyBy policy|region|sector
 *   breadth state machine (each period decided once its count has settled) ─► trigger events
 * </pre>
 *
 * <p>Optional second consumers write the observations, metric points and trigger events to a
 * time-series store (InfluxDB) next to their primary sinks; with them, a region-keyed marker
 * ({@link MarkAsPublished}) passes the points that carry each period's as-published value.
 *
 * <p>No operator waits for a watermark: labor data are sparse and arrive in bursts, so each series
 * is ordered by its own periods and each policy evaluates a period when its inputs are complete.
 * Every stateful operator has a stable {@code uid}, which savepoints map state by, and the job
 * has a fixed {@linkplain #MAX_PARALLELISM maximum parallelism}, which keyed state is split by.
 */
public final class LaborwatchPipeline {

    public static final String UID_VALIDATE = "validate-observations";
    public static final String UID_METRICS = "series-metrics";
    /** The series-state operator's name: its metrics are scoped by it (the bench counts its input by it). */
    public static final String NAME_METRICS = "series state and metrics";
    public static final String UID_ROUTE = "route-to-policies";
    public static final String UID_TRIGGERS = "evaluate-triggers";
    public static final String UID_ROLLUPS = "policy-rollups";
    /** Uids of the breadth stage: routing roll-up points to the policies that read them, and deciding those. */
    public static final String UID_ROUTE_ROLLUPS = "route-rollups-to-policies";
    public static final String UID_BREADTH = "decide-breadth";
    /**
     * The job's maximum parallelism: the number of key groups keyed state is split into, fixed for
     * the life of its savepoints (a savepoint restores only with the same value), and the most
     * subtasks any operator can be rescaled to. Set explicitly so it cannot change with the
     * parallelism a job starts at; 128 is what Flink derived for releases that did not set it (any
     * parallelism up to 85), so their savepoints restore unchanged.
     */
    public static final int MAX_PARALLELISM = 128;
    /** Stable uids of the optional time-series sinks (their buffered points are in checkpoints). */
    public static final String UID_OBSERVATION_SERIES = "sink-observations";
    public static final String UID_METRIC_SERIES = "sink-metric-series";
    public static final String UID_TRIGGER_SERIES = "sink-trigger-series";
    /** Stable uids of the as-published marker (its state) and its time-series sink. */
    public static final String UID_AS_PUBLISHED = "as-published";
    public static final String UID_AS_PUBLISHED_SERIES = "sink-as-published-series";

    private LaborwatchPipeline() {}

    /**
     * Adds the graph for a job whose policies are all given at start (the demo, the bench, tests),
     * validating with the default rules.
     *
     * @see #build(DataStream, List, PipelineSinks, ValidationRules)
     */
    public static void build(DataStream<RawRecord> observations, List<Policy> initialPolicies, PipelineSinks sinks) {
        build(observations, initialPolicies, sinks, ValidationRules.defaults());
    }

    /**
     * Adds the graph for a job whose policies are all given at start (the demo, the bench, tests):
     * no policy-update stream. The policies' broadcast input is then derived from the validated
     * observations and emits nothing, so that it ends when they do. An empty source of its own
     * would finish at once, and a task finishing just after a periodic checkpoint declines the
     * checkpoint Flink triggers when every task has reached the end of its data; that one is not
     * tried again, and a bounded run then waits up to a whole checkpoint interval for the next
     * (docs/benchmark-history.md, #13's ninth and tenth parts).
     */
    public static void build(DataStream<RawRecord> observations, List<Policy> initialPolicies, PipelineSinks sinks,
            ValidationRules rules) {
        wire(observations, null, initialPolicies, sinks, rules, RevisionHorizon.documented());
    }

    /**
     * Adds the graph to the environment of {@code observations}.
     *
     * @param observations raw observation records
     * @param policyUpdates policy texts (YAML or JSON) and their keys arriving at run time; may be empty
     * @param initialPolicies the policies in effect at start
     * @param sinks where results go
     */
    public static void build(DataStream<RawRecord> observations, DataStream<PolicyUpdate> policyUpdates,
            List<Policy> initialPolicies, PipelineSinks sinks) {
        build(observations, policyUpdates, initialPolicies, sinks, ValidationRules.defaults(), RevisionHorizon.documented());
    }

    /**
     * Adds the graph, validating observations with {@code rules} against the system clock, with the
     * documented revision horizons.
     *
     * @see #build(DataStream, DataStream, List, PipelineSinks)
     */
    public static void build(DataStream<RawRecord> observations, DataStream<PolicyUpdate> policyUpdates,
            List<Policy> initialPolicies, PipelineSinks sinks, ValidationRules rules) {
        build(observations, policyUpdates, initialPolicies, sinks, rules, RevisionHorizon.documented());
    }

    /**
     * Adds the graph, validating observations with {@code rules} against the system clock and
     * keeping each source's revisable history by {@code horizon} ({@link RevisionHorizon}).
     *
     * @see #build(DataStream, DataStream, List, PipelineSinks)
     */
    public static void build(DataStream<RawRecord> observations, DataStream<PolicyUpdate> policyUpdates,
            List<Policy> initialPolicies, PipelineSinks sinks, ValidationRules rules, RevisionHorizon horizon) {
        Objects.requireNonNull(policyUpdates, "policyUpdates (use a build method without them when there are none)");
        wire(observations, policyUpdates, initialPolicies, sinks, rules, horizon);
    }

    /**
     * The validation stage: the records as observations, the refused ones on the
     * {@link ValidateObservations#DEAD_LETTERS} side output. It runs at its source's parallelism so
     * it chains to it: a round-robin hop here would reorder the periods of a series that its
     * producer kept in order in one partition.
     */
    public static SingleOutputStreamOperator<Observation> validated(DataStream<RawRecord> observations,
            ValidationRules rules) {
        return observations
                .process(new ValidateObservations(rules, Clock.systemUTC()), WireTypes.OBSERVATION)
                .setParallelism(observations.getParallelism())
                .uid(UID_VALIDATE)
                .name("validate observations");
    }

    /** The graph; {@code policyUpdates} {@code null}: none, the policies given at start only. */
    private static void wire(DataStream<RawRecord> observations, DataStream<PolicyUpdate> policyUpdates,
            List<Policy> initialPolicies, PipelineSinks sinks, ValidationRules rules, RevisionHorizon horizon) {
        Objects.requireNonNull(observations, "observations");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(horizon, "horizon");
        StreamExecutionEnvironment env = observations.getExecutionEnvironment();
        if (env.getParallelism() > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism " + env.getParallelism() + " is above the job's maximum "
                    + MAX_PARALLELISM + " (LaborwatchPipeline.MAX_PARALLELISM, fixed by its savepoints): run with "
                    + MAX_PARALLELISM + " or fewer");
        }
        // Before any keyed operator is added; applies to every operator without its own value.
        env.setMaxParallelism(MAX_PARALLELISM);
        PolicyBook book = new PolicyBook(initialPolicies);
        SingleOutputStreamOperator<Observation> valid = validated(observations, rules);
        if (sinks.observations() != null) {
            valid.sinkTo(sinks.observations()).uid(UID_OBSERVATION_SERIES).name("observations");
        }

        SingleOutputStreamOperator<MetricPoint> metrics = valid
                .keyBy(ComputeMetrics::keyOf)
                .transform(NAME_METRICS, WireTypes.METRIC_POINT,
                        new ComputeMetrics.Operator(MetricEngine.standard(horizon)))
                .uid(UID_METRICS)
                .name(NAME_METRICS);
        // One dead-letter output: records the validator refused, and valid observations the series
        // state refused (beyond the revision horizon) or found in conflict with a held value.
        valid.getSideOutput(ValidateObservations.DEAD_LETTERS)
                .union(metrics.getSideOutput(ComputeMetrics.REPORTED))
                .sinkTo(sinks.deadLetters()).uid("sink-dead-letters").name("dead letters");

        if (policyUpdates == null) {
            // From the validated records (their serializer's copy is the record itself), chained.
            policyUpdates = valid.flatMap(new NoPolicyUpdates(), TypeInformation.of(PolicyUpdate.class))
                    .setParallelism(valid.getParallelism())
                    .name("no policy updates");
        }
        BroadcastStream<PolicyUpdate> policies = policyUpdates.broadcast(PolicyDescriptors.POLICY_UPDATES);
        SingleOutputStreamOperator<TriggerEvent> triggers = metrics
                .connect(policies)
                .process(new RouteToPolicies(book), WireTypes.POLICY_INPUT)
                .uid(UID_ROUTE)
                .name("route to policies")
                .keyBy(PolicyInput::key)
                .connect(policies)
                .process(new EvaluateTriggers(book), WireTypes.TRIGGER_EVENT)
                .uid(UID_TRIGGERS)
                .name("trigger state machine");
        DataStream<MetricPoint> rollups = triggers
                .keyBy(TriggerEvent::policy)
                .process(new RollUpPolicies(), WireTypes.METRIC_POINT)
                .uid(UID_ROLLUPS)
                .name("national roll-ups");
        // Breadth policies read the roll-ups, which are made from the state machine's events: they are
        // decided in a stage of their own after the roll-ups (feeding the roll-ups back would be a
        // cycle), once each period's count has settled (DecideBreadth). Their events are not rolled up.
        DataStream<TriggerEvent> breadth = rollups
                .connect(policies)
                .process(new RouteToPolicies(book), WireTypes.POLICY_INPUT)
                .uid(UID_ROUTE_ROLLUPS)
                .name("route roll-ups to breadth policies")
                .keyBy(PolicyInput::key)
                .connect(policies)
                .process(new DecideBreadth(book), WireTypes.TRIGGER_EVENT)
                .uid(UID_BREADTH)
                .name("breadth state machine");
        DataStream<TriggerEvent> allTriggers = triggers.union(breadth);
        allTriggers.sinkTo(sinks.triggers()).uid("sink-triggers").name("trigger events");
        if (sinks.triggerSeries() != null) {
            // A second consumer of the trigger stream: the state machine is unchanged.
            allTriggers.sinkTo(sinks.triggerSeries()).uid(UID_TRIGGER_SERIES).name("trigger series");
        }

        DataStream<MetricPoint> allMetrics = metrics.union(rollups);
        allMetrics.sinkTo(sinks.metrics()).uid("sink-metrics").name("metric points");
        if (sinks.metricSeries() != null) {
            allMetrics.sinkTo(sinks.metricSeries()).uid(UID_METRIC_SERIES).name("metric series");
        }
        if (sinks.asPublishedSeries() != null) {
            metrics.keyBy(MarkAsPublished::keyOf)
                    .process(new MarkAsPublished(), WireTypes.METRIC_POINT)
                    .uid(UID_AS_PUBLISHED)
                    .name("as published")
                    .sinkTo(sinks.asPublishedSeries()).uid(UID_AS_PUBLISHED_SERIES).name("as-published series");
        }
        if (sinks.policyAcks() != null) {
            triggers.getSideOutput(PolicyDescriptors.POLICY_ACKS)
                    .sinkTo(sinks.policyAcks()).uid("sink-policy-acks").name("policy acknowledgements");
        }
    }

    /** Emits nothing: the policy updates of a job whose policies are all given at start. */
    private static final class NoPolicyUpdates implements FlatMapFunction<Observation, PolicyUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void flatMap(Observation observation, Collector<PolicyUpdate> out) {
            // none
        }
    }
}
