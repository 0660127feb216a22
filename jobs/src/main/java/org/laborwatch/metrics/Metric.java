package org.laborwatch.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * One metric of the catalogue (DESIGN.md, "Metrics"), computed from the series of one region and
 * sector.
 *
 * <p>Implementations are pure functions of {@link RegionSeries}: the engine recomputes every period
 * an input change touches, and emits what changed. A metric returns an unavailable point when an
 * input inside the known history is missing, and nothing while a period may still be completing
 * (its newest inputs not all arrived) or before the series has enough history.
 */
public interface Metric extends java.io.Serializable {

    /** The metric name, such as {@code sahm_gap}. */
    String name();

    /** Whether a change to this series can change the metric. */
    boolean dependsOn(SeriesId series);

    /** Periods of {@code series} before the period it computes that this metric reads. */
    int window(SeriesId series);

    /**
     * The other series this metric reads together with {@code series} at the same periods (the IUR
     * divides {@code at} by {@code ce}). History of {@code series} is kept until its partners have
     * caught up, so a partner that arrives late, even years late, still finds it.
     */
    default java.util.Set<SeriesId> partners(SeriesId series) {
        return java.util.Set.of();
    }

    /**
     * Whether this metric combines many series or other metrics of a region (the disruption
     * index, the occupation shares), so that a bounded replay evaluates it once per period at the
     * end rather than once per input ({@link MetricEngine#apply(RegionSeries, Observation, Deferred)}).
     */
    default boolean composite() {
        return false;
    }

    /**
     * Whether a point needs every kind of series the metric reads ({@link #dependsOn}), or any one
     * of them will do (the disruption index: each component is optional). For messages that say
     * why a metric came out empty.
     */
    default boolean needsEverySeries() {
        return true;
    }

    /**
     * Whether no point of this metric can be computed from {@code series} while it spans only
     * {@code first} (its first period ever seen) to {@code newest}: too little history for the
     * metric's look-back. The engine then evaluates nothing of this metric for a change of that
     * series, neither before nor after it. That is exact because the engine emits only points that
     * exist after a change: the points this metric reads from other series are not changed by it,
     * and those it reads from {@code series} do not exist. Most metrics cannot say (false).
     */
    default boolean silentWhile(SeriesId series, LocalDate first, LocalDate newest) {
        return false;
    }

    /** The sectors and periods whose value may change when {@code series} changes at {@code period}. */
    Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data);

    /** The metric at a sector and period: a value, an unavailable marker, or empty when there is nothing to say. */
    Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate period);
}
