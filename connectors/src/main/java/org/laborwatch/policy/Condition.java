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
 * {@code iur_13wk >= 5.0}, or {@code all}/{@code any} of conditions.
 *
 * <p>Serializable because {@link Policy} is, and a policy holds its conditions.
 */
public sealed interface Condition extends Serializable permits Condition.Compare, Condition.All, Condition.Any {

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
     * {@code metric op threshold}.
     *
     * @param metric metric name
     * @param op comparison
     * @param threshold the decimal threshold, exactly as written
     */
    record Compare(String metric, Comparison op, BigDecimal threshold) implements Condition {
        public Compare {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(threshold, "threshold");
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
            return metric + " " + op.symbol() + " " + threshold.toPlainString();
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
        public String toString() {
            return "all" + parts;
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
        public String toString() {
            return "any" + parts;
        }
    }
}
