package org.laborwatch.metrics;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.MetricPoint;

/**
 * Applies observations to the series of one region and sector and says which metric points
 * changed.
 *
 * <p>Correctness does not wait for watermarks: each observation is upserted by period and vintage,
 * and every metric period the new value touches is recomputed at once. Only points whose value,
 * availability or vintage changed are emitted, so a row of several indicators (ETA 539's
 * {@code at}, {@code ce}, {@code ar}) yields each metric once, and a replay yields nothing new.
 */
public final class MetricEngine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Metric> metrics;

    /** An engine over the given metrics. */
    public MetricEngine(List<Metric> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    /** The engine with every metric of the catalogue implemented so far. */
    public static MetricEngine standard() {
        return new MetricEngine(MetricCatalogue.all());
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * The outcome of one observation.
     *
     * @param upsert what storing it did
     * @param points the metric points that changed
     */
    public record Result(Upsert upsert, List<MetricPoint> points) {}

    /** Stores {@code o} in {@code data} and returns the metric points it changed. */
    public Result apply(RegionSeries data, Observation o) {
        SeriesId id = new SeriesId(o.indicator(), o.sector(), o.adjustment());
        List<Metric> dependents = new ArrayList<>();
        for (Metric m : metrics) {
            if (m.dependsOn(id)) {
                dependents.add(m);
            }
        }
        Map<String, MetricPoint> before = dependents.isEmpty() ? Map.of() : evaluate(dependents, id, o.period(), data, o);
        int horizon = RevisionHorizon.periods(o.frequency());
        int retention = horizon + window(id);
        Upsert upsert = data.upsert(o, horizon, retention, trimAnchor(data, id, o, dependents, retention));
        if (dependents.isEmpty() || upsert == Upsert.STALE || upsert == Upsert.TOO_OLD || upsert == Upsert.UNCHANGED) {
            return new Result(upsert, List.of());
        }
        Map<String, MetricPoint> after = evaluate(dependents, id, o.period(), data, o);
        List<MetricPoint> changed = new ArrayList<>();
        for (Map.Entry<String, MetricPoint> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.add(e.getValue());
            }
        }
        return new Result(upsert, changed);
    }

    /**
     * Where a series' retention counts back from: the newest period of its slowest partner, so a
     * partner arriving behind still finds the values it needs; a partner not seen yet holds back
     * trimming as far as {@link #PARTNER_WAIT} retentions. Null means the series' own newest period.
     */
    private static LocalDate trimAnchor(RegionSeries data, SeriesId id, Observation o, List<Metric> dependents,
            int retention) {
        LocalDate own = data.latest(id);
        own = own == null || o.period().isAfter(own) ? o.period() : own;
        LocalDate floor = o.frequency().plus(own, -(long) PARTNER_WAIT * retention);
        LocalDate anchor = null;
        for (Metric m : dependents) {
            for (SeriesId partner : m.partners(id)) {
                LocalDate p = data.latest(partner);
                LocalDate a = p == null ? floor : (p.isBefore(floor) ? floor : p);
                anchor = anchor == null || a.isBefore(anchor) ? a : anchor;
            }
        }
        return anchor;
    }

    /** How many retentions of history a series keeps while a partner lags or has not arrived. */
    static final int PARTNER_WAIT = 3;

    /** The longest window any metric reads of a series. */
    public int window(SeriesId id) {
        int r = 0;
        for (Metric m : metrics) {
            if (m.dependsOn(id)) {
                r = Math.max(r, m.window(id));
            }
        }
        return r;
    }

    private static Map<String, MetricPoint> evaluate(List<Metric> dependents, SeriesId id, LocalDate period,
            RegionSeries data, Observation o) {
        Map<String, MetricPoint> points = new LinkedHashMap<>();
        for (Metric m : dependents) {
            // Before the upsert a new latest period has no inputs yet, so its points count as new.
            TreeSet<Slot> slots = new TreeSet<>(m.affected(id, period, data));
            for (Slot slot : slots) {
                Optional<MetricPoint> p = m.compute(data, o.region(), slot.sector(), slot.period());
                // The indicator is part of the key: one metric name may be computed from several indicators
                // (claims_4wk_avg of initial_claims and of continued_claims), by one instance each.
                p.ifPresent(point -> points.put(m.name() + "@" + point.indicator() + "@" + slot.sector() + "@" + slot.period(), point));
            }
        }
        return points;
    }
}
