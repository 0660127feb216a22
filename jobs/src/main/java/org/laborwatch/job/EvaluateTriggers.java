package org.laborwatch.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
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
 */
public final class EvaluateTriggers extends KeyedBroadcastProcessFunction<String, PolicyInput, PolicyUpdate, TriggerEvent> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "trigger-state";

    private final PolicyBook book;
    private transient ValueState<TriggerState> state;
    private transient Counter events;

    public EvaluateTriggers(PolicyBook book) {
        this.book = book;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE, new TriggerStateSerializer()));
        events = getRuntimeContext().getMetricGroup().counter("triggerEvents");
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
        PolicyBook.Decision d = book.offer(update, id -> held(ctx, id));
        if (d.applied()) {
            ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES).put(d.id(), update.text());
            // Keys the new version still covers keep their state; the others are dropped.
            Policy updated = d.policy();
            ctx.applyToKeyedState(new ValueStateDescriptor<>(STATE, new TriggerStateSerializer()), (key, keyed) -> {
                String[] parts = key.split("\\|", 3);
                if (parts[0].equals(updated.id()) && !updated.scope().covers(parts[1], parts[2])) {
                    keyed.clear();
                }
            });
        }
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(PolicyDescriptors.POLICY_ACKS, d.applied() ? PolicyAck.applied(d.id(), d.version())
                    : PolicyAck.refused(d.id(), d.version(), d.refusal()));
        }
    }

    private static String held(Context ctx, String id) {
        try {
            return ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES).get(id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
