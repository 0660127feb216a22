package org.laborwatch.metrics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.laborwatch.contract.MetricPoint;

/**
 * The periods of a region's {@linkplain Metric#composite composite} metrics that observations
 * touched since the last {@link MetricEngine#flush}, each with its point before the first of them
 * (what the evaluation after is compared with, as {@link MetricEngine#apply(RegionSeries,
 * org.laborwatch.contract.Observation)} compares before and after one observation).
 *
 * <p>For bounded replays (backtests, {@code compute}). The stated deadline of DESIGN.md, "The
 * flow": the region's observations moving to another month, or the end of the input
 * ({@link MetricEngine#flush}). A composite period is then evaluated once per month of input
 * however many observations touched it: a day of postings, a week of claims, the 24 occupation
 * groups of an ETA 203 row no longer re-score it each. Not the end of the input alone: the series
 * state keeps only its revision horizon and the metrics' windows (a year at least), so the
 * periods an old month touched must be evaluated while their inputs are held. Not for the
 * streaming job, where nothing here would survive a restore.
 */
public final class Deferred {

    /** Metric, then slot, to the point before (empty: none, or a period that had no inputs yet). */
    final Map<Metric, Map<Slot, Optional<MetricPoint>>> before = new IdentityHashMap<>();

    /** The month of the observations that touched the waiting periods (null while none wait). */
    java.time.LocalDate month;

    /** Whether {@code m} at {@code slot} waits for a flush already. */
    boolean pending(Metric m, Slot slot) {
        Map<Slot, Optional<MetricPoint>> slots = before.get(m);
        return slots != null && slots.containsKey(slot);
    }

    /**
     * Records the point before the first observation that touched {@code m} at {@code slot} (keeps
     * an earlier one), and the month of the observations waiting from the first touch on.
     */
    void touch(Metric m, Slot slot, Optional<MetricPoint> point, java.time.LocalDate observed) {
        before.computeIfAbsent(m, k -> new HashMap<>()).putIfAbsent(slot, point);
        if (month == null) {
            month = observed.withDayOfMonth(1);
        }
    }

    /** Whether an observation of {@code period} is past the deadline of the waiting periods (another month). */
    boolean due(java.time.LocalDate period) {
        return month != null && !month.equals(period.withDayOfMonth(1));
    }

    /** Whether nothing waits for a flush. */
    public boolean isEmpty() {
        return before.isEmpty();
    }

    /** The number of metric periods waiting for a flush. */
    public int size() {
        return before.values().stream().mapToInt(Map::size).sum();
    }

    /** The order in which a flush emits: by period, then metric, sector and indicator. */
    static final Comparator<MetricPoint> FLUSH_ORDER = Comparator.comparing(MetricPoint::period)
            .thenComparing(MetricPoint::metric).thenComparing(MetricPoint::sector).thenComparing(MetricPoint::indicator);
}
