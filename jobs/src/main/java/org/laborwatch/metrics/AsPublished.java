package org.laborwatch.metrics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.laborwatch.contract.MetricPoint;

/**
 * Each metric point "as published" and latest, from the points an engine emits while vintages are
 * replayed in publication order (issue #12 item 3).
 *
 * <p>"As published" is what a monitor would have said on the day: the value of a period after the
 * whole release that first made it computable has been applied. A release revises older periods
 * and adds new ones, and the engine emits points after every observation, so a value computed
 * halfway through a release is neither the old nor the new figure; only the last point carrying
 * that release's vintage counts. A release is closed when the first point of a newer vintage
 * arrives, or by {@link #finish}. A period whose first point was unavailable (an input missing)
 * becomes "as published" with the first release that computes a value for it; an unavailable
 * point without a vintage (none of its inputs held), or older than the open release (recomputed by
 * it, still unavailable), only counts as the latest.
 *
 * <p>Points are told apart by metric, indicator, region, sector and period, as the engine keys
 * them. Their vintage (the newest input's) is the release they belong to, which is why points must
 * come in publication order; an older vintage after a newer one is refused, since it would mean
 * the replay was not in publication order and "first" would be meaningless. Plain Java, no Flink.
 */
public final class AsPublished {

    /**
     * Which point: everything but the value and vintage.
     *
     * @param metric metric name
     * @param indicator the point's indicator (for tur_3mo, the method)
     * @param region region code
     * @param sector sector code
     * @param period the period
     */
    public record Key(String metric, String indicator, String region, String sector, LocalDate period) {

        /** The key of a point. */
        public static Key of(MetricPoint p) {
            return new Key(p.metric(), p.indicator(), p.region(), p.sector(), p.period());
        }
    }

    /**
     * Told when a release closes, with the points that release published first: what a monitor
     * learnt that day (a real-time backtest decides on them).
     */
    @FunctionalInterface
    public interface ReleaseListener {

        /**
         * One release has been applied in full.
         *
         * @param vintage the release's publication date
         * @param firstPublished its points that had no as-published value before, in the order the
         *     release first emitted them; empty when it only revised
         */
        void closed(LocalDate vintage, List<MetricPoint> firstPublished);
    }

    private final Map<Key, MetricPoint> open = new LinkedHashMap<>();
    private final Map<Key, MetricPoint> first = new LinkedHashMap<>();
    private final Map<Key, MetricPoint> latest = new LinkedHashMap<>();
    private LocalDate openRelease;
    private final ReleaseListener listener;

    /** A tracker that only records. */
    public AsPublished() {
        this((vintage, points) -> { });
    }

    /** A tracker that also tells {@code listener} what each release published first. */
    public AsPublished(ReleaseListener listener) {
        this.listener = listener;
    }

    /**
     * Takes one emitted point; a point of a newer vintage first closes the open release.
     *
     * @throws IllegalArgumentException for a point older than the open release
     */
    public void accept(MetricPoint point) {
        LocalDate vintage = point.vintage();
        if (vintage == null) {
            // An unavailable point with no input at all has no release; it can only ever be the latest.
            latest.put(Key.of(point), point);
            return;
        }
        if (openRelease != null && vintage.isBefore(openRelease) && !point.isAvailable()) {
            // Recomputed by the open release but still unavailable: its vintage is that of its newest
            // input held, which can be older (tur_3mo of 2025-10, with no October 2025 ever, is
            // recomputed by December's release from September's value). It publishes nothing.
            latest.put(Key.of(point), point);
            return;
        }
        if (openRelease != null && vintage.isBefore(openRelease)) {
            throw new IllegalArgumentException("point of vintage " + vintage + " after the release of " + openRelease
                    + " (" + point.metric() + " " + point.region() + " " + point.period() + "): replay the vintages in"
                    + " publication order, oldest release first");
        }
        if (openRelease != null && vintage.isAfter(openRelease)) {
            closeRelease();
        }
        openRelease = vintage;
        Key key = Key.of(point);
        open.put(key, point);
        latest.put(key, point);
    }

    /**
     * Closes the last release; call once the replay has ended. Further points may still follow;
     * calling it again without them does nothing.
     */
    public void finish() {
        closeRelease();
    }

    private void closeRelease() {
        if (open.isEmpty()) {
            return;
        }
        List<MetricPoint> published = new ArrayList<>();
        for (Map.Entry<Key, MetricPoint> e : open.entrySet()) {
            if (e.getValue().isAvailable() && first.putIfAbsent(e.getKey(), e.getValue()) == null) {
                published.add(e.getValue());
            }
        }
        open.clear();
        listener.closed(openRelease, published);
    }

    /** The point as first computed (closed releases only), if any. */
    public Optional<MetricPoint> asPublished(Key key) {
        return Optional.ofNullable(first.get(key));
    }

    /** The newest point, whatever release it came from, if any. */
    public Optional<MetricPoint> latest(Key key) {
        return Optional.ofNullable(latest.get(key));
    }

    /** Every point as first computed, in the order their releases closed. */
    public Map<Key, MetricPoint> asPublished() {
        return Collections.unmodifiableMap(first);
    }

    /** Every newest point, in the order first seen. */
    public Map<Key, MetricPoint> latest() {
        return Collections.unmodifiableMap(latest);
    }
}
