package org.laborwatch.cli;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/**
 * Prints trigger events as a timeline people can read: one line per policy, transition and period,
 * with the regions it concerns and the evidence that decided it.
 */
final class TriggerTimeline {

    /** Regions listed with their evidence when a line concerns at most this many. */
    private static final int DETAILED = 3;

    private TriggerTimeline() {}

    /** Orders events by period, then policy, transition and region. */
    static final Comparator<TriggerEvent> ORDER = Comparator.comparing(TriggerEvent::period)
            .thenComparing(TriggerEvent::policy)
            .thenComparing(TriggerEvent::transition)
            .thenComparing(TriggerEvent::region)
            .thenComparing(TriggerEvent::sector);

    /** Policies with more events than this are condensed to a line per year unless asked for in full. */
    static final int CONDENSE_ABOVE = 150;

    /**
     * Prints the timeline. Policies with many events (a state-level rule over decades) are condensed
     * to one line per year and transition, unless {@code full}; every event stays in the JSON output.
     */
    static void print(List<TriggerEvent> events, boolean full, PrintStream out) {
        Map<String, Long> perPolicy = new TreeMap<>();
        events.forEach(e -> perPolicy.merge(e.policy(), 1L, Long::sum));
        List<TriggerEvent> detailed = new ArrayList<>();
        List<TriggerEvent> condensed = new ArrayList<>();
        for (TriggerEvent e : events) {
            (full || perPolicy.get(e.policy()) <= CONDENSE_ABOVE ? detailed : condensed).add(e);
        }
        printDetailed(detailed, out);
        if (!condensed.isEmpty()) {
            out.println();
            out.println("Condensed by year (" + String.join(", ", condensedPolicies(perPolicy, full))
                    + "; --timeline full lists every event):");
            printByYear(condensed, out);
        }
    }

    private static List<String> condensedPolicies(Map<String, Long> perPolicy, boolean full) {
        List<String> names = new ArrayList<>();
        perPolicy.forEach((p, n) -> {
            if (!full && n > CONDENSE_ABOVE) {
                names.add(p + ": " + n + " events");
            }
        });
        return names;
    }

    private static void printByYear(List<TriggerEvent> events, PrintStream out) {
        Map<String, TreeSet<String>> groups = new TreeMap<>();
        for (TriggerEvent e : events) {
            groups.computeIfAbsent(e.period().getYear() + "  " + String.format("%-17s", e.policy()) + "  "
                    + String.format("%-10s", e.transition()), k -> new TreeSet<>()).add(shortRegion(e.region()));
        }
        out.printf("%-4s  %-17s  %-10s  %s%n", "year", "policy", "transition", "regions");
        groups.forEach((k, regions) -> out.printf("%s  %3d: %s%n", k, regions.size(), String.join(" ", regions)));
    }

    private static void printDetailed(List<TriggerEvent> events, PrintStream out) {
        List<TriggerEvent> sorted = new ArrayList<>(events);
        sorted.sort(ORDER);
        Map<String, List<TriggerEvent>> lines = new LinkedHashMap<>();
        for (TriggerEvent e : sorted) {
            lines.computeIfAbsent(e.period() + "|" + e.policy() + "|" + e.transition() + "|" + e.effectiveFrom(),
                    k -> new ArrayList<>()).add(e);
        }
        out.printf("%-10s  %-17s  %-10s  %-11s  %-11s  %s%n", "period", "policy", "transition", "effective", "until",
                "regions and evidence");
        for (List<TriggerEvent> group : lines.values()) {
            TriggerEvent first = group.get(0);
            out.printf("%-10s  %-17s  %-10s  %-11s  %-11s  %s%n", first.period(), first.policy(), first.transition(),
                    first.effectiveFrom() == null ? "" : first.effectiveFrom(),
                    first.effectiveUntil() == null ? "" : first.effectiveUntil(), describe(group));
        }
    }

    private static String describe(List<TriggerEvent> group) {
        if (group.size() <= DETAILED) {
            List<String> parts = new ArrayList<>();
            for (TriggerEvent e : group) {
                parts.add(shortRegion(e.region()) + " " + evidence(e));
            }
            return String.join("; ", parts);
        }
        List<String> regions = new ArrayList<>();
        group.forEach(e -> regions.add(shortRegion(e.region())));
        return group.size() + " regions: " + String.join(" ", regions) + "  [" + thresholds(group.get(0)) + "]";
    }

    /** {@code sahm_gap 0.53 (>= 0.50)}: each value with the threshold it was held against. */
    static String evidence(TriggerEvent e) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> v : e.evidence().entrySet()) {
            BigDecimal t = e.thresholds().get(v.getKey());
            parts.add(v.getKey() + " " + v.getValue().toPlainString() + (t == null ? "" : " (vs " + t.toPlainString() + ")"));
        }
        return parts.isEmpty() ? "(no data)" : String.join(", ", parts);
    }

    private static String thresholds(TriggerEvent e) {
        List<String> parts = new ArrayList<>();
        e.thresholds().forEach((k, v) -> parts.add(k + " vs " + v.toPlainString()));
        return String.join(", ", parts);
    }

    private static String shortRegion(String region) {
        return region.startsWith("US-") ? region.substring(3) : region;
    }

    /** Per policy: entries, exits, regions ever on, and regions on at the end. */
    static void summarize(List<TriggerEvent> events, PrintStream out) {
        Map<String, List<TriggerEvent>> byPolicy = new TreeMap<>();
        events.forEach(e -> byPolicy.computeIfAbsent(e.policy(), k -> new ArrayList<>()).add(e));
        out.printf("%-17s  %6s  %6s  %10s  %10s  %s%n", "policy", "enters", "exits", "regions on", "on at end", "first .. last");
        for (Map.Entry<String, List<TriggerEvent>> p : byPolicy.entrySet()) {
            List<TriggerEvent> list = new ArrayList<>(p.getValue());
            list.sort(ORDER);
            long enters = list.stream().filter(e -> e.transition() == Transition.ENTER).count();
            long exits = list.stream().filter(e -> e.transition() == Transition.EXIT).count();
            TreeSet<String> everOn = new TreeSet<>();
            Map<String, Boolean> on = new TreeMap<>();
            for (TriggerEvent e : list) {
                if (e.transition() == Transition.ENTER) {
                    everOn.add(e.region());
                    on.put(e.region(), true);
                } else if (e.transition() == Transition.EXIT) {
                    on.put(e.region(), false);
                }
            }
            long onAtEnd = on.values().stream().filter(b -> b).count();
            out.printf("%-17s  %6d  %6d  %10d  %10d  %s .. %s%n", p.getKey(), enters, exits, everOn.size(), onAtEnd,
                    list.get(0).period(), list.get(list.size() - 1).period());
        }
    }
}
