package org.laborwatch.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;
import org.laborwatch.trigger.TriggerEvaluator;
import org.laborwatch.trigger.TriggerState;

/**
 * Keyed by policy, region and sector: runs the trigger state machine over the metric points routed
 * to it. Policy updates arrive as broadcast text, are decided by {@link PolicyBook} identically on
 * every parallel instance, and are acknowledged once (by subtask 0). A policy update keeps the
 * state of the keys it still covers, since that state is keyed by policy id, not version.
 *
 * <p>The {@code triggerEvents} counter survives restarts: the count at each checkpoint is kept in
 * operator state and the counter starts from it after a restore, so after a recovery it counts the
 * events of the checkpoint plus those emitted since. Events emitted after the checkpoint by the
 * failed attempt are not counted twice: their Kafka transactions were aborted and they are emitted
 * again. Summed over the subtasks it equals the events committed to the triggers topic once the
 * next checkpoint completes, whatever the restarts.
 */
public final class EvaluateTriggers extends KeyedBroadcastProcessFunction<String, PolicyInput, PolicyUpdate, TriggerEvent>
        implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "trigger-state";
    /** The operator state of the {@code triggerEvents} counts at the last checkpoint; part of the savepoint format. */
    public static final String COUNT_STATE = "trigger-events-emitted";

    private final PolicyBook book;
    private transient ValueState<TriggerState> state;
    private transient Counter events;
    private transient ListState<Long> emitted;
    /** The events counted before this attempt, from the restored checkpoint. */
    private transient long restored;

    public EvaluateTriggers(PolicyBook book) {
        this.book = book;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE, new TriggerStateSerializer()));
        events = getRuntimeContext().getMetricGroup().counter("triggerEvents");
        events.inc(restored);
    }

    /**
     * Union state, so a restore at another parallelism keeps the total: every subtask reads every
     * count and subtask 0 takes the sum. Runs before {@link #open}.
     */
    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        emitted = context.getOperatorStateStore().getUnionListState(new ListStateDescriptor<>(COUNT_STATE, LongSerializer.INSTANCE));
        long sum = 0;
        if (context.isRestored()) {
            for (Long n : emitted.get()) {
                sum += n;
            }
        }
        restored = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0 ? sum : 0;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        emitted.update(java.util.List.of(events.getCount()));
    }

    @Override
    public void processElement(PolicyInput in, ReadOnlyContext ctx, Collector<TriggerEvent> out) throws Exception {
        Policy policy = book.current(in.policy(), ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES).get(in.policy()));
        if (policy == null) {
            return;
        }
        TriggerState s = state.value();
        if (s == null) {
            s = new TriggerState();
        }
        for (TriggerEvent e : TriggerEvaluator.onMetric(policy, s, in.point().region(), in.point().sector(), in.point())) {
            events.inc();
            out.collect(e);
        }
        state.update(s);
    }

    @Override
    public void processBroadcastElement(PolicyUpdate update, Context ctx, Collector<TriggerEvent> out) throws Exception {
        PolicyBook.Decision d = PolicyDescriptors.offer(book, update, ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES));
        if (d.applied()) {
            PolicyDescriptors.dropKeysNoLongerCovered(ctx, d.policy(),
                    new ValueStateDescriptor<>(STATE, new TriggerStateSerializer()));
        }
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(PolicyDescriptors.POLICY_ACKS, d.applied() ? PolicyAck.applied(d.id(), d.version())
                    : PolicyAck.refused(d.id(), d.version(), d.refusal()));
        }
    }
}
