package org.laborwatch.job;

import java.math.BigDecimal;
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

/** Keyed by policy: the national roll-up of its trigger events, a thin shell around {@link RegionsOnRollup}. */
public final class RollUpPolicies extends KeyedProcessFunction<String, TriggerEvent, MetricPoint> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "regions-on";

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
        r.onEvent(e, e.frequency(), weights).forEach(out::collect);
        rollup.update(r);
    }
}
