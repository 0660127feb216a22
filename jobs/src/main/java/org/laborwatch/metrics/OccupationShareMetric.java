package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;

/**
 * A metric of the occupation mix of insured unemployment (DOL ETA 203, {@code insured_unemployed},
 * monthly, not adjusted, sectors {@code soc:NN} per SOC major group) against a baseline year,
 * written to sector {@code all}.
 *
 * <p>Shares s_g(t) = c_g(t) / Σ c(t) over the SOC major groups read ({@code soc:unknown},
 * {@code naics:*} and the total {@code all} are not groups). The baseline share is the mean of the
 * twelve monthly shares of the baseline year. Divisions use 34 significant digits
 * ({@link MathContext#DECIMAL128}); the result is rounded once, at the end.
 *
 * <p>Rules: a month is computed once complete, that is, every group read has a value, or a later
 * month exists (then a missing group makes it {@code unavailable}); nothing while the newest month
 * is still arriving group by group, nor before the baseline year is complete. A baseline year not
 * held (before the series starts, or trimmed: the series keeps {@link #window} months) makes every
 * month {@code unavailable}. A month whose total over the groups is 0 is unavailable.
 */
abstract class OccupationShareMetric implements Metric {

    private static final long serialVersionUID = 1L;
    static final String INDICATOR = "insured_unemployed";
    static final String NSA = "nsa";
    static final String ALL = "all";
    static final MathContext MC = MathContext.DECIMAL128;

    private final String name;
    private final int baselineYear;
    private final int retentionMonths;

    OccupationShareMetric(String name, int baselineYear, int retentionMonths) {
        this.name = name;
        this.baselineYear = baselineYear;
        this.retentionMonths = retentionMonths;
    }

    @Override
    public String name() {
        return name;
    }

    public int baselineYear() {
        return baselineYear;
    }

    /** Whether a sector is a SOC major group ({@code soc:15}): {@code soc:} and two digits. */
    static boolean isGroup(String sector) {
        // Checked per series for every month computed: a regex here was a tenth of the ETA 203 profile.
        return sector.length() == 6 && sector.startsWith("soc:") && isDigit(sector.charAt(4)) && isDigit(sector.charAt(5));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The groups this metric reads (all of them by default). */
    boolean reads(String group) {
        return true;
    }

    @Override
    public boolean composite() {
        return true;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.is(INDICATOR, NSA) && isGroup(series.sector()) && reads(series.sector());
    }

    @Override
    public int window(SeriesId series) {
        // The baseline year is fixed, so it stays readable only this many months after it.
        return retentionMonths;
    }

    /** The metric from the current and the baseline shares (same groups), or null with a reason. */
    abstract BigDecimal evaluate(Map<String, BigDecimal> now, Map<String, BigDecimal> base);

    String undefinedReason() {
        return "undefined";
    }

    private List<SeriesId> groups(RegionSeries data) {
        List<SeriesId> ids = new ArrayList<>();
        for (SeriesId id : data.sectorsOf(INDICATOR, NSA)) {
            if (dependsOn(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static LocalDate latest(RegionSeries data, List<SeriesId> ids) {
        LocalDate r = null;
        for (SeriesId id : ids) {
            LocalDate l = data.latest(id);
            r = l != null && (r == null || l.isAfter(r)) ? l : r;
        }
        return r;
    }

    private static LocalDate earliest(RegionSeries data, List<SeriesId> ids) {
        LocalDate r = null;
        for (SeriesId id : ids) {
            LocalDate f = data.firstSeen(id);
            r = f != null && (r == null || f.isBefore(r)) ? f : r;
        }
        return r;
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        Frame f = frame(data);
        LocalDate latest = f.latest;
        if (latest == null) {
            return List.of();
        }
        Set<Slot> slots = new TreeSet<>();
        // The month before may become complete; months of a gap before this one become unavailable.
        LocalDate from = period.minusMonths(1);
        LocalDate earliest = data.firstSeen(series);
        while (earliest != null && from.isAfter(earliest) && data.get(series, from) == null
                && from.isAfter(period.minusMonths(retentionMonths))) {
            from = from.minusMonths(1);
        }
        LocalDate to = period.getYear() == baselineYear ? latest : period;
        if (period.getYear() == baselineYear) {
            // A baseline month changes every month's comparison.
            from = f.earliest;
        }
        for (LocalDate t = from; !t.isAfter(to); t = t.plusMonths(1)) {
            slots.add(new Slot(ALL, t));
        }
        return slots;
    }

    /** Counts by group at a month, or the groups missing. */
    private record Month(Map<String, BigDecimal> counts, List<String> missing, LocalDate vintage) {}

    private static Month month(RegionSeries data, List<SeriesId> ids, LocalDate t) {
        Map<String, BigDecimal> counts = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        LocalDate vintage = null;
        for (SeriesId id : ids) {
            SeriesValue v = data.get(id, t);
            if (v == null) {
                missing.add(id.sector());
            } else {
                counts.put(id.sector(), v.value());
                vintage = Vintages.newest(vintage, v.vintage());
            }
        }
        return new Month(counts, missing, vintage);
    }

    private static Map<String, BigDecimal> shares(Map<String, BigDecimal> counts) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal c : counts.values()) {
            total = total.add(c);
        }
        if (total.signum() == 0) {
            return null;
        }
        Map<String, BigDecimal> s = new TreeMap<>();
        for (Map.Entry<String, BigDecimal> e : counts.entrySet()) {
            s.put(e.getKey(), e.getValue().divide(total, MC));
        }
        return s;
    }

    /**
     * What every month of the data as they are now reads besides its own values (the groups, the
     * newest and first month), and the points computed per month, kept with the region's data (see
     * {@link RegionSeries#derive}). An ETA 203 row is 24 observations, one per group, and each
     * recomputed the month before (which may have become complete) over every group: a month's
     * point is now reused while its own values, the baseline year and the newest month are as they
     * were when it was computed.
     */
    private static final class Frame {
        long at = -1;
        List<SeriesId> ids;
        LocalDate latest;
        LocalDate earliest;
        final Map<LocalDate, Computed> months = new java.util.HashMap<>();
    }

    /** A month's point, the modification count it was computed at and the newest month it saw. */
    private record Computed(Optional<MetricPoint> point, long at, LocalDate latest, String region) {}

    /** The key of this metric's frame in the region's derived values (the baseline is under the metric itself). */
    private record FrameKey(OccupationShareMetric metric) {}

    private Frame frame(RegionSeries data) {
        FrameKey key = new FrameKey(this);
        Frame f = data.derived(key) instanceof Frame x ? x : null;
        if (f == null) {
            f = new Frame();
            data.derive(key, f);
        }
        if (f.at != data.modifications()) {
            // The groups and their first months change only with the set of series or a series' start.
            if (f.ids == null || f.at < data.seriesChanged()) {
                f.ids = groups(data);
                f.earliest = earliest(data, f.ids);
            }
            f.latest = latest(data, f.ids);
            f.at = data.modifications();
        }
        return f;
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        if (!sector.equals(ALL)) {
            return Optional.empty();
        }
        Frame f = frame(data);
        Computed c = f.months.get(t);
        if (c != null && c.latest().equals(f.latest) && c.region().equals(region) && data.changedSince(t, t) <= c.at()
                && data.changedSince(LocalDate.of(baselineYear, 1, 1), LocalDate.of(baselineYear, 12, 1)) <= c.at()) {
            return c.point();
        }
        Optional<MetricPoint> p = computeMonth(data, f.ids, f.latest, f.earliest, region, t);
        if (f.latest != null) {
            if (f.months.size() > 2 * retentionMonths + 24) {
                LocalDate oldest = f.latest.minusMonths(retentionMonths + 12);
                f.months.keySet().removeIf(m -> m.isBefore(oldest));
            }
            f.months.put(t, new Computed(p, data.modifications(), f.latest, region));
        }
        return p;
    }

    private Optional<MetricPoint> computeMonth(RegionSeries data, List<SeriesId> ids, LocalDate latest,
            LocalDate earliest, String region, LocalDate t) {
        if (latest == null || t.isAfter(latest) || t.isBefore(earliest)) {
            return Optional.empty();
        }
        Month now = month(data, ids, t);
        if (!now.missing().isEmpty()) {
            if (t.equals(latest)) {
                return Optional.empty(); // the newest month is still arriving group by group
            }
            return unavailable(region, t, INDICATOR + " missing for " + String.join(", ", now.missing()) + " in "
                    + t.toString().substring(0, 7), now.vintage());
        }
        LocalDate baseEnd = LocalDate.of(baselineYear, 12, 1);
        if (baseEnd.isAfter(latest) || (baseEnd.equals(latest) && !month(data, ids, baseEnd).missing().isEmpty())) {
            return Optional.empty(); // the baseline year is not complete yet
        }
        Map<String, BigDecimal> nowShares = shares(now.counts());
        if (nowShares == null) {
            return unavailable(region, t, "no insured unemployed in any occupation group in " + t.toString().substring(0, 7),
                    now.vintage());
        }
        Baseline b = baseline(data, ids);
        LocalDate vintage = Vintages.newest(now.vintage(), b.vintage());
        if (b.shares() == null) {
            return unavailable(region, t, b.failure(), vintage);
        }
        Map<String, BigDecimal> base = b.shares();
        BigDecimal value = evaluate(nowShares, base);
        if (value == null) {
            return unavailable(region, t, undefinedReason(), vintage);
        }
        return Optional.of(MetricPoint.ok(name, INDICATOR, region, ALL, Frequency.MONTHLY, t, value, vintage));
    }

    /**
     * The baseline: the mean share of each group over the baseline year, with the newest vintage of
     * the months read; or, when a month is missing or empty, why, with the vintage of the months
     * before it.
     */
    private record Baseline(Map<String, BigDecimal> shares, LocalDate vintage, String failure, List<SeriesId> ids,
            long computedAt) {}

    /**
     * The baseline of the data as they are, from the region's cache while nothing in the baseline
     * year (nor the set of groups) changed since it was computed: every month of every region reads
     * the same twelve months, and recomputing them per month was most of the ETA 203 profile.
     */
    private Baseline baseline(RegionSeries data, List<SeriesId> ids) {
        Object key = this;
        if (data.derived(key) instanceof Baseline b && b.ids().equals(ids)
                && data.changedSince(LocalDate.of(baselineYear, 1, 1), LocalDate.of(baselineYear, 12, 1)) <= b.computedAt()) {
            return b;
        }
        Baseline b = computeBaseline(data, ids);
        data.derive(key, b);
        return b;
    }

    private Baseline computeBaseline(RegionSeries data, List<SeriesId> ids) {
        LocalDate vintage = null;
        long at = data.modifications();
        Map<String, BigDecimal> baseSum = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            LocalDate bm = LocalDate.of(baselineYear, m, 1);
            Month b = month(data, ids, bm);
            if (!b.missing().isEmpty()) {
                return new Baseline(null, vintage, "baseline " + baselineYear + " not held: " + INDICATOR + " missing for "
                        + String.join(", ", b.missing()) + " in " + bm.toString().substring(0, 7), ids, at);
            }
            Map<String, BigDecimal> s = shares(b.counts());
            if (s == null) {
                return new Baseline(null, vintage, "baseline " + baselineYear + ": no insured unemployed in "
                        + bm.toString().substring(0, 7), ids, at);
            }
            s.forEach((g, v) -> baseSum.merge(g, v, BigDecimal::add));
            vintage = Vintages.newest(vintage, b.vintage());
        }
        Map<String, BigDecimal> base = new TreeMap<>();
        baseSum.forEach((g, v) -> base.put(g, v.divide(BigDecimal.valueOf(12), MC)));
        return new Baseline(Collections.unmodifiableMap(base), vintage, null, ids, at);
    }

    private Optional<MetricPoint> unavailable(String region, LocalDate t, String reason, LocalDate vintage) {
        return Optional.of(MetricPoint.unavailable(name, INDICATOR, region, ALL, Frequency.MONTHLY, t, reason, vintage));
    }

    /** Groups in either map, so a group at 0 in one of them still counts. */
    static Set<String> union(Map<String, BigDecimal> a, Map<String, BigDecimal> b) {
        Set<String> s = new LinkedHashSet<>(a.keySet());
        s.addAll(b.keySet());
        return s;
    }
}
