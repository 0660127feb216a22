package org.laborwatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A condition of the policy language over metric values: a comparison such as
 * {@code iur_13wk >= 5.0} (its threshold a number or a number parameter), a comparison of two
 * {@link Expression}s such as {@code min(sahm_gap, vacancy_gap) >= 0.29} ({@link Relation}), a true/false parameter
 * ({@link Flag}), or {@code all}/{@code any} of conditions.
 *
 * <p>Parameters ({@link Parameters}) are resolved per region by {@link #bind}: an unbound
 * condition evaluates with the parameters' defaults.
 *
 * <p>Serializable because {@link Policy} is, and a policy holds its conditions.
 */
public sealed interface Condition extends Serializable permits Condition.Compare, Condition.Relation, Condition.Flag, Condition.All,
        Condition.Any {

    /**
     * Evaluates against the metric values of one period. A metric absent from {@code values} makes
     * the comparison {@link Outcome#UNKNOWN}; {@code all} is false if any part is false, unknown if
     * any is unknown; {@code any} is true if any part is true.
     */
    Outcome evaluate(Function<String, BigDecimal> values);

    /** The metric names the condition reads. */
    Set<String> metrics();

    /** The threshold of each comparison, by metric (the first comparison of a metric wins). */
    void collectThresholds(Map<String, BigDecimal> into);

    /** The most periods back the condition reads {@code metric} ({@code metric[-k]}); 0 for none. */
    default int maxLag(String metric) {
        return 0;
    }

    /** The names of the parameters the condition uses. */
    Set<String> parameters();

    /**
     * The condition with each parameter replaced by its value in {@code values} (one region's,
     * {@link Parameters#valuesFor}); itself when it uses none.
     */
    Condition bind(Map<String, Object> values);

    /** The parameters used by any of {@code parts}, sorted. */
    private static Set<String> parametersOf(List<Condition> parts) {
        Set<String> m = new TreeSet<>();
        parts.forEach(c -> m.addAll(c.parameters()));
        return m;
    }

    private static List<Condition> bindAll(List<Condition> parts, Map<String, Object> values) {
        return parts.stream().map(c -> c.bind(values)).toList();
    }

    /** The metrics read by any of {@code parts}, sorted. */
    private static Set<String> metricsOf(List<Condition> parts) {
        Set<String> m = new TreeSet<>();
        parts.forEach(c -> m.addAll(c.metrics()));
        return m;
    }

    /** Three-valued result: data may be unavailable. */
    enum Outcome {
        TRUE,
        FALSE,
        UNKNOWN
    }

    /**
     * {@code metric op threshold}, the threshold written as a number or as the name of a number
     * parameter.
     *
     * @param metric metric name
     * @param op comparison
     * @param threshold the decimal threshold, exactly as written; for a parameter, its default until bound
     * @param parameter the number parameter the threshold comes from, or null for a written number
     */
    record Compare(String metric, Comparison op, BigDecimal threshold, String parameter) implements Condition {
        public Compare {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(threshold, "threshold");
        }

        /** {@code metric op threshold} with a written number. */
        public Compare(String metric, Comparison op, BigDecimal threshold) {
            this(metric, op, threshold, null);
        }

        @Override
        public Set<String> parameters() {
            return parameter == null ? Set.of() : Set.of(parameter);
        }

        @Override
        public Condition bind(Map<String, Object> values) {
            return parameter == null ? this : new Compare(metric, op, (BigDecimal) values.get(parameter), parameter);
        }

        @Override
        public Outcome evaluate(Function<String, BigDecimal> values) {
            BigDecimal v = values.apply(metric);
            if (v == null) {
                return Outcome.UNKNOWN;
            }
            return op.test(v, threshold) ? Outcome.TRUE : Outcome.FALSE;
        }

        @Override
        public Set<String> metrics() {
            return Set.of(metric);
        }

        @Override
        public void collectThresholds(Map<String, BigDecimal> into) {
            into.putIfAbsent(metric, threshold);
        }

        @Override
        public String toString() {
            return metric + " " + op.symbol() + " " + (parameter == null ? "" : parameter + "=") + threshold.toPlainString();
        }
    }

    /**
     * {@code left op right} over two {@link Expression}s, such as {@code min(sahm_gap, vacancy_gap) >= 0.29}
     * or {@code tur_3mo >= sahm_gap + 5}: a comparison that is more than one metric against a number
     * (those stay {@link Compare}, so their events read as before). Unknown when either side is.
     *
     * @param left the left-hand expression
     * @param op comparison
     * @param right the right-hand expression
     */
    record Relation(Expression left, Comparison op, Expression right) implements Condition {
        public Relation {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public Outcome evaluate(Function<String, BigDecimal> values) {
            BigDecimal a = left.evaluate(values);
            BigDecimal b = right.evaluate(values);
            if (a == null || b == null) {
                return Outcome.UNKNOWN;
            }
            return op.test(a, b) ? Outcome.TRUE : Outcome.FALSE;
        }

        @Override
        public Set<String> metrics() {
            Set<String> m = new TreeSet<>(left.metrics());
            m.addAll(right.metrics());
            return m;
        }

        /**
         * A number on one side gives a threshold to each metric the other side compares as itself
         * ({@link Expression#thresholdMetrics}): {@code min(u, v) >= 0.29} gives u and v 0.29.
         */
        @Override
        public void collectThresholds(Map<String, BigDecimal> into) {
            Expression constant = left.metrics().isEmpty() ? left : right.metrics().isEmpty() ? right : null;
            BigDecimal threshold = constant == null ? null : constant.evaluate(metric -> null);
            if (threshold != null) {
                (constant == left ? right : left).thresholdMetrics().forEach(m -> into.putIfAbsent(m, threshold));
            }
        }

        @Override
        public Set<String> parameters() {
            Set<String> m = new TreeSet<>(left.parameters());
            m.addAll(right.parameters());
            return m;
        }

        @Override
        public Condition bind(Map<String, Object> values) {
            return parameters().isEmpty() ? this : new Relation(left.bind(values), op, right.bind(values));
        }

        @Override
        public int maxLag(String metric) {
            return Math.max(left.maxLag(metric), right.maxLag(metric));
        }

        @Override
        public String toString() {
            return left + " " + op.symbol() + " " + right;
        }
    }

    /**
     * A true/false parameter used as a condition, such as {@code tur_option}: true where the
     * region's value is true. It reads no metric, so it is never unknown.
     *
     * @param parameter the parameter's name
     * @param value its value; the default until bound
     */
    record Flag(String parameter, boolean value) implements Condition {
        public Flag {
            Objects.requireNonNull(parameter, "parameter");
        }

        @Override
        public Outcome evaluate(Function<String, BigDecimal> values) {
            return value ? Outcome.TRUE : Outcome.FALSE;
        }

        @Override
        public Set<String> metrics() {
            return Set.of();
        }

        @Override
        public void collectThresholds(Map<String, BigDecimal> into) {
            // A flag has no threshold.
        }

        @Override
        public Set<String> parameters() {
            return Set.of(parameter);
        }

        @Override
        public Condition bind(Map<String, Object> values) {
            return new Flag(parameter, (Boolean) values.get(parameter));
        }

        @Override
        public String toString() {
            return parameter + "=" + value;
        }
    }

    /** Every part holds. */
    record All(List<Condition> parts) implements Condition {
        public All {
            parts = List.copyOf(parts);
        }

        @Override
        public Outcome evaluate(Function<String, BigDecimal> values) {
            boolean unknown = false;
            for (Condition c : parts) {
                Outcome o = c.evaluate(values);
                if (o == Outcome.FALSE) {
                    return Outcome.FALSE;
                }
                unknown |= o == Outcome.UNKNOWN;
            }
            return unknown ? Outcome.UNKNOWN : Outcome.TRUE;
        }

        @Override
        public Set<String> metrics() {
            return metricsOf(parts);
        }

        @Override
        public void collectThresholds(Map<String, BigDecimal> into) {
            parts.forEach(c -> c.collectThresholds(into));
        }

        @Override
        public int maxLag(String metric) {
            return parts.stream().mapToInt(c -> c.maxLag(metric)).max().orElse(0);
        }

        @Override
        public String toString() {
            return "all" + parts;
        }

        @Override
        public Set<String> parameters() {
            return parametersOf(parts);
        }

        @Override
        public Condition bind(Map<String, Object> values) {
            return parameters().isEmpty() ? this : new All(bindAll(parts, values));
        }
    }

    /** At least one part holds. */
    record Any(List<Condition> parts) implements Condition {
        public Any {
            parts = List.copyOf(parts);
        }

        @Override
        public Outcome evaluate(Function<String, BigDecimal> values) {
            boolean unknown = false;
            for (Condition c : parts) {
                Outcome o = c.evaluate(values);
                if (o == Outcome.TRUE) {
                    return Outcome.TRUE;
                }
                unknown |= o == Outcome.UNKNOWN;
            }
            return unknown ? Outcome.UNKNOWN : Outcome.FALSE;
        }

        @Override
        public Set<String> metrics() {
            return metricsOf(parts);
        }

        @Override
        public void collectThresholds(Map<String, BigDecimal> into) {
            parts.forEach(c -> c.collectThresholds(into));
        }

        @Override
        public int maxLag(String metric) {
            return parts.stream().mapToInt(c -> c.maxLag(metric)).max().orElse(0);
        }

        @Override
        public String toString() {
            return "any" + parts;
        }

        @Override
        public Set<String> parameters() {
            return parametersOf(parts);
        }

        @Override
        public Condition bind(Map<String, Object> values) {
            return parameters().isEmpty() ? this : new Any(bindAll(parts, values));
        }
    }
}
