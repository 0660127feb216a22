package org.laborwatch.backtest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.metrics.AsPublished;
import org.laborwatch.metrics.Deferred;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.SeriesId;
import org.laborwatch.policy.Policy;
import org.laborwatch.rollup.CoveredEmployment;
import org.laborwatch.rollup.RegionsOnRollup;
import org.laborwatch.trigger.PolicyBook;
import org.laborwatch.trigger.PolicyRoutes;
import org.laborwatch.trigger.TriggerEvaluator;
import org.laborwatch.trigger.TriggerKey;
import org.laborwatch.trigger.TriggerState;

/**
 * Runs policies over history with the same code as the job ({@link MetricEngine} per region,
 * {@link TriggerEvaluator} per policy, region and sector), in one thread, in input order.
 *
 * <p>Keeps the series of the metrics the policies read, so a chart can show them, and the NBER
 * recession months when the input carries FRED's USREC ({@code recession}).
 *
 * <p>{@link #asPublished} makes a real-time backtest: with vintages replayed in publication order,
 * the policies decide each period on its value as published ({@link AsPublished}: after the whole
 * release that first made the period computable), when that release closes, as a monitor would
 * have decided that day; later revisions reach no decision. {@link #latestData} then runs the same
 * policies over the values after the last release, to set the decisions made in real time against
 * those today's data support.
 */
public final class Backtest {

    private final List<Policy> policies;
    private final MetricEngine engine;
    private final Map<String, RegionSeries> regions = new HashMap<>();
    private final Map<String, TriggerState> states = new HashMap<>();
    private final Map<String, Frequency> frequencies = new HashMap<>();
    private final Map<String, LocalDate> lastPeriods = new HashMap<>();
    private final List<TriggerEvent> events = new ArrayList<>();
    /** metric|region|sector → period → value, for the metrics the policies read. */
    private final Map<String, NavigableMap<LocalDate, BigDecimal>> series = new HashMap<>();
    private final Set<LocalDate> recessionMonths = new TreeSet<>();
    private LocalDate recessionCoverageStart;
    private LocalDate recessionCoverageEnd;
    private final Set<String> read;
    /** The policies that read a point, in policy order. */
    private final PolicyRoutes routes;
    /**
     * Per region, {@link #engine} restricted to the metrics a policy reads there
     * ({@link PolicyRoutes#metricsReadIn}): the others' points in that region have no reader. In a
     * backtest of everything, a third of the disruption index's and the TUR metrics' points were
     * computed for regions no policy of theirs watches (the OECD areas, the nation), an eighth of the
     * warm replay (#13's fifteenth part). An engine made by {@link MetricEngine#only} keeps what the
     * series keep, so the points of the metrics kept are the same.
     */
    private final Map<String, MetricEngine> engineByRegion = new HashMap<>();
    /** The engines of {@link #engineByRegion}, one per set of metrics (a few, however many regions). */
    private final Map<Set<String>, MetricEngine> engineByMetrics = new HashMap<>();
    private long observations;
    private final Set<SeriesId> seriesRead = new TreeSet<>();
    private final Set<String> metricsComputed = new TreeSet<>();
    /**
     * On the latest data: the composite metrics' periods waiting for their deadline, per region
     * ({@link Deferred}: the region's input moving to another month, or results being asked for).
     * The disruption index and the occupation shares combine many series; evaluated per input, a
     * day of state postings re-scored every month from four months back to the region's newest.
     */
    private final Map<String, Deferred> deferred = new HashMap<>();
    /** Real time only: one tracker per region (regions are independent), through which points reach the policies. */
    private final Map<String, AsPublished> releases;
    /** Real time only: the newest release seen of each region's series, to refuse an older one after it. */
    private final Map<String, LocalDate> newestRelease = new HashMap<>();
    /**
     * Set on a backtest merged from {@link RegionReplay}'s shards: their release trackers decide
     * into the shards, so an observation taken here would be decided nowhere.
     */
    private boolean sealed;

    /**
     * A backtest that decides on every point as it is computed (on the latest data, for one final
     * vintage), with the metrics of {@code engine} that the policies read ({@link MetricEngine#only}).
     */
    public Backtest(List<Policy> policies, MetricEngine engine) {
        this(policies, engine, false);
    }

    /** On the latest data, or in real time ({@link #asPublished}); {@link RegionReplay} makes its shards so. */
    Backtest(List<Policy> policies, MetricEngine engine, boolean realTime) {
        this.policies = List.copyOf(policies);
        Set<String> ids = new TreeSet<>();
        policies.forEach(p -> ids.add(p.id()));
        for (Policy p : policies) {
            for (String sector : p.scope().sectors()) {
                // A pattern (policy:*) reads whichever sources run; an exact source must run.
                String source = sector.startsWith(RegionsOnRollup.SECTOR_PREFIX) && !sector.endsWith("*")
                        ? sector.substring(RegionsOnRollup.SECTOR_PREFIX.length()) : null;
                if (source != null && PolicyBook.readsRollUps(p) && !ids.contains(source)) {
                    // Without its source the breadth policy would see no roll-up and never decide.
                    throw new IllegalArgumentException("policy '" + p.id() + "' reads the national roll-ups of policy '"
                            + source + "', which this backtest does not run: add --policy " + source);
                }
            }
        }
        // Breadth events are not rolled up, here as in the job: a policy over them would never decide.
        PolicyBook.requireNoBreadthOfBreadth(policies);
        Set<String> metrics = new TreeSet<>();
        policies.forEach(p -> metrics.addAll(p.metrics()));
        this.read = metrics;
        // The metrics no policy reads are not computed: their points would be dropped unread (in a
        // backtest of everything, 10 of the catalogue's 19 metrics, an eighth of the warm replay).
        this.engine = engine.only(metrics);
        this.routes = new PolicyRoutes(this.policies);
        engineByMetrics.put(metrics, this.engine);
        this.releases = realTime ? new HashMap<>() : null;
    }

    /**
     * A real-time backtest: the observations must come in publication order (as the vintage
     * formats emit them, older files first); call {@link #finish} after the last one.
     */
    public static Backtest asPublished(List<Policy> policies, MetricEngine engine) {
        return new Backtest(policies, engine, true);
    }

    /** Whether this backtest decides on the data as published ({@link #asPublished}). */
    public boolean realTime() {
        return releases != null;
    }

    /** An observation older than a release already replayed: "as published" would have no meaning. */
    public static final class PublicationOrderException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        PublicationOrderException(String message) {
            super(message);
        }
    }

    /**
     * Feeds one observation through the metrics and every policy that reads what it changes (in real
     * time: once the observation's release has closed).
     *
     * @throws PublicationOrderException in real time, for an observation of a release older than one
     *     already replayed
     */
    public void accept(Observation o) {
        if (sealed) {
            throw new IllegalStateException("this backtest was merged from a region replay and takes no more observations");
        }
        allEvents = null;
        observations++;
        seriesRead.add(new SeriesId(o.indicator(), o.sector(), o.adjustment()));
        if (o.indicator().equals("recession") && o.region().equals("US")) {
            if (recessionCoverageStart == null || o.period().isBefore(recessionCoverageStart)) {
                recessionCoverageStart = o.period();
            }
            if (recessionCoverageEnd == null || o.period().isAfter(recessionCoverageEnd)) {
                recessionCoverageEnd = o.period();
            }
            if (o.value().signum() > 0) {
                recessionMonths.add(o.period());
            }
        }
        if (releases != null) {
            checkPublicationOrder(o);
        }
        RegionSeries data = regions.computeIfAbsent(o.region(), r -> new RegionSeries());
        // On the latest data the composite metrics wait for their deadline; in real time a release
        // decides on what was known when it closed, so they are evaluated at once.
        Deferred wait = releases == null ? deferred.computeIfAbsent(o.region(), r -> new Deferred()) : null;
        for (MetricPoint point : engineFor(o.region()).apply(data, o, wait).points()) {
            if (!read.contains(point.metric())) {
                continue;
            }
            metricsComputed.add(point.metric());
            if (releases == null) {
                decide(point);
                continue;
            }
            try {
                releases.computeIfAbsent(o.region(), r -> new AsPublished((vintage, first) -> decideInPeriodOrder(first)))
                        .accept(point);
            } catch (IllegalArgumentException e) {
                throw new PublicationOrderException(e.getMessage());
            }
        }
    }

    /**
     * An older release of a series after a newer one: the engine would keep the newer values and
     * drop the older ones without a word, so the replay would silently not be in real time.
     */
    private void checkPublicationOrder(Observation o) {
        String key = o.region() + "|" + new SeriesId(o.indicator(), o.sector(), o.adjustment());
        LocalDate newest = newestRelease.merge(key, o.vintage(), (a, b) -> a.isAfter(b) ? a : b);
        if (o.vintage().isBefore(newest)) {
            throw new PublicationOrderException("observation of the release of " + o.vintage() + " (" + o.indicator()
                    + " " + o.region() + " " + o.period() + ") after the release of " + newest + " of the same series: "
                    + "replay the vintages in publication order, oldest release first (the commands merge several files in that "
                    + "order, so one file is out of order within itself: sort its rows by release)");
        }
    }

    /**
     * Real time: applies the last release of every region; call after the last observation. Does
     * nothing for a backtest on the latest data.
     */
    public void finish() {
        if (releases != null && !sealed) { // a merged replay's shards finished their own releases
            releases.values().forEach(AsPublished::finish);
        }
    }

    /**
     * Real time: the same policies run over the latest value of every period (after the last
     * release replayed), period by period, as a backtest on today's data would run them.
     *
     * @throws IllegalStateException for a backtest that is not real time
     */
    public Backtest latestData() {
        if (releases == null) {
            throw new IllegalStateException("latestData() compares a real-time backtest with the latest data; "
                    + "this backtest already runs on the latest data");
        }
        List<MetricPoint> latest = new ArrayList<>();
        releases.values().forEach(t -> latest.addAll(t.latest().values()));
        Backtest today = new Backtest(policies, engine);
        today.observations = observations;
        today.seriesRead.addAll(seriesRead);
        today.metricsComputed.addAll(metricsComputed);
        today.recessionMonths.addAll(recessionMonths);
        today.recessionCoverageStart = recessionCoverageStart;
        today.recessionCoverageEnd = recessionCoverageEnd;
        regions.keySet().forEach(r -> today.regions.put(r, new RegionSeries()));
        today.decideInPeriodOrder(latest);
        return today;
    }

    /**
     * Takes over everything a shard of {@link RegionReplay} holds, after its last observation and
     * {@link #settle}: the shards hold disjoint regions, so every map keyed by region (or by policy,
     * region and sector) merges without overlap, and the events, sorted by {@link #events} with
     * their region in the key, keep each region's order.
     */
    void absorb(Backtest shard) {
        allEvents = null;
        regions.putAll(shard.regions);
        states.putAll(shard.states);
        frequencies.putAll(shard.frequencies);
        lastPeriods.putAll(shard.lastPeriods);
        events.addAll(shard.events);
        series.putAll(shard.series);
        recessionMonths.addAll(shard.recessionMonths);
        if (shard.recessionCoverageStart != null
                && (recessionCoverageStart == null || shard.recessionCoverageStart.isBefore(recessionCoverageStart))) {
            recessionCoverageStart = shard.recessionCoverageStart;
        }
        if (shard.recessionCoverageEnd != null
                && (recessionCoverageEnd == null || shard.recessionCoverageEnd.isAfter(recessionCoverageEnd))) {
            recessionCoverageEnd = shard.recessionCoverageEnd;
        }
        observations += shard.observations;
        seriesRead.addAll(shard.seriesRead);
        metricsComputed.addAll(shard.metricsComputed);
        deferred.putAll(shard.deferred);
        if (releases != null) {
            releases.putAll(shard.releases);
        }
        newestRelease.putAll(shard.newestRelease);
    }

    /** No more observations: see {@link #sealed}. */
    void seal() {
        sealed = true;
    }

    /** Points of several periods at once (a release, or the latest data): the policies take periods in order. */
    private void decideInPeriodOrder(List<MetricPoint> points) {
        allEvents = null;
        List<MetricPoint> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparing(MetricPoint::period).thenComparing(MetricPoint::region)
                .thenComparing(MetricPoint::sector).thenComparing(MetricPoint::metric)
                .thenComparing(MetricPoint::indicator));
        sorted.forEach(this::decide);
    }

    /** One point to the series kept and to every policy that reads it. */
    private void decide(MetricPoint point) {
        String seriesKey = point.metric() + "|" + point.region() + "|" + point.sector();
        if (point.isAvailable()) {
            series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).put(point.period(), point.value());
        } else {
            series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).remove(point.period());
        }
        for (Policy p : routes.readers(point)) {
            String key = TriggerKey.of(p.id(), point.region(), point.sector());
            frequencies.put(key, point.frequency());
            lastPeriods.merge(key, point.period(), (a, b) -> a.isAfter(b) ? a : b);
            events.addAll(TriggerEvaluator.onMetric(p, states.computeIfAbsent(key, k -> new TriggerState()),
                    point.region(), point.sector(), point));
        }
    }

    private MetricEngine engineFor(String region) {
        MetricEngine e = engineByRegion.get(region);
        if (e == null) {
            e = engineByMetrics.computeIfAbsent(routes.metricsReadIn(region), engine::only);
            engineByRegion.put(region, e);
        }
        return e;
    }

    /** The end of the input so far: evaluates the composite periods still waiting, once each, and decides them in period order. */
    void settle() {
        List<MetricPoint> points = new ArrayList<>();
        deferred.forEach((region, wait) -> {
            if (!wait.isEmpty()) {
                points.addAll(engineFor(region).flush(regions.get(region), region, wait));
            }
        });
        points.removeIf(point -> !read.contains(point.metric()));
        points.forEach(point -> metricsComputed.add(point.metric()));
        decideInPeriodOrder(points);
    }

    /**
     * The metrics the policies read that had at least one point, available or not; the roll-ups
     * count once a source policy's events made one.
     */
    public Set<String> metricsComputed() {
        events(); // decides the breadth policies, whose roll-up points count here
        return metricsComputed;
    }

    /** The input series the observations belonged to (any region). */
    public Set<SeriesId> seriesRead() {
        return seriesRead;
    }

    /** The regions the inputs had observations for. */
    public Set<String> regions() {
        return new TreeSet<>(regions.keySet());
    }

    public long observations() {
        return observations;
    }

    /**
     * The answer of {@link #events}, kept until the next observation or decision: the breadth
     * policies' roll-ups are rebuilt from every event, and callers ask for the events, the episodes
     * and the metrics computed in turn (a tenth of a backtest of everything went to doing it thrice).
     */
    private List<TriggerEvent> allEvents;

    private static final Comparator<TriggerEvent> EVENT_ORDER = Comparator.comparing(TriggerEvent::period)
            .thenComparing(TriggerEvent::policy).thenComparing(TriggerEvent::region).thenComparing(TriggerEvent::sector);

    /** Every event, in period order. */
    public List<TriggerEvent> events() {
        if (allEvents == null) {
            settle();
            // The roll-ups take the events in period order, not in the order they were decided (region
            // after region from a region replay): the order a live feed brings them in, whatever the
            // number of threads, and the one in which a roll-up recomputes one period per event rather
            // than every later period (0.18 s of a 1.2 s warm backtest of everything, on the merging thread).
            List<TriggerEvent> sorted = new ArrayList<>(events);
            sorted.sort(EVENT_ORDER);
            List<TriggerEvent> breadth = breadthEvents(sorted);
            if (!breadth.isEmpty()) {
                sorted.addAll(breadth);
                sorted.sort(EVENT_ORDER); // stable: the events of one key and period stay in decision order
            }
            allEvents = List.copyOf(sorted);
        }
        return allEvents;
    }

    /**
     * The events of the policies that read other policies' national roll-ups ({@code regions_on},
     * {@code regions_on_share_pct} of sector {@code policy:<id>}), decided on the final roll-ups: the
     * roll-up of each source policy is rebuilt from its events (every region's, in period order, as
     * {@link RegionsOnRollup} does in the job), and its last value for each period goes to the breadth
     * policy in period order. A backtest knows every region's decisions, so no period is decided on a
     * partial count. Computed afresh on each call.
     */
    private List<TriggerEvent> breadthEvents(List<TriggerEvent> direct) {
        List<TriggerEvent> out = new ArrayList<>();
        for (Policy p : policies) {
            if (!PolicyBook.readsRollUps(p)) {
                continue;
            }
            Map<String, TriggerState> breadthStates = new HashMap<>();
            // Every source the policy's scope covers (policy:<id> or a pattern such as policy:*), as the
            // job routes roll-up points; breadth policies have no roll-ups.
            for (Policy source : policies) {
                if (PolicyBook.readsRollUps(source)
                        || !p.scope().covers("US", RegionsOnRollup.SECTOR_PREFIX + source.id())) {
                    continue;
                }
                RegionsOnRollup rollup = new RegionsOnRollup();
                Map<String, MetricPoint> last = new TreeMap<>();
                for (TriggerEvent e : direct) {
                    if (e.policy().equals(source.id()) && e.frequency() != null) {
                        for (MetricPoint point : rollup.onEvent(e, e.frequency(), CoveredEmployment.byRegion())) {
                            last.put(point.period() + "|" + point.metric(), point);
                        }
                    }
                }
                for (MetricPoint point : last.values()) {
                    if (!p.reads(point)) {
                        continue;
                    }
                    metricsComputed.add(point.metric());
                    String key = TriggerKey.of(p.id(), point.region(), point.sector());
                    frequencies.put(key, point.frequency());
                    lastPeriods.merge(key, point.period(), (a, b) -> a.isAfter(b) ? a : b);
                    out.addAll(TriggerEvaluator.onMetric(p, breadthStates.computeIfAbsent(key, k -> new TriggerState()),
                            point.region(), point.sector(), point));
                }
            }
        }
        return out;
    }

    /** The ON spells, by policy, region, sector and start. */
    public List<Episode> episodes() {
        Map<String, List<TriggerEvent>> byKey = new TreeMap<>();
        for (TriggerEvent e : events()) {
            byKey.computeIfAbsent(TriggerKey.of(e.policy(), e.region(), e.sector()), k -> new ArrayList<>()).add(e);
        }
        List<Episode> episodes = new ArrayList<>();
        for (Map.Entry<String, List<TriggerEvent>> k : byKey.entrySet()) {
            Frequency f = frequencies.get(k.getKey());
            TriggerEvent enter = null;
            TriggerEvent highest = null;
            for (TriggerEvent e : k.getValue()) {
                if (e.transition() == Transition.ENTER) {
                    enter = e;
                    highest = e;
                } else if (enter != null && (e.transition() == Transition.TIER_UP || e.transition() == Transition.TIER_DOWN)) {
                    highest = e.tierLevel() > highest.tierLevel() ? e : highest;
                } else if (enter != null && e.transition() == Transition.EXIT) {
                    episodes.add(new Episode(enter.policy(), enter.region(), enter.sector(), enter.period(),
                            enter.effectiveFrom(), e.period(), e.effectiveUntil(), f.between(enter.period(), e.period()),
                            highest.tier()));
                    enter = null;
                }
            }
            if (enter != null) {
                LocalDate last = lastPeriods.get(k.getKey());
                episodes.add(new Episode(enter.policy(), enter.region(), enter.sector(), enter.period(),
                        enter.effectiveFrom(), null, null, f.between(enter.period(), last) + 1, highest.tier()));
            }
        }
        return episodes;
    }

    /** A metric's values for one region and sector, by period (empty if never computed). */
    public NavigableMap<LocalDate, BigDecimal> series(String metric, String region, String sector) {
        settle();
        return series.getOrDefault(metric + "|" + region + "|" + sector, new TreeMap<>());
    }

    /** NBER recession months (USREC = 1) seen in the input. */
    public Set<LocalDate> recessionMonths() {
        return recessionMonths;
    }

    /** The NBER recessions of the input, or null when no input carried USREC. */
    public RecessionRecord recessions() {
        return recessionCoverageStart == null ? null
                : new RecessionRecord(recessionMonths, recessionCoverageStart, recessionCoverageEnd);
    }

    /** The regions in which {@code policy} decided at least one period for {@code sector}, sorted. */
    public Set<String> regions(String policy, String sector) {
        settle();
        Set<String> regions = new TreeSet<>();
        for (String key : lastPeriods.keySet()) {
            String[] parts = key.split("\\|", -1);
            if (parts[0].equals(policy) && parts[2].equals(sector)) {
                regions.add(parts[1]);
            }
        }
        return regions;
    }

    /** The frequency of the periods {@code policy} decided for a region and sector, or null if none. */
    public Frequency frequency(String policy, String region, String sector) {
        settle();
        return frequencies.get(TriggerKey.of(policy, region, sector));
    }

    /** The last period {@code policy} decided for a region and sector, or null if none. */
    public LocalDate lastPeriod(String policy, String region, String sector) {
        settle();
        return lastPeriods.get(policy + "|" + region + "|" + sector);
    }
}
