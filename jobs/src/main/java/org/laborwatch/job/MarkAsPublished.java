package org.laborwatch.job;

import java.time.LocalDate;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.metrics.FirstPublication;

/**
 * Keyed by region, downstream of the metric state: passes on the metric points that carry their
 * period's "as published" reading ({@link FirstPublication}), for the time-series store to write
 * next to the latest value. A thin shell: the rule is {@link FirstPublication}'s; this keeps the
 * release of each point (as its epoch day) in a map state.
 */
public final class MarkAsPublished extends KeyedProcessFunction<String, MetricPoint, MetricPoint> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "first-release";

    private transient MapState<String, Long> releases;

    /** The key: the region, as the metric state is keyed, so each region's points arrive in the order computed. */
    public static String keyOf(MetricPoint p) {
        return p.region();
    }

    @Override
    public void open(OpenContext openContext) {
        releases = getRuntimeContext().getMapState(new MapStateDescriptor<>(STATE, Types.STRING, Types.LONG));
    }

    @Override
    public void processElement(MetricPoint p, Context ctx, Collector<MetricPoint> out) throws Exception {
        String key = FirstPublication.key(p);
        Long day = releases.get(key);
        LocalDate recorded = day == null ? null : LocalDate.ofEpochDay(day);
        LocalDate release = FirstPublication.release(recorded, p);
        if (recorded == null && release != null) {
            releases.put(key, release.toEpochDay());
        }
        if (FirstPublication.isAsPublished(release, p)) {
            out.collect(p);
        }
    }
}
