package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;

/**
 * A metric of one series at period t that reads the same series at fixed lags t, t−k₁, t−k₂, …
 * (in periods of the series' frequency), within the same sector.
 *
 * <p>The shared rules, as {@link SahmGap}: nothing for t after the newest period or before the
 * oldest lag has history; an {@code unavailable} point naming the missing periods when one of
 * the lagged periods inside known history was never published; the vintage is the newest input.
 * A value arriving after a gap also recomputes the gap periods, so they become unavailable.
 */
abstract class LaggedMetric implements Metric {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String indicator;
    private final List<String> adjustments;
    private final Frequency frequency;
    private final Frequency outputFrequency;
    private final int[] lags;
    private final int maxLag;

    /**
     * @param adjustments accepted adjustments in order of preference: the first one the region has
     *     is used (claims: {@code sa} nationally, {@code nsa} for states)
     * @param lags the lags read, ascending, the first one 0 (the period itself)
     */
    LaggedMetric(String name, String indicator, List<String> adjustments, Frequency frequency,
            Frequency outputFrequency, int... lags) {
        this.name = name;
        this.indicator = indicator;
        this.adjustments = List.copyOf(adjustments);
        this.frequency = frequency;
        this.outputFrequency = outputFrequency;
        this.lags = lags.clone();
        for (int i = 1; i < lags.length; i++) {
            if (lags[i] <= lags[i - 1]) {
                throw new IllegalArgumentException(name + ": lags must ascend (affected stops at the first beyond the"
                        + " newest period), got " + java.util.Arrays.toString(lags));
            }
        }
        this.maxLag = lags.length == 0 ? 0 : lags[lags.length - 1];
    }

    @Override
    public String name() {
        return name;
    }

    /** The input indicator, also the indicator of the points. */
    public String indicator() {
        return indicator;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.indicator().equals(indicator) && adjustments.contains(series.adjustment());
    }

    @Override
    public int window(SeriesId series) {
        return maxLag;
    }

    /** The frequency of the series read. */
    Frequency frequency() {
        return frequency;
    }

    /** The frequency of the points written. */
    Frequency outputFrequency() {
        return outputFrequency;
    }

    /** The lags read, in constructor order (a copy). */
    int[] lags() {
        return lags.clone();
    }

    /** The largest lag. */
    int maxLag() {
        return maxLag;
    }

    /**
     * Every point reads the series at its largest lag, at or after its first period, and is at or
     * before its newest ({@link #compute}): a series spanning fewer periods than that lag has none.
     * The same holds for a {@link TurMetric}'s levels, which span no more than either series.
     */
    @Override
    public boolean silentWhile(SeriesId series, LocalDate first, LocalDate newest) {
        return frequency.plus(newest, -maxLag).isBefore(first);
    }

    /** Whether the metric has a point at {@code t} (all periods unless a subclass thins them). */
    boolean emits(LocalDate t) {
        return true;
    }

    /**
     * The metric from the values at each lag (in the order of the constructor's lags), or null when
     * it is undefined for these values ({@link #undefinedReason}).
     */
    abstract BigDecimal evaluate(BigDecimal[] values);

    /** Why {@link #evaluate} returned null. */
    String undefinedReason() {
        return "base is 0";
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate latest = data.latest(series);
        if (latest == null) {
            return List.of();
        }
        Set<Slot> slots = new LinkedHashSet<>();
        for (LocalDate q = gapStart(series, period, data); !q.isAfter(period); q = frequency.plus(q, 1)) {
            for (int lag : lags) {
                LocalDate t = frequency.plus(q, lag);
                if (t.isAfter(latest)) {
                    // Lags ascend: the later ones are further beyond the series' newest period (for a
                    // new newest period, every lag but 0; a year-ago look-back has six).
                    break;
                }
                if (emits(t)) {
                    slots.add(new Slot(series.sector(), t));
                }
            }
        }
        return slots;
    }

    /** The first period of an unpublished run just before {@code period}, or {@code period}. */
    private LocalDate gapStart(SeriesId series, LocalDate period, RegionSeries data) {
        if (data.get(series, frequency.plus(period, -1)) != null) {
            return period; // no gap: the usual case, settled without looking up the series' start
        }
        LocalDate earliest = data.firstSeen(series);
        // Bounds the walk back through a gap; gaps longer than this are not revisions of recent data.
        int limit = RevisionHorizon.DEFAULT_YEARS * RevisionHorizon.perYear(frequency) + maxLag;
        LocalDate t = frequency.plus(period, -1);
        for (int i = 0; i < limit && earliest != null && t.isAfter(earliest) && data.get(series, t) == null; i++) {
            t = frequency.plus(t, -1);
        }
        LocalDate next = frequency.plus(t, 1);
        return next.isBefore(period) ? next : period;
    }

    /** The series of the region this metric reads in a sector: the first adjustment present. */
    SeriesId input(RegionSeries data, String sector) {
        for (String adjustment : adjustments) {
            SeriesId id = new SeriesId(indicator, sector, adjustment);
            if (data.latest(id) != null) {
                return id;
            }
        }
        return null;
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        SeriesId id = input(data, sector);
        if (id == null || !emits(t)) {
            return Optional.empty();
        }
        LocalDate earliest = data.firstSeen(id);
        LocalDate latest = data.latest(id);
        if (!frequency.fits(t) || t.isAfter(latest) || frequency.plus(t, -maxLag).isBefore(earliest)) {
            return Optional.empty();
        }
        if (frequency == Frequency.BIWEEKLY && java.time.temporal.ChronoUnit.DAYS.between(earliest, t) % 14 != 0) {
            return Optional.empty(); // not on the series' two-week grid
        }
        BigDecimal[] values = new BigDecimal[lags.length];
        LocalDate vintage = null;
        List<LocalDate> missing = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            LocalDate p = frequency.plus(t, -lags[i]);
            SeriesValue v = data.get(id, p);
            if (v == null) {
                missing.add(p);
                continue;
            }
            values[i] = v.value();
            vintage = Vintages.newest(vintage, v.vintage());
        }
        if (!missing.isEmpty()) {
            List<String> dates = new ArrayList<>();
            missing.stream().sorted().forEach(d -> dates.add(frequency == Frequency.MONTHLY ? d.toString().substring(0, 7) : d.toString()));
            return Optional.of(MetricPoint.unavailable(name, indicator, region, sector, outputFrequency, t,
                    indicator + " (" + id.adjustment() + ") missing for " + String.join(", ", dates), vintage));
        }
        BigDecimal value = evaluate(values);
        if (value == null) {
            return Optional.of(MetricPoint.unavailable(name, indicator, region, sector, outputFrequency, t,
                    undefinedReason(), vintage));
        }
        return Optional.of(MetricPoint.ok(name, indicator, region, sector, outputFrequency, t, value, vintage));
    }

    /** (a − b) / b × 100, rounded half-up to two decimals; null when b is 0. */
    static BigDecimal percentChange(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        return a.subtract(b).multiply(BigDecimal.valueOf(100)).divide(b, 2, java.math.RoundingMode.HALF_UP);
    }

    static BigDecimal sum(BigDecimal[] values, int from, int to) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = from; i < to; i++) {
            s = s.add(values[i]);
        }
        return s;
    }
}
