package org.laborwatch.metrics;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
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
 * A metric {@linkplain Metric#silentWhile silent} over the changed series' span (too little
 * history for its look-back) is not evaluated at all.
 */
public final class MetricEngine implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<Metric> metrics;
    /**
     * The metrics whose windows and partners decide what a series keeps: {@link #metrics}, or for an
     * engine made by {@link #only}, the metrics of the engine it was made from.
     */
    private final List<Metric> retainedFor;
    private final RevisionHorizon horizon;

    /** An engine over the given metrics, with the documented revision horizons. */
    public MetricEngine(List<Metric> metrics) {
        this(metrics, RevisionHorizon.documented());
    }

    /** An engine over the given metrics and revision horizons. */
    public MetricEngine(List<Metric> metrics, RevisionHorizon horizon) {
        this(metrics, metrics, horizon);
    }

    private MetricEngine(List<Metric> metrics, List<Metric> retainedFor, RevisionHorizon horizon) {
        this.metrics = List.copyOf(metrics);
        this.retainedFor = List.copyOf(retainedFor);
        this.horizon = java.util.Objects.requireNonNull(horizon, "horizon");
    }

    /** The engine with every metric of the catalogue, and the documented revision horizons. */
    public static MetricEngine standard() {
        return standard(RevisionHorizon.documented());
    }

    /** The engine with every metric of the catalogue, and the given revision horizons. */
    public static MetricEngine standard(RevisionHorizon horizon) {
        return new MetricEngine(MetricCatalogue.all(), horizon);
    }

    /**
     * This engine evaluating only its metrics of the given names, with the same revision horizons,
     * and its series keeping what they keep here (the longest window of all this engine's metrics):
     * the series then hold the same values after every observation, and a metric's points are a
     * function of the series alone, so the metrics kept emit exactly what they emit here. (Keeping
     * only what the kept metrics read would make what a series holds, and so the answer, depend on
     * the metrics chosen; it first showed as the national rate, written by OECD and FRED, trimmed
     * past what a later FRED revision read, which each series' widest horizon now prevents in any
     * engine.) This engine itself if it keeps all.
     */
    public MetricEngine only(Collection<String> names) {
        List<Metric> kept = metrics.stream().filter(m -> names.contains(m.name())).toList();
        return kept.size() == metrics.size() ? this : new MetricEngine(kept, retainedFor, horizon);
    }

    public RevisionHorizon horizon() {
        return horizon;
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /**
     * The outcome of one observation.
     *
     * @param upsert what storing it did
     * @param points the metric points that changed
     * @param report why it was refused or what it conflicted with, for the dead-letter output;
     *     null unless {@link Upsert#reported()}
     */
    public record Result(Upsert upsert, List<MetricPoint> points, String report) {

        public Result(Upsert upsert, List<MetricPoint> points) {
            this(upsert, points, null);
        }
    }

    /** Stores {@code o} in {@code data} and returns the metric points it changed. */
    public Result apply(RegionSeries data, Observation o) {
        return apply(data, o, null);
    }

    /**
     * Stores {@code o} in {@code data} and returns the points it changed of the metrics that are not
     * {@linkplain Metric#composite composite}; the composite metrics' periods it touches wait in
     * {@code deferred} (one per region) for {@link #flush}. With {@code deferred} null, as
     * {@link #apply(RegionSeries, Observation)}: every metric at once.
     */
    public Result apply(RegionSeries data, Observation o, Deferred deferred) {
        // The deadline of the waiting composite periods: the region's observations moved to another month.
        List<MetricPoint> flushed = deferred != null && deferred.due(o.period()) ? flush(data, o.region(), deferred)
                : List.of();
        Result r = applyNow(data, o, deferred);
        if (flushed.isEmpty()) {
            return r;
        }
        List<MetricPoint> points = new ArrayList<>(flushed);
        points.addAll(r.points());
        return new Result(r.upsert(), points, r.report());
    }

    private Result applyNow(RegionSeries data, Observation o, Deferred deferred) {
        SeriesId id = new SeriesId(o.indicator(), o.sector(), o.adjustment());
        Readers readers = readers(id);
        List<Metric> all = readers.all;
        List<Metric> composites = deferred != null ? readers.composites : List.of();
        List<Metric> dependents = audible(deferred != null ? readers.others : all, id, o.period(), data);
        SeriesValue held = data.get(id, o.period());
        int periods = horizon.periods(o.source(), o.adjustment(), o.frequency());
        // An observation the upsert will refuse changes nothing: evaluating its periods first would cost,
        // for a whole old file replayed after newer data, a walk over the trimmed history per observation.
        boolean refused = data.tooOld(o, periods);
        Map<PointKey, MetricPoint> before = dependents.isEmpty() || refused ? Map.of()
                : evaluate(dependents, id, o.period(), data, o, reusable(data), null);
        if (!refused) {
            for (Metric m : composites) {
                for (Slot slot : m.affected(id, o.period(), data)) {
                    if (!deferred.pending(m, slot)) {
                        Optional<MetricPoint> known = deferred.flushedPoint(m, slot);
                        deferred.touch(m, slot, known != null ? known
                                : m.compute(data, o.region(), slot.sector(), slot.period()), o.period());
                    }
                }
            }
        }
        // A series several sources write keeps what the widest of their horizons may revise: a write of
        // OECD's national rate (two years) trimming by its own would leave a later FRED revision
        // (five) accepted but without its look-back.
        int retention = Math.max(periods, data.widestHorizon(id)) + readers.window;
        Upsert upsert = data.upsert(o, periods, retention, trimAnchor(data, id, o, readers.retaining, retention));
        String report = switch (upsert) {
            case TOO_OLD -> String.format("period %s of %s is older than its revision horizon: %d %s periods (%d years "
                    + "for %s %s) before %s, the series' newest settled period; replay older history into a new job "
                    + "or a backtest, or widen the horizon", o.period(), id, periods, o.frequency().jsonName(),
                    horizon.years(o.source(), o.adjustment()), o.source(), o.adjustment(),
                    data.settledLatest(id)); // a refused observation changed nothing: the same as before it
            case CONFLICT_KEPT, CONFLICT_REPLACED -> String.format("conflicting values for %s %s in %s, both of vintage "
                    + "%s: %s and %s; the larger, %s, is held whatever the arrival order", id, o.period(), o.region(),
                    o.vintage(), held.value().toPlainString(), o.value().toPlainString(),
                    held.value().max(o.value()).toPlainString());
            default -> null;
        };
        if (upsert.changedData()) {
            // Before the upsert a new latest period has no inputs yet, so its points count as new.
            for (Metric m : composites) {
                for (Slot slot : m.affected(id, o.period(), data)) {
                    deferred.touch(m, slot, Optional.empty(), o.period());
                }
            }
        }
        if (dependents.isEmpty() || !upsert.changedData()) {
            return new Result(upsert, List.of(), report);
        }
        Evaluated evaluated = new Evaluated(data.modifications());
        Map<PointKey, MetricPoint> after = evaluate(dependents, id, o.period(), data, o, null, evaluated);
        data.derive(this, evaluated);
        List<MetricPoint> changed = new ArrayList<>();
        for (Map.Entry<PointKey, MetricPoint> e : after.entrySet()) {
            if (!e.getValue().equals(before.get(e.getKey()))) {
                changed.add(e.getValue());
            }
        }
        return new Result(upsert, changed, report);
    }

    /**
     * Evaluates the composite periods waiting in {@code deferred}, once each, and returns the
     * points that differ from before the first observation that touched them, by period; leaves
     * {@code deferred} empty. {@link #apply(RegionSeries, Observation, Deferred)} calls it when the
     * region's observations move to another month; call it at the end of the input.
     */
    public List<MetricPoint> flush(RegionSeries data, String region, Deferred deferred) {
        List<MetricPoint> changed = new ArrayList<>();
        for (Map.Entry<Metric, Map<Slot, Optional<MetricPoint>>> m : deferred.before.entrySet()) {
            for (Map.Entry<Slot, Optional<MetricPoint>> slot : m.getValue().entrySet()) {
                Optional<MetricPoint> after = m.getKey().compute(data, region, slot.getKey().sector(), slot.getKey().period());
                deferred.flushed(m.getKey(), slot.getKey(), after);
                if (after.isPresent() && !after.equals(slot.getValue())) {
                    changed.add(after.get());
                }
            }
        }
        deferred.before.clear();
        deferred.month = null;
        changed.sort(Deferred.FLUSH_ORDER);
        return changed;
    }

    /**
     * Where a series' retention counts back from: the newest period of its slowest partner, so a
     * partner arriving behind still finds the values it needs; a partner not seen yet holds back
     * trimming as far as {@link #PARTNER_WAIT} retentions. Null means the series' own newest period.
     */
    private static LocalDate trimAnchor(RegionSeries data, SeriesId id, Observation o, List<Metric> dependents,
            int retention) {
        if (dependents.isEmpty()) {
            return null; // no partner to wait for
        }
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

    /**
     * The longest window any metric reads of a series (for an engine made by {@link #only}: any
     * metric of the engine it was made from), which the series keeps beyond its revision horizon.
     */
    public int window(SeriesId id) {
        return readers(id).window;
    }

    /**
     * The metrics that read a series: all of them, split into the composite ones and the others;
     * and those of {@link #retainedFor} with the longest window they read of it, which decide what
     * the series keeps. Found once per series: asking each metric at every observation was a
     * twentieth of the streaming job's metric operator.
     */
    private record Readers(List<Metric> all, List<Metric> composites, List<Metric> others, List<Metric> retaining,
            int window) {}

    /**
     * By series (indicator, sector and adjustment, not region: a few hundred keys however many
     * regions a job holds); not state (derived from the metrics), so a restored engine finds them again.
     */
    private transient Map<SeriesId, Readers> readers;

    private Readers readers(SeriesId id) {
        Map<SeriesId, Readers> byId = readers;
        if (byId == null) {
            // An engine serves one Flink subtask or one command, but nothing forbids sharing one.
            byId = new java.util.concurrent.ConcurrentHashMap<>();
            readers = byId;
        }
        Readers r = byId.get(id);
        if (r == null) {
            List<Metric> all = new ArrayList<>();
            List<Metric> composites = new ArrayList<>();
            List<Metric> others = new ArrayList<>();
            for (Metric m : metrics) {
                if (m.dependsOn(id)) {
                    all.add(m);
                    (m.composite() ? composites : others).add(m);
                }
            }
            List<Metric> retaining = new ArrayList<>();
            int window = 0;
            for (Metric m : retainedFor) {
                if (m.dependsOn(id)) {
                    retaining.add(m);
                    window = Math.max(window, m.window(id));
                }
            }
            r = new Readers(List.copyOf(all), List.copyOf(composites), List.copyOf(others), List.copyOf(retaining),
                    window);
            byId.put(id, r);
        }
        return r;
    }

    /**
     * The metrics that may have a point from series {@code id} once a value at {@code period} is
     * stored: the others are {@linkplain Metric#silentWhile silent} over its span, so neither
     * evaluation before nor after the change can emit anything of them (a county's first months
     * under a year-ago look-back: its slots were listed and evaluated at every observation).
     */
    private static List<Metric> audible(List<Metric> candidates, SeriesId id, LocalDate period, RegionSeries data) {
        if (candidates.isEmpty()) {
            return candidates; // a series no metric reads, such as county rates not seasonally adjusted
        }
        LocalDate first = data.firstSeen(id);
        LocalDate newest = data.latest(id);
        first = first == null || period.isBefore(first) ? period : first;
        newest = newest == null || period.isAfter(newest) ? period : newest;
        List<Metric> r = null;
        for (int i = 0; i < candidates.size(); i++) {
            Metric m = candidates.get(i);
            if (m.silentWhile(id, first, newest)) {
                if (r == null) {
                    r = new ArrayList<>(candidates.subList(0, i));
                }
            } else if (r != null) {
                r.add(m);
            }
        }
        return r == null ? candidates : r;
    }

    /**
     * The points of the last evaluation after an upsert, by metric and slot (empty where a metric
     * said nothing), at the modification count they were computed at. Metrics are pure functions of
     * the data, so while the data have not changed since, they are the points "before" the next
     * observation: a run of observations of one region (a day of postings after another, the
     * indicators of one ETA 539 row) then evaluates the periods they share once, not twice. Kept
     * with the region's data (not state: a restored object evaluates afresh).
     */
    private static final class Evaluated {
        final long at;
        final Map<Metric, Map<Slot, Optional<MetricPoint>>> points = new java.util.IdentityHashMap<>();

        Evaluated(long at) {
            this.at = at;
        }
    }

    /** The last evaluation's points if the data have not changed since, or null. */
    private Evaluated reusable(RegionSeries data) {
        return data.derived(this) instanceof Evaluated e && e.at == data.modifications() ? e : null;
    }

    /**
     * A point's identity among the points of one region: the indicator is part of it, as one
     * metric name may be computed from several indicators (claims_4wk_avg of initial_claims and of
     * continued_claims), by one instance each. A record, not a joined string: building and hashing
     * that string per point was a tenth of the engine's time.
     */
    private record PointKey(String metric, String indicator, String sector, LocalDate period) {}

    /**
     * The slots in slot order, each once: most metrics list them so already (a sorted copy per
     * metric and observation was a tenth of the streaming job's metric operator), the others are sorted.
     */
    private static Collection<Slot> inOrder(Collection<Slot> slots) {
        Slot previous = null;
        for (Slot s : slots) {
            if (previous != null && previous.compareTo(s) >= 0) {
                return new TreeSet<>(slots);
            }
            previous = s;
        }
        return slots;
    }

    private static Map<PointKey, MetricPoint> evaluate(List<Metric> dependents, SeriesId id, LocalDate period,
            RegionSeries data, Observation o, Evaluated reuse, Evaluated record) {
        Map<PointKey, MetricPoint> points = new LinkedHashMap<>();
        for (Metric m : dependents) {
            // Before the upsert a new latest period has no inputs yet, so its points count as new.
            Collection<Slot> slots = inOrder(m.affected(id, period, data));
            Map<Slot, Optional<MetricPoint>> known = reuse == null ? null : reuse.points.get(m);
            Map<Slot, Optional<MetricPoint>> computed = record == null ? null
                    : record.points.computeIfAbsent(m, k -> new java.util.HashMap<>());
            for (Slot slot : slots) {
                Optional<MetricPoint> p = known == null ? null : known.get(slot);
                if (p == null) {
                    p = m.compute(data, o.region(), slot.sector(), slot.period());
                }
                if (computed != null) {
                    computed.put(slot, p);
                }
                p.ifPresent(point -> points.put(new PointKey(m.name(), point.indicator(), slot.sector(), slot.period()), point));
            }
        }
        return points;
    }
}
