package org.laborwatch.backtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.laborwatch.policy.Comparison;
import org.laborwatch.policy.Condition;
import org.laborwatch.policy.Expression;
import org.laborwatch.policy.Policy;

/**
 * What a backtest chart draws for a policy: one panel per metric its conditions compare, each with
 * the thresholds the enter condition, the exit condition and the tiers put on that metric.
 *
 * <p>Compound conditions ({@code all}/{@code any}) are taken apart into their comparisons, so a
 * policy designer sees which part held and which failed. A policy whose exit is {@code not-enter}
 * leaves a metric at the negation of each enter comparison, at the same threshold: one line then
 * carries both labels, as two lines on top of each other could not be told apart.
 */
public final class ConditionPanels {

    /** What a threshold line decides. */
    public enum Role {
        ENTER,
        EXIT,
        TIER
    }

    /**
     * One threshold line of a panel.
     *
     * @param threshold where the line is drawn
     * @param roles what it decides, in order (enter before exit before tiers)
     * @param label the comparisons it stands for, e.g. {@code enter >= 5.0, exit < 5.0}
     */
    public record Line(BigDecimal threshold, List<Role> roles, String label) {}

    /**
     * One subplot: a metric and its threshold lines, in the order the policy names them.
     *
     * @param metric metric name
     * @param lines threshold lines, one per distinct threshold
     */
    public record Panel(String metric, List<Line> lines) {}

    private ConditionPanels() {}

    /** The panels of {@code policy}: one per metric, in the order enter, exit and tiers first name them. */
    public static List<Panel> of(Policy policy) {
        Map<String, Map<BigDecimal, List<Part>>> byMetric = new LinkedHashMap<>();
        for (Condition.Compare c : leaves(policy.enter())) {
            add(byMetric, c, Role.ENTER, "enter " + c.op().symbol());
        }
        if (policy.exitIsNotEnter()) {
            for (Condition.Compare c : leaves(policy.enter())) {
                add(byMetric, c, Role.EXIT, "exit " + negation(c.op()).symbol());
            }
        } else {
            for (Condition.Compare c : leaves(policy.exit())) {
                add(byMetric, c, Role.EXIT, "exit " + c.op().symbol());
            }
        }
        for (Policy.Tier t : policy.tiers()) {
            for (Condition.Compare c : leaves(t.when())) {
                add(byMetric, c, Role.TIER, "tier " + t.name() + " " + c.op().symbol());
            }
        }
        List<Panel> panels = new ArrayList<>();
        byMetric.forEach((metric, thresholds) -> {
            List<Line> lines = new ArrayList<>();
            thresholds.values().forEach(parts -> lines.add(new Line(parts.get(0).threshold(),
                    parts.stream().map(Part::role).distinct().toList(),
                    String.join(", ", parts.stream().map(Part::text).distinct().toList()))));
            panels.add(new Panel(metric, List.copyOf(lines)));
        });
        return List.copyOf(panels);
    }

    /** The comparisons a condition is made of, depth first, in the order written. */
    static List<Condition.Compare> leaves(Condition condition) {
        List<Condition.Compare> out = new ArrayList<>();
        collect(condition, out);
        return out;
    }

    private static void collect(Condition condition, List<Condition.Compare> out) {
        if (condition instanceof Condition.Compare c) {
            out.add(c);
        } else if (condition instanceof Condition.Relation r) {
            // min(u, v) >= 0.29 holds exactly when u >= 0.29 and v >= 0.29: a line on each metric's panel.
            // Other expressions put no single metric against a number, so they draw no line.
            Expression constant = r.right().metrics().isEmpty() ? r.right() : r.left().metrics().isEmpty() ? r.left() : null;
            BigDecimal threshold = constant == null ? null : constant.evaluate(metric -> null);
            if (threshold != null) {
                Comparison op = constant == r.right() ? r.op() : mirrored(r.op());
                (constant == r.right() ? r.left() : r.right()).thresholdMetrics()
                        .forEach(m -> out.add(new Condition.Compare(m, op, threshold)));
            }
        } else if (condition instanceof Condition.All all) {
            all.parts().forEach(p -> collect(p, out));
        } else if (condition instanceof Condition.Any any) {
            any.parts().forEach(p -> collect(p, out));
        }
    }

    /** {@code op} with its sides swapped: {@code 0.5 <= x} is {@code x >= 0.5}. */
    static Comparison mirrored(Comparison op) {
        return switch (op) {
            case GE -> Comparison.LE;
            case GT -> Comparison.LT;
            case LE -> Comparison.GE;
            case LT -> Comparison.GT;
            case EQ, NE -> op;
        };
    }

    /** The comparison that holds exactly when {@code op} does not: what not-enter exits on. */
    static Comparison negation(Comparison op) {
        return switch (op) {
            case GE -> Comparison.LT;
            case GT -> Comparison.LE;
            case LE -> Comparison.GT;
            case LT -> Comparison.GE;
            case EQ -> Comparison.NE;
            case NE -> Comparison.EQ;
        };
    }

    private static void add(Map<String, Map<BigDecimal, List<Part>>> byMetric, Condition.Compare c, Role role,
            String text) {
        // Keyed by the stripped value so 5.0 and 5.00 are one line, as they are one place on the axis.
        byMetric.computeIfAbsent(c.metric(), m -> new LinkedHashMap<>())
                .computeIfAbsent(c.threshold().stripTrailingZeros(), t -> new ArrayList<>())
                .add(new Part(role, text + " " + c.threshold().toPlainString(), c.threshold()));
    }

    /** One comparison on a threshold, as the policy writes it ({@code enter >= 0.50}). */
    private record Part(Role role, String text, BigDecimal threshold) {}
}
