package org.laborwatch.job;

import java.io.IOException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
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
 * Keyed by region: upserts each observation into the series state and emits the metric points it
 * changed. A thin shell around {@link MetricEngine}, run by its {@link Operator}; no timers, no
 * watermarks. What the state refuses or finds in conflict goes to {@link #REPORTED} with the
 * engine's reason.
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
     * The region of the observations in hand and its key, kept only where the state backend hands
     * out copies (RocksDB: every read is a look-up and a decoding of the whole region, 9-14 us for a
     * county of 20 sectors, and every write an encoding and a put). Releases arrive region by region,
     * so the next observation is mostly of the same region: it is read once per run of its
     * observations and written once when the run ends or a checkpoint comes ({@link Operator}). Safe
     * because this operator is the only reader and writer of its keys' state. Not kept on the heap
     * backend, which hands out the stored object itself: there a read costs a hash look-up, and its
     * copy-on-write snapshots need every access to go through the state.
     */
    private transient String lastKey;
    private transient RegionSeries last;
    /** Whether {@link #last} holds changes the state does not have yet. */
    private transient boolean lastUnwritten;
    /** Whether the backend hands out copies; null until a region with state was read. */
    private transient Boolean readsAreCopies;
    /** Switches the key to write a kept region; set by {@link Operator}. */
    private transient KeyContext keys;
    private transient long stateReads;
    private transient long stateWrites;
    private transient Counter stale;
    private transient Counter tooOld;
    private transient Counter revised;
    private transient Counter conflicts;

    ComputeMetrics(MetricEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs {@link ComputeMetrics}: Flink's keyed process operator, which also writes the region the
     * function keeps to the state before every checkpoint barrier and at the end of input, so that a
     * checkpoint holds every observation before its barrier.
     */
    public static final class Operator extends KeyedProcessOperator<String, Observation, MetricPoint> {

        private static final long serialVersionUID = 1L;

        public Operator(MetricEngine engine) {
            super(new ComputeMetrics(engine));
        }

        private ComputeMetrics function() {
            return (ComputeMetrics) userFunction;
        }

        @Override
        public void open() throws Exception {
            function().keys = this;
            super.open();
        }

        @Override
        public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
            function().writeKept();
            super.prepareSnapshotPreBarrier(checkpointId);
        }

        @Override
        public void finish() throws Exception {
            function().writeKept();
            super.finish();
        }
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
        RegionSeries data;
        if (key.equals(lastKey)) {
            data = last;
        } else {
            writeKept();
            data = read();
        }
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
        // A refused or stale observation changed nothing.
        boolean changed = result.upsert() != Upsert.STALE && result.upsert() != Upsert.TOO_OLD;
        if (Boolean.TRUE.equals(readsAreCopies) && keys != null) {
            lastKey = key;
            last = data;
            lastUnwritten |= changed;
        } else if (changed) {
            write(data);
        }
        if (result.upsert().reported()) {
            RejectReason reason = result.upsert() == Upsert.TOO_OLD
                    ? RejectReason.BEYOND_REVISION_HORIZON : RejectReason.CONFLICTING_DUPLICATE;
            ctx.output(REPORTED, new DeadLetter(reason, result.report(), ORIGIN, Json.writeBytes(o)));
        }
        result.points().forEach(out::collect);
    }

    private RegionSeries read() throws IOException {
        stateReads++;
        RegionSeries data = series.value();
        if (readsAreCopies == null && data != null) {
            stateReads++;
            readsAreCopies = series.value() != data;
        }
        return data;
    }

    private void write(RegionSeries data) throws IOException {
        stateWrites++;
        series.update(data);
    }

    /** Writes the kept region to the state if it has changes the state does not have. */
    private void writeKept() throws IOException {
        if (!lastUnwritten) {
            return;
        }
        Object current = keys.getCurrentKey();
        keys.setCurrentKey(lastKey);
        write(last);
        if (current != null) {
            keys.setCurrentKey(current);
        }
        lastUnwritten = false;
    }

    /** How often the region state was read from the backend (tests: once per run of a region on RocksDB). */
    long stateReads() {
        return stateReads;
    }

    /** How often a region was written to the backend (tests: once per run with a change on RocksDB). */
    long stateWrites() {
        return stateWrites;
    }
}
