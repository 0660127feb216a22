package org.laborwatch.job;

import java.io.IOException;
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
    /**
     * The region read last and its key, kept only where the state backend hands out copies
     * (RocksDB: every read is a look-up and a decoding of the whole region, 9-14 us for a county of
     * 20 sectors). Releases arrive region by region, so the next observation is mostly of the same
     * region. Safe there because this operator is the only writer of its key's state and writes
     * every change through at once, so the copy equals what the backend holds. Not kept on the heap
     * backend, which hands out the stored object itself: a read there costs a hash look-up, and its
     * copy-on-write snapshots need every access to go through the state.
     */
    private transient String lastKey;
    private transient RegionSeries last;
    /** Whether the backend hands out copies; null until a region's state was read. */
    private transient Boolean readsAreCopies;
    private transient long stateReads;
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
        String key = ctx.getCurrentKey();
        RegionSeries data = read(key);
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
        if (Boolean.TRUE.equals(readsAreCopies)) {
            lastKey = key;
            last = data; // equal to the state: written above if changed, and unchanged otherwise
        }
        result.points().forEach(out::collect);
    }

    private RegionSeries read(String key) throws IOException {
        if (key.equals(lastKey)) {
            return last;
        }
        stateReads++;
        RegionSeries data = series.value();
        if (readsAreCopies == null && data != null) {
            stateReads++;
            readsAreCopies = series.value() != data;
        }
        return data;
    }

    /** How often the region state was read from the backend (tests: once per run of a region on RocksDB). */
    long stateReads() {
        return stateReads;
    }
}
