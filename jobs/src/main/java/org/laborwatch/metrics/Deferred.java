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

    /**
     * Metric, then slot, to the point of the slot's last flush. Every change of a composite's
     * inputs in a bounded replay passes through {@link MetricEngine#apply(RegionSeries,
     * org.laborwatch.contract.Observation, Deferred)}, which touches the slots it may change, so a
     * slot's point is what its last flush computed until it is touched again: the point before is
     * then read here instead of evaluated (issue #13: compare with the stored point). Slots more than
     * {@link #KEEP_YEARS} before the newest flushed are dropped (an observation that reaches them is
     * evaluated before, as for a slot never flushed).
     */
    private final Map<Metric, Map<Slot, Optional<MetricPoint>>> flushed = new IdentityHashMap<>();

    /**
     * How far back flushed points are kept, behind the newest flushed slot: an observation is
     * refused beyond its revision horizon (5 years by default), and the earliest slot an accepted
     * one touches is a few months before its period (the disruption index looks back 4 months).
     * Kept per region, so a shorter reach keeps a backfill of every county's history small.
     */
    static final int KEEP_YEARS = 6;

    /** The size of each metric's map of flushed points after which the oldest are dropped (it doubles as they grow). */
    private final Map<Metric, Integer> pruneAt = new IdentityHashMap<>();

    /** The point {@code m} had at {@code slot} when last flushed, or null if not known. */
    Optional<MetricPoint> flushedPoint(Metric m, Slot slot) {
        Map<Slot, Optional<MetricPoint>> slots = flushed.get(m);
        return slots == null ? null : slots.get(slot);
    }

    /** Records a slot's point as a flush computed it, and drops the old ones when the slots grow. */
    void flushed(Metric m, Slot slot, Optional<MetricPoint> point) {
        Map<Slot, Optional<MetricPoint>> slots = flushed.computeIfAbsent(m, k -> new HashMap<>());
        slots.put(slot, point);
        int at = pruneAt.getOrDefault(m, FIRST_PRUNE);
        if (slots.size() > at) {
            java.time.LocalDate newest = slots.keySet().stream().map(Slot::period).max(Comparator.naturalOrder())
                    .orElseThrow();
            java.time.LocalDate oldest = newest.minusYears(KEEP_YEARS);
            slots.keySet().removeIf(s -> s.period().isBefore(oldest));
            // Twice what is left: a metric with more slots in its years than the first limit (several
            // sectors) is pruned at a cost proportional to its growth, not at every flush.
            pruneAt.put(m, Math.max(FIRST_PRUNE, 2 * slots.size()));
        }
    }

    /** Two slots a month (the composites write sector {@code all}) over twice the kept years. */
    private static final int FIRST_PRUNE = 2 * 2 * 12 * KEEP_YEARS;

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
