package org.laborwatch.metrics;

import java.time.LocalDate;
import org.laborwatch.contract.MetricPoint;

/**
 * Which metric points the job writes as the "as published" reading of their period, as the points
 * stream out of the metric state (issue #12 item 3), with the same meaning as {@link AsPublished}
 * but decided point by point, without waiting for a release to close.
 *
 * <p>A streaming job cannot tell when a release is complete: the next release may come a month
 * later. What it knows is each point's vintage, the release of its newest input. So the release
 * that first made a period computable is the vintage of the period's first available point, and
 * every available point of that vintage is written as the as-published reading, each overwriting
 * the one before in the store (same series, same timestamp). What stays is the last point carrying
 * that release's vintage, the value after the whole release: {@link AsPublished}'s "as published".
 * While the release is being applied, for as long as its remaining observations take to go
 * through, the store can hold a value computed from part of it; points of later releases (their
 * revisions) never touch it. The one difference from {@link AsPublished}: a period that became
 * available and then unavailable again within its first release keeps the available value here.
 *
 * <p>State: the release per (metric, indicator, region, sector, period), one date per point ever
 * computed, kept by the operator ({@code MarkAsPublished}). Plain Java, no Flink.
 */
public final class FirstPublication {

    private FirstPublication() {}

    /**
     * The release whose values are the point's key's as-published reading, given the one recorded
     * for the key so far ({@code null}: none yet): once recorded it never changes; otherwise the
     * vintage of {@code point} when it has a value; otherwise none yet ({@code null}).
     */
    public static LocalDate release(LocalDate recorded, MetricPoint point) {
        if (recorded != null) {
            return recorded;
        }
        return point.isAvailable() ? point.vintage() : null;
    }

    /** Whether {@code point} is written as its key's as-published reading, under {@code release} ({@link #release}). */
    public static boolean isAsPublished(LocalDate release, MetricPoint point) {
        return release != null && point.isAvailable() && release.equals(point.vintage());
    }

    /** The state key of a point: everything that tells points apart but its region (the operator is keyed by it). */
    public static String key(MetricPoint point) {
        return point.metric() + '|' + point.indicator() + '|' + point.sector() + '|' + point.period();
    }
}
