package org.laborwatch.notify;

import java.io.Serializable;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/**
 * Which trigger events a subscriber wants. An empty set means "any"; region patterns are globs
 * where {@code *} stands for any characters ({@code US-*} every state, {@code US} the nation).
 * Events of illustrative policies (not law or a published proposal) reach a subscriber only when
 * it asks for them.
 *
 * @param policies policy ids, or empty for every policy
 * @param regions region globs, or empty for every region
 * @param transitions transitions, or empty for every transition
 * @param tiers tier names ({@code base}, {@code off}, a policy's tier), or empty for every tier
 * @param illustrative whether events of illustrative policies count
 */
public record SubscriberFilter(Set<String> policies, List<String> regions, Set<Transition> transitions,
        Set<String> tiers, boolean illustrative) implements Serializable {

    private static final long serialVersionUID = 1L;

    public SubscriberFilter {
        policies = Set.copyOf(policies);
        regions = List.copyOf(regions);
        transitions = Set.copyOf(transitions);
        tiers = Set.copyOf(tiers);
    }

    /** Every event of a policy that is law or a published proposal. */
    public static SubscriberFilter everything() {
        return new SubscriberFilter(Set.of(), List.of(), Set.of(), Set.of(), false);
    }

    /**
     * Whether the subscriber wants {@code event}.
     *
     * @param illustrativePolicy whether the event's policy is illustrative
     */
    public boolean matches(TriggerEvent event, boolean illustrativePolicy) {
        if (illustrativePolicy && !illustrative) {
            return false;
        }
        if (!policies.isEmpty() && !policies.contains(event.policy())) {
            return false;
        }
        if (!transitions.isEmpty() && !transitions.contains(event.transition())) {
            return false;
        }
        if (!tiers.isEmpty() && !tiers.contains(event.tier())) {
            return false;
        }
        return regions.isEmpty() || regions.stream().anyMatch(glob -> glob(glob).matcher(event.region()).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        String[] parts = glob.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
