package org.laborwatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A safety-net trigger policy, as data (DESIGN.md, "Policies and trigger events").
 *
 * <p>Made by {@link PolicyParser}, which validates every field; a held instance is valid.
 *
 * @param id policy id, such as {@code eb-iur}
 * @param version version; a runtime update only replaces a lower version
 * @param describe what the policy is, with its legal or published source
 * @param scope which regions and sectors it watches
 * @param enter the condition to turn on
 * @param exit the condition to turn off; {@code null} means {@code not-enter}
 * @param confirm consecutive periods a condition must hold before a transition
 * @param minOn periods an ON state lasts at least
 * @param lockout periods after an OFF before a new ON
 * @param tiers tiers while ON, in ascending order; empty when the policy has only a base tier
 * @param effective how the effective dates follow the deciding period
 * @param revisions what revised data do to past decisions
 * @param unavailable what a period with unavailable data does
 * @param illustrative true for policies that are not law or a published proposal
 * @param parameters values conditions use, with per-region values ({@link #forRegion} applies them)
 * @param watch the early-warning condition while OFF (WATCH when it starts to hold, CLEAR when it
 *     stops without an ENTER); null for none
 * @param schedule bands that map a value to an output level while ON (its bands are the tiers); null for none
 */
public record Policy(
        String id,
        int version,
        String describe,
        Scope scope,
        Condition enter,
        Condition exit,
        Confirm confirm,
        int minOn,
        int lockout,
        List<Tier> tiers,
        Effective effective,
        RevisionMode revisions,
        UnavailableMode unavailable,
        boolean illustrative,
        Parameters parameters,
        Condition watch,
        Schedule schedule) implements Serializable {

    public Policy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(enter, "enter");
        confirm = confirm == null ? new Confirm(1, 1) : confirm;
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
        effective = effective == null ? Effective.SAME_PERIOD : effective;
        revisions = revisions == null ? RevisionMode.PROSPECTIVE : revisions;
        unavailable = unavailable == null ? UnavailableMode.HOLD : unavailable;
        parameters = parameters == null ? Parameters.NONE : parameters;
    }

    /**
     * The policy as it applies to {@code region}: every parameter replaced by the region's value.
     * Itself when the policy declares no parameters.
     */
    public Policy forRegion(String region) {
        if (parameters.isEmpty()) {
            return this;
        }
        Map<String, Object> values = parameters.valuesFor(region);
        List<Tier> bound = tiers.stream().map(t -> new Tier(t.name(), t.when().bind(values))).toList();
        return new Policy(id, version, describe, scope, enter.bind(values), exit == null ? null : exit.bind(values),
                confirm, minOn, lockout, bound, effective, revisions, unavailable, illustrative, parameters,
                watch == null ? null : watch.bind(values), schedule);
    }

    /**
     * What {@link #metrics} and {@link #lags} derive from the conditions, by policy object: they are
     * asked for every metric point routed and every period decided, and building them anew was a
     * third of the job's routing and a quarter of its trigger state machine in the demo. A record
     * cannot hold them; a policy is immutable, so a policy object's answers never change. A static
     * map (not a thread-local one: a long-lived thread of a session cluster would keep the job's
     * classes alive), keyed by identity, not by the record's deep {@code equals}.
     */
    private static final Map<Identity, Derived> DERIVED = new java.util.concurrent.ConcurrentHashMap<>();

    /** How many policy objects the map keeps (policy updates make new objects; a job has a few). */
    private static final int DERIVED_KEPT = 1024;

    private record Derived(Set<String> metrics, Map<String, Integer> lags) {}

    /** A policy object as a key: itself, not an equal one. */
    private record Identity(Policy policy) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.policy == policy;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(policy);
        }
    }

    private Derived derived() {
        Identity key = new Identity(this);
        Derived d = DERIVED.get(key);
        if (d == null) {
            Set<String> metrics = java.util.Collections.unmodifiableSet(computeMetrics());
            d = new Derived(metrics, java.util.Collections.unmodifiableMap(computeLags(metrics)));
            if (DERIVED.size() >= DERIVED_KEPT) {
                DERIVED.clear();
            }
            DERIVED.put(key, d);
        }
        return d;
    }

    /** Every metric the policy reads: a period is evaluated once all of them are known for it. */
    public Set<String> metrics() {
        return derived().metrics();
    }

    private Set<String> computeMetrics() {
        Set<String> m = new TreeSet<>(enter.metrics());
        if (exit != null) {
            m.addAll(exit.metrics());
        }
        tiers.forEach(t -> m.addAll(t.when().metrics()));
        if (watch != null) {
            m.addAll(watch.metrics());
        }
        return m;
    }

    /**
     * The metrics some condition reads in earlier periods ({@code sahm_gap[-1]}), with the most
     * periods back: the trigger state keeps that many decided periods of their values.
     */
    public Map<String, Integer> lags() {
        return derived().lags();
    }

    private Map<String, Integer> computeLags(Set<String> metrics) {
        Map<String, Integer> lags = new TreeMap<>();
        List<Condition> all = new java.util.ArrayList<>();
        all.add(enter);
        if (exit != null) {
            all.add(exit);
        }
        if (watch != null) {
            all.add(watch);
        }
        tiers.forEach(t -> all.add(t.when()));
        for (String metric : metrics) {
            int lag = all.stream().mapToInt(c -> c.maxLag(metric)).max().orElse(0);
            if (lag > 0) {
                lags.put(metric, lag);
            }
        }
        return lags;
    }

    /**
     * The thresholds of the enter condition alone, by metric: what a WATCH or CLEAR event measures
     * the distance to.
     */
    public Map<String, BigDecimal> enterThresholds() {
        Map<String, BigDecimal> t = new TreeMap<>();
        enter.collectThresholds(t);
        return t;
    }

    /**
     * The routing rule, owned here for the job and the backtest alike: a metric point goes to this
     * policy when the policy reads its metric and covers its region and sector.
     */
    public boolean reads(org.laborwatch.contract.MetricPoint point) {
        return scope.covers(point.region(), point.sector()) && metrics().contains(point.metric());
    }

    /** The thresholds of the enter condition (and tiers), by metric, for event evidence. */
    public Map<String, BigDecimal> thresholds() {
        Map<String, BigDecimal> t = new TreeMap<>();
        enter.collectThresholds(t);
        tiers.forEach(tier -> tier.when().collectThresholds(t));
        return t;
    }

    /** Whether the policy's exit is the negation of its enter condition. */
    public boolean exitIsNotEnter() {
        return exit == null;
    }

    /**
     * Which regions and sectors a policy watches. Patterns are exact codes or end in {@code *}
     * ({@code US-*} is every state, not the nation).
     *
     * @param regions region patterns
     * @param sectors sector patterns
     */
    public record Scope(List<String> regions, List<String> sectors) implements Serializable {
        public Scope {
            regions = List.copyOf(regions);
            sectors = List.copyOf(sectors);
        }

        /** Whether the key is in scope. */
        public boolean covers(String region, String sector) {
            return coversRegion(region) && matchesAny(sectors, sector);
        }

        /** Whether some key of {@code region} is in scope (the region, whatever the sector). */
        public boolean coversRegion(String region) {
            return matchesAny(regions, region);
        }

        private static boolean matchesAny(List<String> patterns, String value) {
            // By index, and a pattern's prefix compared in place: an iterator and a substring per
            // pattern and point were half of what routing allocated (#13's fourteenth part).
            for (int i = 0; i < patterns.size(); i++) {
                String p = patterns.get(i);
                if (p.endsWith("*") ? value.length() >= p.length() && value.regionMatches(0, p, 0, p.length() - 1)
                        : p.equals(value)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Consecutive periods a condition must hold before the state changes.
     *
     * @param enter periods the enter condition must hold
     * @param exit periods the exit condition must hold
     */
    public record Confirm(int enter, int exit) implements Serializable {}

    /**
     * A tier while ON, such as the EB high-unemployment period.
     *
     * @param name tier name
     * @param when the condition for this tier
     */
    public record Tier(String name, Condition when) implements Serializable {}

    /**
     * How effective dates follow the deciding period.
     *
     * <p>With {@code lagWeeks = 3} and {@code startsOn = SUNDAY} (EB, 20 CFR 615.11): a period begins
     * on the Sunday of the third week after the ON week and ends on the Saturday of the third week
     * after the first OFF week. With {@code lagMonths = 1}: the first day of the month after.
     *
     * @param lagWeeks weeks after the deciding week
     * @param lagMonths months after the deciding month
     * @param startsOn the day weeks start on ({@code SUNDAY} for UI weeks), or null for monthly lags
     */
    public record Effective(int lagWeeks, int lagMonths, java.time.DayOfWeek startsOn) implements Serializable {
        /** Effective in the deciding period itself. */
        public static final Effective SAME_PERIOD = new Effective(0, 0, null);
    }

    /** What revised data do to decisions already made. */
    public enum RevisionMode {
        /** Revisions count from now on; past decisions stand (EB practice, 20 CFR 615.11(d)). */
        PROSPECTIVE,
        /** Past decisions are re-evaluated and CORRECTION events emitted where they change. */
        RESTATE
    }

    /** What a period whose metrics are unavailable does. */
    public enum UnavailableMode {
        /** The state is held; the period does not count towards confirmations or durations. */
        HOLD,
        /** The state is held and a DATA_UNAVAILABLE event is emitted. */
        EMIT
    }
}
