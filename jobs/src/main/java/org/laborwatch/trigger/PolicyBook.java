package org.laborwatch.trigger;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.laborwatch.policy.MetricNames;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyException;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.rollup.RegionsOnRollup;

/**
 * The policies in effect: those loaded at start, overridden by runtime updates.
 *
 * <p>Updates are kept by the caller as policy texts (in Flink, broadcast state, which is
 * checkpointed), and parsed here once per text. An update is applied only if it parses, validates
 * and has a higher version than the policy it replaces, so a bad or late update never displaces a
 * good one. Plain Java so the decision is unit-tested without Flink.
 */
public final class PolicyBook implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Policy> initial = new LinkedHashMap<>();
    private transient Map<String, Policy> parsed;

    /**
     * A book of the policies loaded at start.
     *
     * @throws IllegalArgumentException for a breadth policy over another breadth policy ({@link #breadthOfBreadth})
     */
    public PolicyBook(Collection<Policy> initial) {
        requireNoBreadthOfBreadth(initial);
        initial.forEach(p -> this.initial.put(p.id(), p));
    }

    /**
     * Refuses a set of policies in which one reads the national roll-ups of a breadth policy
     * ({@link #breadthOfBreadth}): the job and the backtest would never decide it.
     *
     * @throws IllegalArgumentException naming both policies
     */
    public static void requireNoBreadthOfBreadth(Collection<Policy> policies) {
        Map<String, Policy> byId = new HashMap<>();
        policies.forEach(p -> byId.put(p.id(), p));
        for (Policy p : policies) {
            String refusal = breadthOfBreadth(p, byId::get);
            if (refusal != null) {
                throw new IllegalArgumentException(refusal);
            }
        }
    }

    /**
     * Why {@code p} is refused if it reads the national roll-ups of a policy that itself reads
     * roll-ups, else null: the job rolls up the events of the policies that read no roll-ups only
     * (the breadth stage comes after the roll-ups; rolling its events up again would be a cycle), so
     * such a policy would never decide.
     */
    static String breadthOfBreadth(Policy p, Function<String, Policy> byId) {
        if (!readsRollUps(p)) {
            return null;
        }
        for (String sector : p.scope().sectors()) {
            if (!sector.startsWith(RegionsOnRollup.SECTOR_PREFIX) || sector.endsWith("*")) {
                continue;
            }
            String source = sector.substring(RegionsOnRollup.SECTOR_PREFIX.length());
            Policy s = source.equals(p.id()) ? p : byId.apply(source);
            if (s != null && readsRollUps(s)) {
                return "policy '" + p.id() + "' reads the national roll-ups of policy '" + source + "', which itself reads"
                        + " roll-ups: the events of a breadth policy are not rolled up, so it would never decide;"
                        + " read the roll-ups of the policies '" + source + "' reads instead";
            }
        }
        return null;
    }

    /** Whether a policy reads national roll-ups ({@code regions_on}, {@code regions_on_share_pct}): a breadth policy. */
    public static boolean readsRollUps(Policy p) {
        return !Collections.disjoint(p.metrics(), MetricNames.ROLL_UPS);
    }

    /**
     * The decision on an update.
     *
     * @param policy the parsed policy when applied, else null
     * @param id the policy id, or null if the text did not parse far enough to name one
     * @param version the version of the update, or 0
     * @param refusal why the update was refused; null when applied
     */
    public record Decision(Policy policy, String id, int version, String refusal) {
        public boolean applied() {
            return refusal == null;
        }
    }

    /**
     * Decides on a policy update that came without a key.
     *
     * @param text the update as YAML or JSON
     * @param heldText the update text currently held for an id, or null
     */
    public Decision offer(String text, Function<String, String> heldText) {
        return offer(PolicyUpdate.unkeyed(text), heldText);
    }

    /**
     * Decides on a policy update. A refusal names the id and version whenever the text yields
     * them, even when it does not parse as a policy. An update whose key is not its id is
     * refused: on a compacted topic it would displace another policy's text.
     *
     * @param heldText the update text currently held for an id, or null
     */
    public Decision offer(PolicyUpdate offered, Function<String, String> heldText) {
        String text = offered.text();
        Policy update;
        try {
            update = parse(text);
        } catch (PolicyException | IllegalArgumentException e) {
            PolicyParser.Identity who = PolicyParser.identify(text);
            return new Decision(null, who.id(), who.version(), e.getMessage());
        }
        if (offered.key() != null && !offered.key().equals(update.id())) {
            return new Decision(null, update.id(), update.version(), "the Kafka key '" + printable(offered.key())
                    + "' is not the policy id '" + update.id() + "': publish a policy under its id, or the topic's"
                    + " compaction would replace the text stored under that key; the policy in effect is kept");
        }
        String chained = breadthOfBreadth(update, id -> current(id, heldText.apply(id)));
        if (chained != null) {
            return new Decision(null, update.id(), update.version(), chained + "; the policy in effect is kept");
        }
        Policy held = current(update.id(), heldText.apply(update.id()));
        if (held != null && update.version() <= held.version()) {
            return new Decision(null, update.id(), update.version(), "version " + update.version()
                    + " is not newer than the version in effect (" + held.version() + ")");
        }
        return new Decision(update, update.id(), update.version(), null);
    }

    /** A key for a message: at most 64 characters, control characters shown as '?'. */
    private static String printable(String key) {
        String shown = key.length() > 64 ? key.substring(0, 64) + "…" : key;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }

    /** The policy in effect for an id given the held update text (or null), or null if none. */
    public Policy current(String id, String heldText) {
        return heldText != null ? parse(heldText) : initial.get(id);
    }

    /** Every policy in effect, given the held update texts by id. */
    public List<Policy> all(Map<String, String> heldTexts) {
        Map<String, Policy> all = new LinkedHashMap<>(initial);
        heldTexts.forEach((id, text) -> all.put(id, parse(text)));
        return new ArrayList<>(all.values());
    }

    private Policy parse(String text) {
        if (parsed == null) {
            parsed = new HashMap<>();
        }
        Policy p = parsed.get(text);
        if (p == null) {
            p = PolicyParser.parse(text);
            parsed.put(text, p);
        }
        return p;
    }
}
