package org.laborwatch.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RejectReason;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.Upsert;

/**
 * Keyed by region: upserts each observation into the series state and emits the metric
 * points it changed. A thin shell around {@link MetricEngine}; no timers, no watermarks. What the
 * state refuses or finds in conflict goes to {@link #REPORTED} with the engine's reason.
 */
public final class ComputeMetrics extends KeyedProcessFunction<String, Observation, MetricPoint> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "region-series";

    /**
     * Observations the series state refused (beyond the revision horizon) or found in conflict
     * with a held value, for the dead-letter output.
     */
    public static final OutputTag<DeadLetter> REPORTED = new OutputTag<>("series-state-reports", WireTypes.DEAD_LETTER);

    /** The origin of the dead letters this operator writes (the source offset is not kept this far). */
    public static final String ORIGIN = "series-state";

    private final MetricEngine engine;
    private transient ValueState<RegionSeries> series;
    private transient Counter stale;
    private transient Counter tooOld;
    private transient Counter revised;
    private transient Counter conflicts;

    public ComputeMetrics(MetricEngine engine) {
        this.engine = engine;
    }

    /** The key: metrics combine the series of one region (indicators and sectors alike). */
    public static String keyOf(Observation o) {
        return o.region();
    }

    @Override
    public void open(OpenContext openContext) {
        series = getRuntimeContext().getState(new ValueStateDescriptor<>(STATE, new RegionSeriesSerializer()));
        stale = getRuntimeContext().getMetricGroup().counter("observationsStale");
        tooOld = getRuntimeContext().getMetricGroup().counter("observationsTooOldToRevise");
        revised = getRuntimeContext().getMetricGroup().counter("observationsRevised");
        conflicts = getRuntimeContext().getMetricGroup().counter("observationsConflicting");
    }

    @Override
    public void processElement(Observation o, Context ctx, Collector<MetricPoint> out) throws Exception {
        RegionSeries data = series.value();
        if (data == null) {
            data = new RegionSeries();
        }
        MetricEngine.Result result = engine.apply(data, o);
        switch (result.upsert()) {
            case STALE -> stale.inc();
            case TOO_OLD -> tooOld.inc();
            case REVISED -> revised.inc();
            case CONFLICT_KEPT, CONFLICT_REPLACED -> conflicts.inc();
            default -> { }
        }
        if (result.upsert() != Upsert.STALE && result.upsert() != Upsert.TOO_OLD) {
            series.update(data);
        }
        if (result.upsert().reported()) {
            RejectReason reason = result.upsert() == Upsert.TOO_OLD
                    ? RejectReason.BEYOND_REVISION_HORIZON : RejectReason.CONFLICTING_DUPLICATE;
            ctx.output(REPORTED, new DeadLetter(reason, result.report(), ORIGIN, Json.writeBytes(o)));
        }
        result.points().forEach(out::collect);
    }
}
