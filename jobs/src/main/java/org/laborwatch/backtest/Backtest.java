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
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.SeriesId;
import org.laborwatch.policy.Policy;
import org.laborwatch.trigger.TriggerEvaluator;
import org.laborwatch.trigger.TriggerKey;
import org.laborwatch.trigger.TriggerState;

/**
 * Runs policies over history with the same code as the job ({@link MetricEngine} per region,
 * {@link TriggerEvaluator} per policy, region and sector), in one thread, in input order.
 *
 * <p>Keeps the series of the metrics the policies read, so a chart can show them, and the NBER
 * recession months when the input carries FRED's USREC ({@code recession}).
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
    private long observations;
    private final Set<SeriesId> seriesRead = new TreeSet<>();

    public Backtest(List<Policy> policies, MetricEngine engine) {
        this.policies = List.copyOf(policies);
        this.engine = engine;
        Set<String> metrics = new TreeSet<>();
        policies.forEach(p -> metrics.addAll(p.metrics()));
        this.read = metrics;
    }

    /** Feeds one observation through the metrics and every policy that reads what it changes. */
    public void accept(Observation o) {
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
        RegionSeries data = regions.computeIfAbsent(o.region(), r -> new RegionSeries());
        for (MetricPoint point : engine.apply(data, o).points()) {
            if (!read.contains(point.metric())) {
                continue;
            }
            String seriesKey = point.metric() + "|" + point.region() + "|" + point.sector();
            if (point.isAvailable()) {
                series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).put(point.period(), point.value());
            } else {
                series.computeIfAbsent(seriesKey, k -> new TreeMap<>()).remove(point.period());
            }
            for (Policy p : policies) {
                if (!p.reads(point)) {
                    continue;
                }
                String key = TriggerKey.of(p.id(), point.region(), point.sector());
                frequencies.put(key, point.frequency());
                lastPeriods.merge(key, point.period(), (a, b) -> a.isAfter(b) ? a : b);
                events.addAll(TriggerEvaluator.onMetric(p, states.computeIfAbsent(key, k -> new TriggerState()),
                        point.region(), point.sector(), point));
            }
        }
    }

    /** The metrics the policies read that had at least one point, available or not. */
    public Set<String> metricsComputed() {
        Set<String> names = new TreeSet<>();
        series.keySet().forEach(k -> names.add(k.substring(0, k.indexOf('|'))));
        return names;
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

    /** Every event, in period order. */
    public List<TriggerEvent> events() {
        List<TriggerEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(TriggerEvent::period).thenComparing(TriggerEvent::policy)
                .thenComparing(TriggerEvent::region).thenComparing(TriggerEvent::sector));
        return sorted;
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
        Set<String> regions = new TreeSet<>();
        for (String key : lastPeriods.keySet()) {
            String[] parts = key.split("\\|", -1);
            if (parts[0].equals(policy) && parts[2].equals(sector)) {
                regions.add(parts[1]);
            }
        }
        return regions;
    }

    /** The last period {@code policy} decided for a region and sector, or null if none. */
    public LocalDate lastPeriod(String policy, String region, String sector) {
        return lastPeriods.get(policy + "|" + region + "|" + sector);
    }
}
