package org.laborwatch.job;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.rollup.CoveredEmployment;
import org.laborwatch.rollup.RegionsOnRollup;

/**
 * Keyed by policy: the national roll-up of its trigger events, a thin shell around {@link RegionsOnRollup}.
 *
 * <p>Events are recorded as they come and the changed points emitted at a {@linkplain #DEADLINE
 * deadline} after the first unflushed event (the "stated deadline" of DESIGN.md, "The flow"): a
 * replay's burst of events writes each roll-up point once per deadline, not once per event. No
 * watermark is needed for that; an event-time timer at the same time also flushes when a bounded
 * input ends (its final watermark), because Flink drops pending processing-time timers then.
 */
public final class RollUpPolicies extends KeyedProcessFunction<String, TriggerEvent, MetricPoint> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "regions-on";

    /**
     * How long after the first unflushed event the roll-up emits: the most its points lag the
     * trigger events, and (with the length of a replay) what bounds the writes of one point.
     */
    public static final Duration DEADLINE = Duration.ofSeconds(2);

    private transient ValueState<RegionsOnRollup> rollup;
    private transient Map<String, BigDecimal> weights;

    @Override
    public void open(OpenContext openContext) {
        rollup = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE, new RegionsOnRollupSerializer()));
        weights = CoveredEmployment.byRegion();
    }

    @Override
    public void processElement(TriggerEvent e, Context ctx, Collector<MetricPoint> out) throws Exception {
        if (e.frequency() == null) {
            return;
        }
        RegionsOnRollup r = rollup.value();
        if (r == null) {
            r = new RegionsOnRollup();
        }
        boolean waiting = r.hasUnflushed();
        if (r.record(e, e.frequency()) && !waiting) {
            long deadline = ctx.timerService().currentProcessingTime() + DEADLINE.toMillis();
            ctx.timerService().registerProcessingTimeTimer(deadline);
            // The job emits no watermarks, so this fires only with the final watermark of a bounded
            // input. Its time is the deadline's, not the end of time: a timer's output carries the
            // timer's time as its timestamp, and the Kafka sink writes that timestamp.
            ctx.timerService().registerEventTimeTimer(deadline);
        }
        rollup.update(r);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<MetricPoint> out) throws Exception {
        // Whichever of the deadline's two timers fires first flushes; the other is not needed.
        ctx.timerService().deleteEventTimeTimer(timestamp);
        ctx.timerService().deleteProcessingTimeTimer(timestamp);
        RegionsOnRollup r = rollup.value();
        if (r == null || !r.hasUnflushed()) {
            return;
        }
        r.flush(ctx.getCurrentKey(), weights).forEach(out::collect);
        rollup.update(r);
    }
}
