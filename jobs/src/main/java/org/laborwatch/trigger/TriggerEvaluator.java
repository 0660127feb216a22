package org.laborwatch.trigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Condition.Outcome;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.Schedule;

/**
 * The trigger state machine of one policy for one region and sector, as plain Java.
 *
 * <p>Metric points arrive one at a time; a period is decided once every metric the policy reads
 * has arrived for it (a value or an unavailable marker), or when a later period is complete, so a
 * metric that never comes cannot stall the policy. Periods are decided in order: enter needs
 * {@code confirm.enter} consecutive periods, exit {@code confirm.exit}; an ON state lasts at least
 * {@code min_on} periods, and no new ON comes within {@code lockout} periods of an OFF. Thresholds
 * are compared exactly, as decimals. A period with unavailable data holds the state and does not
 * count towards a streak.
 *
 * <p>Revised data for a decided period: a {@code prospective} policy keeps its past decisions (EB
 * practice, 20 CFR 615.11(d)); a {@code restate} policy re-runs its kept history from that period
 * and emits a CORRECTION for every earlier event the revised data no longer support, and the new
 * events they do support. Events carry no wall-clock time, so the same inputs give byte-identical
 * events.
 */
public final class TriggerEvaluator {

    /** The tier of an ON state whose policy has no tier that holds. */
    public static final String BASE = "base";
    /** The tier of an OFF state. */
    public static final String OFF = "off";
    /**
     * Periods held waiting for inputs before the oldest is decided without them: two years of weeks,
     * so one input series of a region may lag the others by that much.
     */
    static final int MAX_PENDING = 2 * 53 + 1;
    /** Decided periods a restating policy keeps: two years of weeks. */
    static final int MAX_HISTORY = 2 * 53 + 1;

    private TriggerEvaluator() {}

    /** Takes one metric point for the key and returns the events it causes, in period order. */
    public static List<TriggerEvent> onMetric(Policy policy, TriggerState state, String region, String sector,
            MetricPoint point) {
        if (!policy.metrics().contains(point.metric())) {
            return List.of();
        }
        BigDecimal value = point.isAvailable() ? point.value() : null;
        if (state.lastPeriod != null && !point.period().isAfter(state.lastPeriod)) {
            return policy.revisions() == Policy.RevisionMode.RESTATE
                    ? restate(policy, state, region, sector, point, value)
                    : List.of();
        }
        state.frequency = point.frequency();
        state.pending.computeIfAbsent(point.period(), p -> new TreeMap<>()).put(point.metric(), value);
        if (point.vintage() != null) {
            state.pendingVintage.merge(point.period(), point.vintage(), (a, b) -> a.isAfter(b) ? a : b);
        }
        LocalDate decideUpTo = null;
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : state.pending.entrySet()) {
            if (e.getValue().keySet().containsAll(policy.metrics())) {
                decideUpTo = e.getKey();
            }
        }
        if (decideUpTo == null && state.pending.size() > MAX_PENDING) {
            decideUpTo = state.pending.firstKey();
        }
        List<TriggerEvent> events = new ArrayList<>();
        while (decideUpTo != null && !state.pending.isEmpty() && !state.pending.firstKey().isAfter(decideUpTo)) {
            LocalDate period = state.pending.firstKey();
            Map<String, BigDecimal> values = state.pending.remove(period);
            LocalDate vintage = state.pendingVintage.remove(period);
            TriggerState.Core before = state.core.copy();
            List<TriggerEvent> decided = step(policy, state.core, state.frequency, region, sector, period, values, vintage);
            state.lastPeriod = period;
            if (policy.revisions() == Policy.RevisionMode.RESTATE) {
                state.history.put(period, new TriggerState.Decided(values, vintage, before, ids(decided)));
                while (state.history.size() > MAX_HISTORY) {
                    state.history.pollFirstEntry();
                }
            }
            events.addAll(decided);
        }
        return events;
    }

    /** Re-runs the kept history from a revised period and reports what changed. */
    private static List<TriggerEvent> restate(Policy policy, TriggerState state, String region, String sector,
            MetricPoint point, BigDecimal value) {
        TriggerState.Decided revised = state.history.get(point.period());
        if (revised == null) {
            return List.of();
        }
        BigDecimal old = revised.values.get(point.metric());
        boolean changed = !revised.values.containsKey(point.metric())
                || (old == null ? value != null : value == null || old.compareTo(value) != 0);
        if (!changed) {
            return List.of();
        }
        revised.values.put(point.metric(), value);
        if (point.vintage() != null && (revised.vintage == null || point.vintage().isAfter(revised.vintage))) {
            revised.vintage = point.vintage();
        }
        TriggerState.Core core = revised.before.copy();
        List<TriggerEvent> out = new ArrayList<>();
        for (Map.Entry<LocalDate, TriggerState.Decided> e : state.history.tailMap(point.period(), true).entrySet()) {
            TriggerState.Decided d = e.getValue();
            d.before = core.copy();
            List<TriggerEvent> now = step(policy, core, state.frequency, region, sector, e.getKey(), d.values, d.vintage);
            Set<String> nowIds = new HashSet<>(ids(now));
            for (String previous : d.events) {
                if (!nowIds.contains(previous)) {
                    out.add(correction(policy, state.frequency, core, region, sector, e.getKey(), previous, d.values, d.vintage));
                }
            }
            for (TriggerEvent n : now) {
                if (!d.events.contains(n.eventId())) {
                    out.add(n);
                }
            }
            d.events = ids(now);
        }
        state.core = core;
        return out;
    }

    /**
     * Decides one period: updates {@code core} and returns the events. Then remembers the values
     * lagged conditions will read in later periods.
     */
    private static List<TriggerEvent> step(Policy policy, TriggerState.Core core, Frequency frequency,
            String region, String sector, LocalDate period, Map<String, BigDecimal> values, LocalDate vintage) {
        // The region's parameter values (such as the EB options a state adopted), as its thresholds and evidence.
        policy = policy.forRegion(region);
        Map<String, Integer> lags = policy.lags();
        if (lags.isEmpty()) {
            return decide(policy, core, frequency, region, sector, period, values, vintage, values::get);
        }
        Function<String, BigDecimal> lookup = key -> valueOf(key, core, frequency, period, values);
        List<TriggerEvent> events = decide(policy, core, frequency, region, sector, period, values, vintage, lookup);
        remember(core, period, values, lags);
        return events;
    }

    /**
     * A metric's value in the deciding period, or for a lagged key ({@code sahm_gap[-2]}) in the
     * period that many periods before, from the values remembered then; null when it has none (not
     * decided, unavailable, or before the first period), which makes the comparison unknown.
     */
    private static BigDecimal valueOf(String key, TriggerState.Core core, Frequency frequency, LocalDate period,
            Map<String, BigDecimal> values) {
        int bracket = key.indexOf("[-");
        if (bracket < 0) {
            return values.get(key);
        }
        int lag = Integer.parseInt(key.substring(bracket + 2, key.length() - 1));
        Map<String, BigDecimal> then = core.recent.get(frequency.plus(period, -lag));
        return then == null ? null : then.get(key.substring(0, bracket));
    }

    /** Keeps the lagged metrics' values of {@code period}, and as many decided periods as the longest lag. */
    private static void remember(TriggerState.Core core, LocalDate period, Map<String, BigDecimal> values,
            Map<String, Integer> lags) {
        Map<String, BigDecimal> kept = new TreeMap<>();
        lags.keySet().forEach(m -> kept.put(m, values.get(m)));
        core.recent.put(period, kept);
        int longest = lags.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        while (core.recent.size() > longest) {
            core.recent.pollFirstEntry();
        }
    }

    private static List<TriggerEvent> decide(Policy policy, TriggerState.Core core, Frequency frequency,
            String region, String sector, LocalDate period, Map<String, BigDecimal> values, LocalDate vintage,
            Function<String, BigDecimal> lookup) {
        Outcome enter = policy.enter().evaluate(lookup);
        Outcome exit = policy.exitIsNotEnter() ? not(enter) : policy.exit().evaluate(lookup);
        Outcome deciding = core.on ? exit : enter;
        if (deciding == Outcome.UNKNOWN) {
            return policy.unavailable() == Policy.UnavailableMode.EMIT
                    ? List.of(event(policy, frequency, region, sector, Transition.DATA_UNAVAILABLE, core.tier, period, null, null,
                            values, vintage, null, null))
                    : List.of();
        }
        if (!core.on) {
            core.enterStreak = enter == Outcome.TRUE ? core.enterStreak + 1 : 0;
            boolean lockedOut = core.offPeriod != null && frequency.between(core.offPeriod, period) < policy.lockout();
            if (core.enterStreak >= policy.confirm().enter() && !lockedOut) {
                core.on = true;
                core.onPeriod = period;
                core.exitStreak = 0;
                core.tier = tierOf(policy, lookup);
                // An ENTER ends a watch: it says how long the watch lasted, and needs no CLEAR.
                TriggerEvent.Watch watched = core.watching
                        ? watch(policy, core.watchSince, frequency.between(core.watchSince, period), values) : null;
                core.watching = false;
                core.watchSince = null;
                return List.of(event(policy, frequency, region, sector, Transition.ENTER, core.tier, period,
                        EffectiveDates.from(policy.effective(), period), null, values, vintage, null, watched));
            }
            return early(policy, core, frequency, region, sector, period, values, vintage, lookup);
        }
        core.exitStreak = exit == Outcome.TRUE ? core.exitStreak + 1 : 0;
        boolean heldLongEnough = frequency.between(core.onPeriod, period) >= policy.minOn();
        if (core.exitStreak >= policy.confirm().exit() && heldLongEnough) {
            core.on = false;
            core.offPeriod = period;
            core.enterStreak = 0;
            core.tier = OFF;
            return List.of(event(policy, frequency, region, sector, Transition.EXIT, OFF, period,
                    EffectiveDates.from(policy.effective(), period), EffectiveDates.until(policy.effective(), period),
                    values, vintage, null, null));
        }
        String tier = tierOf(policy, lookup);
        if (!tier.equals(core.tier)) {
            Transition t = rank(policy, tier) > rank(policy, core.tier) ? Transition.TIER_UP : Transition.TIER_DOWN;
            core.tier = tier;
            return List.of(event(policy, frequency, region, sector, t, tier, period, EffectiveDates.from(policy.effective(), period),
                    null, values, vintage, null, null));
        }
        return List.of();
    }

    /**
     * The early warning of an OFF key that did not enter: WATCH when the policy's watch condition
     * begins to hold, CLEAR when it stops; an unknown watch condition holds the watch as it is.
     */
    private static List<TriggerEvent> early(Policy policy, TriggerState.Core core, Frequency frequency, String region,
            String sector, LocalDate period, Map<String, BigDecimal> values, LocalDate vintage,
            Function<String, BigDecimal> lookup) {
        if (policy.watch() == null) {
            return List.of();
        }
        Outcome w = policy.watch().evaluate(lookup);
        if (w == Outcome.TRUE && !core.watching) {
            core.watching = true;
            core.watchSince = period;
            return List.of(event(policy, frequency, region, sector, Transition.WATCH, core.tier, period, null, null,
                    values, vintage, null, watch(policy, period, 1, values)));
        }
        if (w == Outcome.FALSE && core.watching) {
            TriggerEvent.Watch lasted = watch(policy, core.watchSince, frequency.between(core.watchSince, period), values);
            core.watching = false;
            core.watchSince = null;
            return List.of(event(policy, frequency, region, sector, Transition.CLEAR, core.tier, period, null, null,
                    values, vintage, null, lasted));
        }
        return List.of();
    }

    /** The watch facts: since when, for how many periods, and each enter threshold minus its metric's value. */
    private static TriggerEvent.Watch watch(Policy policy, LocalDate since, long periods, Map<String, BigDecimal> values) {
        SortedMap<String, BigDecimal> distance = new TreeMap<>();
        policy.enterThresholds().forEach((metric, threshold) -> {
            BigDecimal v = values.get(metric);
            if (v != null) {
                distance.put(metric, threshold.subtract(v));
            }
        });
        return new TriggerEvent.Watch(since, (int) periods, distance);
    }

    /** The highest tier whose condition holds, or {@link #BASE}. */
    static String tierOf(Policy policy, Function<String, BigDecimal> values) {
        String tier = BASE;
        for (Policy.Tier t : policy.tiers()) {
            if (t.when().evaluate(values) == Outcome.TRUE) {
                tier = t.name();
            }
        }
        return tier;
    }

    /** 0 off, 1 base, 2 and up for the policy's tiers in order. */
    static int level(Policy policy, String tier) {
        return OFF.equals(tier) ? 0 : rank(policy, tier) + 1;
    }

    private static int rank(Policy policy, String tier) {
        for (int i = 0; i < policy.tiers().size(); i++) {
            if (policy.tiers().get(i).name().equals(tier)) {
                return i + 1;
            }
        }
        return 0;
    }

    private static Outcome not(Outcome o) {
        return switch (o) {
            case TRUE -> Outcome.FALSE;
            case FALSE -> Outcome.TRUE;
            case UNKNOWN -> Outcome.UNKNOWN;
        };
    }

    private static List<String> ids(List<TriggerEvent> events) {
        List<String> ids = new ArrayList<>(events.size());
        events.forEach(e -> ids.add(e.eventId()));
        return ids;
    }

    private static TriggerEvent correction(Policy policy, Frequency frequency, TriggerState.Core core, String region,
            String sector, LocalDate period, String corrects, Map<String, BigDecimal> values, LocalDate vintage) {
        return event(policy, frequency, region, sector, Transition.CORRECTION, core.tier, period, null, null, values, vintage,
                corrects, null);
    }

    private static TriggerEvent event(Policy policy, Frequency frequency, String region, String sector,
            Transition transition, String tier, LocalDate period, LocalDate from, LocalDate until, Map<String, BigDecimal> values, LocalDate vintage,
            String corrects, TriggerEvent.Watch watch) {
        SortedMap<String, BigDecimal> evidence = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                evidence.put(k, v);
            }
        });
        Instant emitted = vintage == null ? null : vintage.atStartOfDay(ZoneOffset.UTC).toInstant();
        return new TriggerEvent(
                TriggerEvent.idFor(policy.id(), policy.version(), region, sector, period, transition, tier, corrects),
                policy.id(), policy.version(), region, sector, transition, tier, level(policy, tier), period, frequency,
                from, until,
                evidence, new TreeMap<>(policy.thresholds()), corrects, vintage, emitted, watch,
                level(policy, transition, tier));
    }

    /** A schedule policy's output level after an ENTER or a tier change: the band the tier stands for. */
    private static TriggerEvent.Level level(Policy policy, Transition transition, String tier) {
        Schedule schedule = policy.schedule();
        if (schedule == null || (transition != Transition.ENTER && transition != Transition.TIER_UP
                && transition != Transition.TIER_DOWN)) {
            return null;
        }
        int band = schedule.bandOf(tier);
        return new TriggerEvent.Level(schedule.output(), schedule.unit(), schedule.bands().get(band).level(),
                new TriggerEvent.Band(band, schedule.above(band), schedule.bands().get(band).upTo()));
    }
}
