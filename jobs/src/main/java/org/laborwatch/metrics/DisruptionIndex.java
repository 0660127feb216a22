package org.laborwatch.metrics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.MetricNames;

/**
 * {@code disruption_index}: an illustrative composite, per region and month, the weighted mean of
 * the z-scores of component metrics against their own trailing baseline. It is not an official
 * statistic; no agency publishes such an index (notes/rules.md, section 5). It is simple and
 * deterministic so that a policy on it can be reasoned about.
 *
 * <p>For month M and each component c with a value x_c(M): z_c = sign_c · (x_c(M) − mean) / sd,
 * mean and sd (population standard deviation) of x_c over the previous N months (default 36);
 * index = Σ w_c z_c / Σ w_c over the components that have a value and a full baseline, rounded
 * half-up to two decimals. Signs make "more disruption" positive (a fall in postings is
 * disruption, so postings enter with −1).
 *
 * <p>Monthly value of a component (mixed frequencies): its point at the latest period that falls
 * in the month (the month for monthly metrics; the last Saturday in the month for weekly ones and
 * for the Saturday-only postings changes; the last BTOS period ending in the month). If that point
 * is unavailable the component has no value for the month; no earlier week is substituted.
 *
 * <p>Skipped: a component with no value for M, with fewer than N baseline months having a value,
 * or whose baseline is degenerate (sd 0). No component left → {@code unavailable}.
 *
 * <p>Completeness, in data time (no watermarks): nothing is emitted for M while a component the
 * region has is still completing M (its inputs have not passed M's end and it has no point at M's
 * last possible period yet), so the index does not flicker while a month arrives; once another
 * component has data more than {@code waitDays} (default 62) past M's end, a laggard is left out
 * instead of stalling the index. A component the region has no series for is ignored. The vintage
 * is the newest vintage of the component points used; the point's indicator is {@code composite}.
 */
public final class DisruptionIndex implements Metric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.DISRUPTION_INDEX;
    private static final MathContext MC = MathContext.DECIMAL64;

    /**
     * One component.
     *
     * @param metric the component metric (its own instance); it has no point past the newest period
     *     of the series it reads, as each default one (what {@link DisruptionIndex#affected} relies on to stop there)
     * @param sector the sector of the component's points read ({@code all} for most)
     * @param frequency the frequency of the component's points (monthly, weekly, biweekly)
     * @param sign +1 when a higher value means more disruption, −1 when lower does
     * @param weight its weight, positive
     */
    public record Component(Metric metric, String sector, Frequency frequency, int sign, BigDecimal weight)
            implements Serializable {
        public Component {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(sector, "sector");
            Objects.requireNonNull(frequency, "frequency");
            if (sign != 1 && sign != -1) {
                throw new IllegalArgumentException("sign is +1 or -1, got " + sign);
            }
            if (weight == null || weight.signum() <= 0) {
                throw new IllegalArgumentException("weight must be positive, got " + weight);
            }
        }
    }

    /**
     * The index configuration.
     *
     * @param baselineMonths N, the trailing months of the baseline (default 36)
     * @param waitDays how long, in data time, a month waits for a lagging component: once another
     *     component has data this many days past the month's end, the laggard is left out (default 62)
     * @param components the components, in a fixed order
     */
    public record Config(int baselineMonths, int waitDays, List<Component> components) implements Serializable {
        public Config {
            if (baselineMonths < 2) {
                throw new IllegalArgumentException("baselineMonths must be at least 2, got " + baselineMonths);
            }
            if (waitDays < 0) {
                throw new IllegalArgumentException("waitDays must not be negative, got " + waitDays);
            }
            components = List.copyOf(components);
        }

        /**
         * The defaults: N = 36 and weight 1 each for {@code sahm_gap} (+), {@code claims_yoy_pct} of
         * initial claims (+), {@code wage_growth_yoy} of total private (−),
         * {@code postings_change_52wk} (−) and {@code ai_use_change} (+). The occupation-share
         * metrics ({@code occupational_dissimilarity}, {@code ai_exposed_claims_shift}) are left out
         * for cost (see below); {@code exposure} is kept for configurations that add them.
         */
        public static Config defaults(Map<String, BigDecimal> exposure) {
            List<Component> c = new ArrayList<>();
            c.add(new Component(new SahmGap(), "all", Frequency.MONTHLY, 1, BigDecimal.ONE));
            c.add(new Component(new ClaimsYoy("initial_claims"), "all", Frequency.WEEKLY, 1, BigDecimal.ONE));
            c.add(new Component(new WageGrowth(), "ces:total-private", Frequency.MONTHLY, -1, BigDecimal.ONE));
            c.add(new Component(new PostingsChange(364), "all", Frequency.WEEKLY, -1, BigDecimal.ONE));
            c.add(new Component(AiUse.change(), "all", Frequency.BIWEEKLY, 1, BigDecimal.ONE));
            // The occupation-share metrics are left out of the default composite: each ETA 203 row
            // changes 24 occupation series, and re-scoring 37 months of shares against their 2019
            // baseline for each of them made the composite the job's dominant cost. They have their
            // own illustrative policy (ai-exposed-claims) and can be added back with a custom Config.
            return new Config(36, 62, c);
        }
    }

    private final Config config;

    /**
     * Values derived from the data of one region as they are now: the frontier of each component
     * and the first period seen. Valid while the RegionSeries is the same object with the same
     * modification count; a metric instance serves one thread (one per Flink subtask or backtest),
     * so no locking.
     */
    private transient Derived derived;

    private static final class Derived {
        final RegionSeries data;
        final long modifications;
        final LocalDate[] frontiers;
        final Reads reads;

        Derived(RegionSeries data, LocalDate[] frontiers, Reads reads) {
            this.data = data;
            this.modifications = data.modifications();
            this.frontiers = frontiers;
            this.reads = reads;
        }
    }

    /**
     * The series each component reads in a region, and the first period seen of any of them: they
     * change only with the set of series or a series' start ({@link RegionSeries#seriesChanged}),
     * so the frontiers, needed at every observation, look at these few series and not at all of
     * the region's (a national region holds dozens: postings by occupation, CES industries).
     */
    private record Reads(long at, List<List<SeriesId>> byComponent, LocalDate firstSeen) {}

    private Derived derived(RegionSeries data) {
        Derived d = derived;
        if (d == null || d.data != data || d.modifications != data.modifications()) {
            List<Component> components = config.components();
            Reads reads = readsOf(data);
            LocalDate[] frontiers = new LocalDate[components.size()];
            for (int i = 0; i < frontiers.length; i++) {
                for (SeriesId id : reads.byComponent().get(i)) {
                    LocalDate l = data.latest(id);
                    frontiers[i] = l != null && (frontiers[i] == null || l.isAfter(frontiers[i])) ? l : frontiers[i];
                }
            }
            d = new Derived(data, frontiers, reads);
            derived = d;
        }
        return d;
    }

    /**
     * The region's {@link Reads}, kept with its data: observations of many regions interleave (a
     * county's sectors, then the next county's), and the one region held in {@link #derived} had
     * them found again, over every series of the region and every component, for nearly each
     * observation of the bench workload (a twelfth of the series state's CPU with history; #13's
     * fourteenth part).
     */
    private Reads readsOf(RegionSeries data) {
        if (readsKey == null) {
            readsKey = new Object();
        }
        Reads r = data.derived(readsKey) instanceof Reads kept ? kept : null;
        if (r == null || r.at() < data.seriesChanged()) {
            r = reads(data);
            data.derive(readsKey, r);
        }
        return r;
    }

    /** The key of this instance's {@link Reads} among a region's derived values. */
    private transient Object readsKey;

    private Reads reads(RegionSeries data) {
        List<List<SeriesId>> byComponent = new ArrayList<>();
        for (Component c : config.components()) {
            List<SeriesId> ids = new ArrayList<>();
            for (SeriesId id : data.seriesIds()) {
                if (reads(c, id)) {
                    ids.add(id);
                }
            }
            byComponent.add(ids);
        }
        return new Reads(data.modifications(), byComponent, firstSeen(data));
    }

    /**
     * Each component's point by month, and the baseline of each index month, kept with the region's
     * data across observations (see {@link RegionSeries#derive}). Every index month reads its
     * component months and the {@code baselineMonths} before; recomputing them, and the mean and
     * standard deviation of each baseline, for each observation was most of the backtest's time (a
     * day of state postings re-scored five months of 36-month baselines).
     *
     * <p>A change of the data at some periods marks the component months whose points read them
     * ({@link #lookbackDays}) stale, keeping their old points; a stale month is recomputed when it is
     * next read, and only if its point differs do the baselines that read it go (the
     * {@code baselineMonths} after it). A daily posting marks a year of months stale, but changes
     * the point of few of them, so most baselines stay. Anything else starts the cache over.
     */
    private static final class ComponentMonths {
        long validAt;
        String region;
        final List<ComponentCache> byComponent = new ArrayList<>();
    }

    /** One component's cached months, the stale ones among them, and the baselines computed from them. */
    private static final class ComponentCache {
        final java.util.TreeMap<LocalDate, Optional<MetricPoint>> months = new java.util.TreeMap<>();
        final java.util.TreeSet<LocalDate> stale = new java.util.TreeSet<>();
        final java.util.TreeMap<LocalDate, Baseline> baselines = new java.util.TreeMap<>();
    }

    /**
     * The baseline of a component at an index month: the mean and population standard deviation of
     * its points over the {@code baselineMonths} before, and their newest vintage; {@link #NONE}
     * when the component is skipped that month (fewer months with a value, or sd 0).
     */
    private record Baseline(BigDecimal mean, BigDecimal sd, LocalDate vintage) {
        static final Baseline NONE = new Baseline(null, null, null);
    }

    /** The component months of the data as they are now (stale months marked, not yet recomputed). */
    private ComponentMonths componentMonths(RegionSeries data, String region) {
        ComponentMonths cm = data.derived(this) instanceof ComponentMonths c ? c : null;
        if (cm == null || !region.equals(cm.region)) {
            cm = new ComponentMonths();
            cm.region = region;
            cm.validAt = data.modifications();
            data.derive(this, cm);
        } else if (cm.validAt != data.modifications()) {
            ComponentMonths target = cm;
            long[] lookback = lookbackDays();
            List<Component> components = config.components();
            boolean known = data.changesSince(cm.validAt, (id, from, to) -> {
                for (int ci = 0; ci < target.byComponent.size(); ci++) {
                    if (lookback[ci] < 0 || !reads(components.get(ci), id)) {
                        continue;
                    }
                    ComponentCache cc = target.byComponent.get(ci);
                    LocalDate last = firstOfMonth(to.plusDays(lookback[ci]));
                    cc.stale.addAll(cc.months.subMap(firstOfMonth(from), true, last, true).keySet());
                }
            });
            if (!known) {
                cm.byComponent.clear();
            }
            cm.validAt = data.modifications();
        }
        while (cm.byComponent.size() < config.components().size()) {
            cm.byComponent.add(new ComponentCache());
        }
        return cm;
    }

    /** {@link #lookbackDays(Component)} of each component, computed once. */
    private transient long[] lookbackDays;

    private long[] lookbackDays() {
        if (lookbackDays == null) {
            long[] l = new long[config.components().size()];
            for (int i = 0; i < l.length; i++) {
                l[i] = lookbackDays(config.components().get(i));
            }
            lookbackDays = l;
        }
        return lookbackDays;
    }

    /**
     * How far back, in days, a component's point reads its input series: its metric's window in
     * periods of the input's frequency, and a month for the point's own month and rounding; -1 for
     * a metric whose reach is not known this way (then neither its months nor its baselines are cached).
     */
    private static long lookbackDays(Component c) {
        if (!(c.metric() instanceof LaggedMetric) && !(c.metric() instanceof SahmGap)) {
            return -1;
        }
        Frequency input = c.metric() instanceof LaggedMetric l ? l.frequency() : Frequency.MONTHLY;
        int periodDays = switch (input) {
            case DAILY -> 1;
            case WEEKLY -> 7;
            case BIWEEKLY -> 14;
            case MONTHLY -> 31;
            case QUARTERLY -> 92;
            case ANNUAL -> 366;
        };
        int window = c.metric() instanceof LaggedMetric l ? l.maxLag() : SahmGap.WINDOW;
        return (long) (window + 1) * periodDays + 31;
    }

    /** {@link #monthly} through the region's cache of component months. */
    private Optional<MetricPoint> monthly(ComponentMonths cm, RegionSeries data, int component, String region, LocalDate m) {
        if (lookbackDays()[component] < 0) {
            return monthly(config.components().get(component), data, region, m);
        }
        ComponentCache cc = cm.byComponent.get(component);
        Optional<MetricPoint> held = cc.months.get(m);
        if (held != null && !cc.stale.contains(m)) {
            return held;
        }
        Optional<MetricPoint> p = monthly(config.components().get(component), data, region, m);
        cc.months.put(m, p);
        if (held != null) {
            cc.stale.remove(m);
            if (!p.equals(held)) {
                // The baselines that read this month: the baselineMonths after it.
                cc.baselines.subMap(m, false, m.plusMonths(config.baselineMonths()), true).clear();
            }
        }
        return p;
    }

    /** The component's baseline at index month t, through the region's cache. */
    private Baseline baseline(ComponentMonths cm, RegionSeries data, int component, String region, LocalDate t) {
        if (lookbackDays()[component] < 0) {
            return computeBaseline(cm, data, component, region, t);
        }
        ComponentCache cc = cm.byComponent.get(component);
        int n = config.baselineMonths();
        // Recompute the stale months the baseline reads first: a changed one drops the cached baseline.
        for (LocalDate m : List.copyOf(cc.stale.subSet(t.minusMonths(n), true, t, false))) {
            monthly(cm, data, component, region, m);
        }
        Baseline b = cc.baselines.get(t);
        if (b == null) {
            b = computeBaseline(cm, data, component, region, t);
            cc.baselines.put(t, b);
        }
        return b;
    }

    private Baseline computeBaseline(ComponentMonths cm, RegionSeries data, int component, String region, LocalDate t) {
        int n = config.baselineMonths();
        BigDecimal[] base = new BigDecimal[n];
        LocalDate baseVintage = null;
        Collection<Optional<MetricPoint>> cached = lookbackDays()[component] < 0 ? null
                : cm.byComponent.get(component).months.subMap(t.minusMonths(n), true, t, false).values();
        if (cached != null && cached.size() == n) {
            // Every month cached and none stale (baseline() recomputed them): one walk of the cache,
            // not a look-up per month. The moments and the newest vintage do not depend on the order.
            int k = 0;
            for (Optional<MetricPoint> b : cached) {
                if (b.isEmpty() || !b.get().isAvailable()) {
                    return Baseline.NONE; // fewer than n months with a value
                }
                base[k++] = b.get().value();
                baseVintage = Vintages.newest(baseVintage, b.get().vintage());
            }
        } else {
            for (int k = 1; k <= n; k++) {
                Optional<MetricPoint> b = monthly(cm, data, component, region, t.minusMonths(k));
                if (b.isEmpty() || !b.get().isAvailable()) {
                    return Baseline.NONE; // fewer than n months with a value
                }
                base[k - 1] = b.get().value();
                baseVintage = Vintages.newest(baseVintage, b.get().vintage());
            }
        }
        Moments moments = Moments.of(base, MC);
        if (moments.variance().signum() == 0) {
            return Baseline.NONE;
        }
        return new Baseline(moments.mean(), moments.variance().sqrt(MC), baseVintage);
    }

    public DisruptionIndex(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean composite() {
        return true;
    }

    /** A month needs one component with a value and a full baseline, not all of them. */
    @Override
    public boolean needsEverySeries() {
        return false;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        for (Component c : config.components()) {
            if (reads(c, series)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a component reads this series: its metric depends on it and it is in the sector the
     * component scores (postings by occupational sector do not move the national composite).
     */
    private static boolean reads(Component c, SeriesId series) {
        return c.metric().dependsOn(series) && series.sector().equals(c.sector());
    }

    @Override
    public int window(SeriesId series) {
        int r = 0;
        for (Component c : config.components()) {
            if (reads(c, series)) {
                Frequency f = seriesFrequency(series);
                int perMonth = switch (f) {
                    case DAILY -> 31;
                    case WEEKLY -> 5;
                    case BIWEEKLY -> 3;
                    default -> 1;
                };
                r = Math.max(r, c.metric().window(series) + (config.baselineMonths() + 1) * perMonth);
            }
        }
        return r;
    }

    /** The frequency of a series by its indicator (window() has no data to look it up in). */
    private static Frequency seriesFrequency(SeriesId series) {
        return switch (series.indicator()) {
            case "job_postings_index" -> Frequency.DAILY;
            case "initial_claims", "continued_claims" -> Frequency.WEEKLY;
            case "ai_use_rate" -> Frequency.BIWEEKLY;
            default -> Frequency.MONTHLY;
        };
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate frontier = null;
        int present = 0;
        LocalDate[] frontiers = derived(data).frontiers;
        for (int ci = 0; ci < frontiers.length; ci++) {
            LocalDate f = frontiers[ci];
            frontier = f != null && (frontier == null || f.isAfter(frontier)) ? f : frontier;
            // The series' own component counts as present before its first value is stored too, so
            // the months asked before the upsert are the months asked after it.
            present += f != null || reads(config.components().get(ci), series) ? 1 : 0;
        }
        if (frontier == null) {
            return List.of();
        }
        // Earlier months may become complete (or, with several components, pass their wait).
        int back = present > 1 ? 1 + (config.waitDays() + 30) / 28 : 1;
        LocalDate from = firstOfMonth(period).minusMonths(back);
        LocalDate before = data.latestBefore(series, period);
        if (before != null && firstOfMonth(before).isBefore(from)) {
            // A value after a gap changes the component at the gap's periods; asked before the upsert,
            // the component's own affected() does not see a gap beyond the series' newest period yet.
            from = firstOfMonth(before);
        }
        LocalDate previous = previousFrontier(series, period, data);
        if (previous != null && period.isAfter(previous)) {
            // The region's frontier moves to this period (a file far ahead of the others, an arrival
            // out of order): the months after the old frontier may start, and with several components
            // every month from the old frontier's wait on may stop waiting for a laggard. Moving by a
            // period, as in order, the months back above reach as far.
            LocalDate moved = firstOfMonth(present > 1 ? previous.minusDays(config.waitDays()) : previous);
            from = moved.isBefore(from) ? moved : from;
        }
        LocalDate last = firstOfMonth(period);
        LocalDate componentFrontier = null;
        for (int ci = 0; ci < frontiers.length; ci++) {
            Component c = config.components().get(ci);
            if (reads(c, series)) {
                LocalDate f = frontiers[ci];
                componentFrontier = f != null && (componentFrontier == null || f.isAfter(componentFrontier)) ? f : componentFrontier;
                // A value after a gap changes the component at the gap's periods too, and a lagged
                // component changes later periods (a week's claims move the year-on-year change a year on).
                for (Slot s : c.metric().affected(series, period, data)) {
                    from = s.period().isBefore(from) ? firstOfMonth(s.period()) : from;
                    last = s.period().isAfter(last) ? firstOfMonth(s.period()) : last;
                }
            }
        }
        // A changed component month changes the index in that month (its value) and in the
        // baselineMonths after (their baselines), no further: going on to the frontier made a replay
        // of old history quadratic (each month re-scored every month up to today's). Nor past the
        // component's newest period: a later month has no point of the component to score against
        // those baselines (a component's point needs its input at its period), and a file read after
        // one far ahead (state rates from 1976 after weekly claims to 2023) re-scored three years a month.
        // Only a new series or an earlier start of this one (a value at or before its first period,
        // the same asked before the upsert as after) reaches every month up to the frontier, as it
        // changes what each month is complete with.
        LocalDate to = firstOfMonth(frontier);
        LocalDate start = data.firstSeen(series);
        if (start != null && period.isAfter(start)) {
            LocalDate reach = last.plusMonths(config.baselineMonths());
            if (componentFrontier != null && firstOfMonth(componentFrontier).isBefore(reach)) {
                reach = firstOfMonth(componentFrontier).isAfter(last) ? firstOfMonth(componentFrontier) : last;
            }
            to = reach.isBefore(to) ? reach : to;
        }
        return monthSlots(from, to);
    }

    /**
     * The region's frontier (the newest period of any series a component reads) as it was before
     * a value of {@code series} at {@code period} was stored, the same asked before the upsert as
     * after it; null if the region had none.
     */
    private LocalDate previousFrontier(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate r = null;
        for (List<SeriesId> ids : derived(data).reads.byComponent()) {
            for (SeriesId id : ids) {
                LocalDate l = id.equals(series) ? data.latestBefore(id, period) : data.latest(id);
                r = l != null && (r == null || l.isAfter(r)) ? l : r;
            }
        }
        return r;
    }

    /**
     * The months asked last ({@link #monthSlots}): a daily or weekly component asks for the same
     * months at every observation of a month, twice (before and after the upsert), and made a
     * list of some forty slots and dates each time, a tenth of what a backtest of everything
     * allocated (#13's ninth part). One thread per metric instance, as {@link #derived}.
     */
    private transient LocalDate slotsFrom;
    private transient LocalDate slotsTo;
    private transient List<Slot> slots;

    /** The months from {@code from} to {@code to}, each the slot of sector "all", in order (the slots' order, no duplicates); unmodifiable. */
    private List<Slot> monthSlots(LocalDate from, LocalDate to) {
        if (slots == null || !from.equals(slotsFrom) || !to.equals(slotsTo)) {
            List<Slot> made = new ArrayList<>();
            for (LocalDate m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                made.add(new Slot("all", m));
            }
            slots = List.copyOf(made);
            slotsFrom = from;
            slotsTo = to;
        }
        return slots;
    }

    /** The first period ever seen of any series a component reads. */
    private LocalDate firstSeen(RegionSeries data) {
        LocalDate r = null;
        for (SeriesId id : data.seriesIds()) {
            LocalDate f = dependsOn(id) ? data.firstSeen(id) : null;
            r = f != null && (r == null || f.isBefore(r)) ? f : r;
        }
        return r;
    }

    private static LocalDate firstOfMonth(LocalDate d) {
        return d.withDayOfMonth(1);
    }

    /**
     * The last date in month m at which a component of this frequency can have a period: the month
     * itself, the last Saturday, or for two-week periods 13 days before the month's end (a later
     * period start would end in the next month).
     */
    private static LocalDate lastPeriod(Frequency f, LocalDate m) {
        LocalDate end = m.with(TemporalAdjusters.lastDayOfMonth());
        return switch (f) {
            case MONTHLY -> m;
            case BIWEEKLY -> end.minusDays(13);
            default -> end.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        };
    }

    /** The component's point for month m: at the latest of its periods in the month that has one. */
    private static Optional<MetricPoint> monthly(Component c, RegionSeries data, String region, LocalDate m) {
        if (c.frequency() == Frequency.MONTHLY) {
            return c.metric().compute(data, region, c.sector(), m);
        }
        LocalDate end = m.with(TemporalAdjusters.lastDayOfMonth());
        LocalDate sat = end.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
        Optional<MetricPoint> p;
        for (LocalDate d = sat; !d.isBefore(m); d = d.minusWeeks(1)) {
            p = c.metric().compute(data, region, c.sector(), d);
            if (p.isPresent()) {
                return p;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        if (!sector.equals("all") || t.getDayOfMonth() != 1) {
            return Optional.empty();
        }
        LocalDate monthEnd = t.with(TemporalAdjusters.lastDayOfMonth());
        Derived dv = derived(data);
        ComponentMonths cm = componentMonths(data, region);
        LocalDate regionFrontier = null;
        for (LocalDate f : dv.frontiers) {
            regionFrontier = f != null && (regionFrontier == null || f.isAfter(regionFrontier)) ? f : regionFrontier;
        }
        if (regionFrontier == null || regionFrontier.isBefore(t) || t.isBefore(firstOfMonth(dv.reads.firstSeen()))) {
            return Optional.empty(); // no data for this month yet, or before the region's data start
        }
        boolean waited = regionFrontier.isAfter(monthEnd.plusDays(config.waitDays()));
        List<Integer> present = new ArrayList<>();
        List<MetricPoint> current = new ArrayList<>();
        for (int ci = 0; ci < dv.frontiers.length; ci++) {
            Component c = config.components().get(ci);
            LocalDate f = dv.frontiers[ci];
            if (f == null) {
                continue; // the region does not have this component at all
            }
            Optional<MetricPoint> p = monthly(cm, data, ci, region, t);
            boolean complete = f.isAfter(monthEnd) || (!f.isBefore(lastPeriod(c.frequency(), t)) && p.isPresent());
            if (!complete) {
                if (waited) {
                    continue; // a laggard past the wait: left out
                }
                return Optional.empty(); // this component is still completing the month (or has not reached it)
            }
            if (p.isPresent() && p.get().isAvailable()) {
                present.add(ci);
                current.add(p.get());
            }
        }
        int n = config.baselineMonths();
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        LocalDate vintage = null;
        for (int i = 0; i < present.size(); i++) {
            int ci = present.get(i);
            Component c = config.components().get(ci);
            MetricPoint x = current.get(i);
            Baseline base = baseline(cm, data, ci, region, t);
            if (base == Baseline.NONE) {
                continue;
            }
            BigDecimal mean = base.mean();
            LocalDate baseVintage = base.vintage();
            BigDecimal z = x.value().subtract(mean).divide(base.sd(), MC).multiply(BigDecimal.valueOf(c.sign()));
            weighted = weighted.add(z.multiply(c.weight()));
            weights = weights.add(c.weight());
            vintage = Vintages.newest(vintage, Vintages.newest(x.vintage(), baseVintage));
        }
        if (weights.signum() == 0) {
            return Optional.of(MetricPoint.unavailable(NAME, "composite", region, "all", Frequency.MONTHLY, t,
                    "no component with a value and a " + n + "-month baseline", vintage));
        }
        BigDecimal index = weighted.divide(weights, MC).setScale(2, RoundingMode.HALF_UP);
        return Optional.of(MetricPoint.ok(NAME, "composite", region, "all", Frequency.MONTHLY, t, index, vintage));
    }
}
