package org.laborwatch.trigger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Condition.Outcome;
import org.laborwatch.policy.Policy;

/**
 * The trigger state machine of one policy for one region and sector, as plain Java.
 *
 * <p>Metric points arrive one at a time; a period is evaluated once every metric the policy reads
 * has arrived for it (a value or an unavailable marker), or when a later period is complete, so a
 * metric that never comes cannot stall the policy. Periods are decided in order: enter needs
 * {@code confirm.enter} consecutive periods, exit {@code confirm.exit}; an ON state lasts at least
 * {@code min_on} periods, and no new ON comes within {@code lockout} periods of an OFF. Thresholds
 * are compared exactly, as decimals. A period with unavailable data holds the state and does not
 * count towards a streak.
 *
 * <p>Revisions are prospective: a point for a period already decided is not applied to the past.
 */
public final class TriggerEvaluator {

    /** The tier of an ON state whose policy has no tier that holds. */
    public static final String BASE = "base";
    /** The tier of an OFF state. */
    public static final String OFF = "off";
    /** Periods held waiting for inputs before the oldest is decided without them. */
    static final int MAX_PENDING = 60;

    private TriggerEvaluator() {}

    /**
     * Takes one metric point for the key and returns the events it causes, in period order.
     *
     * @param now the time stamped on emitted events
     */
    public static List<TriggerEvent> onMetric(Policy policy, TriggerState state, String region, String sector,
            MetricPoint point, Instant now) {
        if (!policy.metrics().contains(point.metric())) {
            return List.of();
        }
        if (state.lastPeriod != null && !point.period().isAfter(state.lastPeriod)) {
            return List.of();
        }
        state.frequency = point.frequency();
        state.pending.computeIfAbsent(point.period(), p -> new TreeMap<>())
                .put(point.metric(), point.isAvailable() ? point.value() : TriggerState.UNAVAILABLE);
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
            step(policy, state, region, sector, period, values, vintage, now, events);
        }
        return events;
    }

    private static void step(Policy policy, TriggerState state, String region, String sector, LocalDate period,
            Map<String, BigDecimal> values, LocalDate vintage, Instant now, List<TriggerEvent> events) {
        state.lastPeriod = period;
        Outcome enter = policy.enter().evaluate(values::get);
        Outcome exit = policy.exitIsNotEnter() ? not(enter) : policy.exit().evaluate(values::get);
        Outcome deciding = state.on ? exit : enter;
        if (deciding == Outcome.UNKNOWN) {
            if (policy.unavailable() == Policy.UnavailableMode.EMIT) {
                events.add(event(policy, region, sector, Transition.DATA_UNAVAILABLE, state.tier, period, null, null,
                        values, vintage, now));
            }
            return;
        }
        if (!state.on) {
            state.enterStreak = enter == Outcome.TRUE ? state.enterStreak + 1 : 0;
            boolean lockedOut = state.offPeriod != null
                    && state.frequency.between(state.offPeriod, period) < policy.lockout();
            if (state.enterStreak >= policy.confirm().enter() && !lockedOut) {
                state.on = true;
                state.onPeriod = period;
                state.exitStreak = 0;
                state.tier = tierOf(policy, values);
                events.add(event(policy, region, sector, Transition.ENTER, state.tier, period,
                        EffectiveDates.from(policy.effective(), period), null, values, vintage, now));
            }
            return;
        }
        state.exitStreak = exit == Outcome.TRUE ? state.exitStreak + 1 : 0;
        boolean heldLongEnough = state.frequency.between(state.onPeriod, period) >= policy.minOn();
        if (state.exitStreak >= policy.confirm().exit() && heldLongEnough) {
            state.on = false;
            state.offPeriod = period;
            state.enterStreak = 0;
            state.tier = OFF;
            events.add(event(policy, region, sector, Transition.EXIT, OFF, period,
                    EffectiveDates.from(policy.effective(), period), EffectiveDates.until(policy.effective(), period),
                    values, vintage, now));
            return;
        }
        String tier = tierOf(policy, values);
        if (!tier.equals(state.tier)) {
            Transition t = rank(policy, tier) > rank(policy, state.tier) ? Transition.TIER_UP : Transition.TIER_DOWN;
            state.tier = tier;
            events.add(event(policy, region, sector, t, tier, period, EffectiveDates.from(policy.effective(), period),
                    null, values, vintage, now));
        }
    }

    /** The highest tier whose condition holds, or {@link #BASE}. */
    static String tierOf(Policy policy, Map<String, BigDecimal> values) {
        String tier = BASE;
        for (Policy.Tier t : policy.tiers()) {
            if (t.when().evaluate(values::get) == Outcome.TRUE) {
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

    private static TriggerEvent event(Policy policy, String region, String sector, Transition transition, String tier,
            LocalDate period, LocalDate from, LocalDate until, Map<String, BigDecimal> values, LocalDate vintage,
            Instant now) {
        SortedMap<String, BigDecimal> evidence = new TreeMap<>();
        values.forEach((k, v) -> {
            if (v != null) {
                evidence.put(k, v);
            }
        });
        return new TriggerEvent(
                TriggerEvent.idFor(policy.id(), policy.version(), region, sector, period, transition, tier),
                policy.id(), policy.version(), region, sector, transition, tier, level(policy, tier), period, from, until,
                evidence,
                new TreeMap<>(policy.thresholds()), vintage, now);
    }

}
