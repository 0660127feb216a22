package org.laborwatch.job;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.streaming.api.TimeDomain;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;
import org.laborwatch.trigger.SettlingPeriods;
import org.laborwatch.trigger.TriggerKey;
import org.laborwatch.trigger.TriggerState;

/**
 * Keyed by breadth policy, region and sector ({@link TriggerKey}): decides the policies that read
 * other policies' national roll-ups, a thin shell around {@link SettlingPeriods} and the trigger
 * state machine. It runs after the roll-ups, apart from the state machine of the other policies,
 * because the roll-ups are made from that state machine's events (feeding them back would be a
 * cycle, and would decide on the partial count of each period as region after region arrives).
 *
 * <p>A roll-up point is held until its period has gone unchanged for {@link SettlingPeriods#SETTLE}
 * (one processing-time timer per key, at the time the earliest held period settles), and at the end
 * of a bounded input everything held is decided: an event-time timer at the same time fires only
 * with the final watermark (the job emits none before it), as in {@link RollUpPolicies}. Policy
 * updates arrive as in {@link EvaluateTriggers}, which also acknowledges them (once for the job).
 */
public final class DecideBreadth extends KeyedBroadcastProcessFunction<String, PolicyInput, PolicyUpdate, TriggerEvent> {

    private static final long serialVersionUID = 1L;

    /** The states' names; part of the savepoint format. */
    public static final String STATE = "breadth-trigger-state";
    public static final String SETTLING = "breadth-settling";
    public static final String TIMER = "breadth-next-decision";

    private final PolicyBook book;
    private transient ValueState<TriggerState> trigger;
    private transient ValueState<SettlingPeriods> settling;
    /** The time of the one decision timer pending for the key, or null. */
    private transient ValueState<Long> timer;

    public DecideBreadth(PolicyBook book) {
        this.book = book;
    }

    static ValueStateDescriptor<TriggerState> triggerDescriptor() {
        return new ValueStateDescriptor<>(STATE, new TriggerStateSerializer());
    }

    static ValueStateDescriptor<SettlingPeriods> settlingDescriptor() {
        return new ValueStateDescriptor<>(SETTLING, new SettlingPeriodsSerializer());
    }

    static ValueStateDescriptor<Long> timerDescriptor() {
        return new ValueStateDescriptor<>(TIMER, LongSerializer.INSTANCE);
    }

    @Override
    public void open(OpenContext openContext) {
        trigger = getRuntimeContext().getState(triggerDescriptor());
        settling = getRuntimeContext().getState(settlingDescriptor());
        timer = getRuntimeContext().getState(timerDescriptor());
    }

    @Override
    public void processElement(PolicyInput in, ReadOnlyContext ctx, Collector<TriggerEvent> out) throws Exception {
        if (book.current(in.policy(), ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES).get(in.policy())) == null) {
            return;
        }
        SettlingPeriods s = settling.value();
        if (s == null) {
            s = new SettlingPeriods();
        }
        s.offer(in.point(), ctx.timerService().currentProcessingTime());
        settling.update(s);
        // A pending timer is never later than the earliest period's settle time: offers only move
        // settle times later, so it fires, decides what has settled and sets the next.
        if (timer.value() == null) {
            schedule(ctx.timerService(), s.nextDecision());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TriggerEvent> out) throws Exception {
        // Whichever of the two timers fires first decides; the other is not needed.
        ctx.timerService().deleteEventTimeTimer(timestamp);
        ctx.timerService().deleteProcessingTimeTimer(timestamp);
        timer.clear();
        SettlingPeriods s = settling.value();
        if (s == null) {
            return;
        }
        String id = TriggerKey.policyOf(ctx.getCurrentKey());
        Policy policy = book.current(id, ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES).get(id));
        if (policy == null) {
            settling.clear();
            return;
        }
        TriggerState state = trigger.value();
        if (state == null) {
            state = new TriggerState();
        }
        boolean inputEnded = ctx.timeDomain() == TimeDomain.EVENT_TIME
                && ctx.timerService().currentWatermark() == Long.MAX_VALUE;
        List<TriggerEvent> events = inputEnded ? s.decideAll(policy, state)
                : s.decideSettled(policy, state, ctx.timerService().currentProcessingTime());
        events.forEach(out::collect);
        trigger.update(state);
        if (s.isEmpty()) {
            settling.clear();
        } else {
            settling.update(s);
            schedule(ctx.timerService(), s.nextDecision());
        }
    }

    /**
     * One decision timer in each time domain at {@code at}: processing time for a running job, and
     * event time, which only the final watermark of a bounded input reaches. Its time is the
     * deadline's, not the end of time: a timer's output carries the timer's time as its timestamp,
     * and the Kafka sink writes that timestamp.
     */
    private void schedule(TimerService timers, long at) throws Exception {
        timers.registerProcessingTimeTimer(at);
        timers.registerEventTimeTimer(at);
        timer.update(at);
    }

    @Override
    public void processBroadcastElement(PolicyUpdate update, Context ctx, Collector<TriggerEvent> out) throws Exception {
        PolicyBook.Decision d = PolicyDescriptors.offer(book, update, ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES));
        if (d.applied()) {
            PolicyDescriptors.dropKeysNoLongerCovered(ctx, d.policy(), triggerDescriptor());
            PolicyDescriptors.dropKeysNoLongerCovered(ctx, d.policy(), settlingDescriptor());
            PolicyDescriptors.dropKeysNoLongerCovered(ctx, d.policy(), timerDescriptor());
        }
    }
}
