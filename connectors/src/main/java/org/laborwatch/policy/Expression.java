package org.laborwatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An arithmetic expression of the policy language over metrics, number parameters and decimal
 * constants: {@code + - * /}, unary minus, {@code min}, {@code max} and {@code abs}, as in
 * {@code "min(sahm_gap, vacancy_gap) >= 0.29"} (Michaillat and Saez's rule).
 *
 * <p>Arithmetic is exact decimal arithmetic, as the metrics use: sums, differences, products,
 * {@code min}, {@code max} and {@code abs} are exact; a quotient is exact when it terminates and
 * otherwise rounded to 34 significant digits (IEEE decimal128), far below any published precision.
 * A metric without a value makes the whole expression unknown ({@code null}), and so does a
 * division by zero: no value is invented for it.
 *
 * <p>Serializable because {@link Condition} is.
 */
public sealed interface Expression extends Serializable
        permits Expression.Constant, Expression.Metric, Expression.Parameter, Expression.Negate, Expression.Binary,
        Expression.Call {

    /** The value with the metric values of one period, or {@code null} when an input is unavailable. */
    BigDecimal evaluate(Function<String, BigDecimal> values);

    /** The metric names the expression reads, sorted. */
    Set<String> metrics();

    /** The number parameters the expression uses, sorted. */
    Set<String> parameters();

    /** The expression with each parameter replaced by its value in {@code values}. */
    Expression bind(Map<String, Object> values);

    /**
     * The metrics whose own value is compared when this expression stands against a constant:
     * a bare metric, or {@code min}/{@code max} of such ({@code min(u, v) >= 0.29} holds exactly when
     * both u and v are at least 0.29, so 0.29 is the threshold of each). Empty for anything else,
     * where no single metric has a threshold of its own.
     */
    Set<String> thresholdMetrics();

    /** The most periods back the expression reads {@code metric} ({@code metric[-k]}); 0 for none. */
    default int maxLag(String metric) {
        return 0;
    }

    /** A written decimal, kept at the scale it was written with. */
    record Constant(BigDecimal value) implements Expression {
        public Constant {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return value;
        }

        @Override
        public Set<String> metrics() {
            return Set.of();
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return this;
        }

        @Override
        public Set<String> thresholdMetrics() {
            return Set.of();
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /**
     * A metric's value in the period, or {@code lag} periods before it ({@code sahm_gap[-1]}, the
     * previous month's gap); unknown when it has none.
     *
     * @param name the metric
     * @param lag periods back: 0 for the deciding period itself
     */
    record Metric(String name, int lag) implements Expression {
        public Metric {
            Objects.requireNonNull(name, "name");
            if (lag < 0) {
                throw new IllegalArgumentException("lag must be >= 0, got " + lag);
            }
        }

        /** The metric in the deciding period. */
        public Metric(String name) {
            this(name, 0);
        }

        /**
         * The key the value is looked up by: the metric's name, or {@code name[-k]} for a lagged
         * value, which the trigger evaluator answers from the periods it has decided.
         */
        public String key() {
            return lagged(name, lag);
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return values.apply(key());
        }

        @Override
        public Set<String> metrics() {
            return Set.of(name);
        }

        @Override
        public Set<String> parameters() {
            return Set.of();
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return this;
        }

        @Override
        public Set<String> thresholdMetrics() {
            return lag == 0 ? Set.of(name) : Set.of();
        }

        @Override
        public int maxLag(String metric) {
            return name.equals(metric) ? lag : 0;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    /** The lookup key of {@code metric} {@code lag} periods back: {@code sahm_gap[-2]}; the name for lag 0. */
    static String lagged(String metric, int lag) {
        return lag == 0 ? metric : metric + "[-" + lag + "]";
    }

    /**
     * A number parameter ({@link Parameters}).
     *
     * @param name the parameter's name
     * @param value its value: the default until bound per region
     */
    record Parameter(String name, BigDecimal value) implements Expression {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            return value;
        }

        @Override
        public Set<String> metrics() {
            return Set.of();
        }

        @Override
        public Set<String> parameters() {
            return Set.of(name);
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return new Parameter(name, (BigDecimal) values.get(name));
        }

        @Override
        public Set<String> thresholdMetrics() {
            return Set.of();
        }

        @Override
        public String toString() {
            return name + "=" + value.toPlainString();
        }
    }

    /** {@code -operand}. */
    record Negate(Expression operand) implements Expression {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            BigDecimal v = operand.evaluate(values);
            return v == null ? null : v.negate();
        }

        @Override
        public Set<String> metrics() {
            return operand.metrics();
        }

        @Override
        public Set<String> parameters() {
            return operand.parameters();
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return new Negate(operand.bind(values));
        }

        @Override
        public Set<String> thresholdMetrics() {
            return Set.of();
        }

        @Override
        public int maxLag(String metric) {
            return operand.maxLag(metric);
        }

        @Override
        public String toString() {
            return "-" + operand;
        }
    }

    /** The four arithmetic operators. */
    enum Operator {
        ADD('+'),
        SUBTRACT('-'),
        MULTIPLY('*'),
        DIVIDE('/');

        private final char symbol;

        Operator(char symbol) {
            this.symbol = symbol;
        }

        public char symbol() {
            return symbol;
        }

        /** {@code a op b}; {@code null} for a division by zero. */
        BigDecimal apply(BigDecimal a, BigDecimal b) {
            return switch (this) {
                case ADD -> a.add(b);
                case SUBTRACT -> a.subtract(b);
                case MULTIPLY -> a.multiply(b);
                case DIVIDE -> divide(a, b);
            };
        }

        private static BigDecimal divide(BigDecimal a, BigDecimal b) {
            if (b.signum() == 0) {
                return null;
            }
            try {
                return a.divide(b);
            } catch (ArithmeticException nonTerminating) {
                return a.divide(b, MathContext.DECIMAL128);
            }
        }
    }

    /** {@code left op right}. */
    record Binary(Operator op, Expression left, Expression right) implements Expression {
        public Binary {
            Objects.requireNonNull(op, "op");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            BigDecimal a = left.evaluate(values);
            BigDecimal b = right.evaluate(values);
            return a == null || b == null ? null : op.apply(a, b);
        }

        @Override
        public Set<String> metrics() {
            return union(List.of(left, right), Expression::metrics);
        }

        @Override
        public Set<String> parameters() {
            return union(List.of(left, right), Expression::parameters);
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return new Binary(op, left.bind(values), right.bind(values));
        }

        @Override
        public Set<String> thresholdMetrics() {
            return Set.of();
        }

        @Override
        public int maxLag(String metric) {
            return Math.max(left.maxLag(metric), right.maxLag(metric));
        }

        @Override
        public String toString() {
            return "(" + left + " " + op.symbol() + " " + right + ")";
        }
    }

    /** The functions of the language. */
    enum Builtin {
        MIN("min", 2, Integer.MAX_VALUE),
        MAX("max", 2, Integer.MAX_VALUE),
        ABS("abs", 1, 1);

        private final String spelling;
        private final int minArgs;
        private final int maxArgs;

        Builtin(String spelling, int minArgs, int maxArgs) {
            this.spelling = spelling;
            this.minArgs = minArgs;
            this.maxArgs = maxArgs;
        }

        public String spelling() {
            return spelling;
        }

        int minArgs() {
            return minArgs;
        }

        int maxArgs() {
            return maxArgs;
        }

        /** The function spelt {@code name}, or null. */
        static Builtin named(String name) {
            for (Builtin f : values()) {
                if (f.spelling.equals(name)) {
                    return f;
                }
            }
            return null;
        }

        BigDecimal apply(List<BigDecimal> args) {
            return switch (this) {
                case MIN -> args.stream().reduce((a, b) -> b.compareTo(a) < 0 ? b : a).orElseThrow();
                case MAX -> args.stream().reduce((a, b) -> b.compareTo(a) > 0 ? b : a).orElseThrow();
                case ABS -> args.get(0).abs();
            };
        }
    }

    /** {@code min(a, b, ...)}, {@code max(a, b, ...)} or {@code abs(a)}. */
    record Call(Builtin function, List<Expression> args) implements Expression {
        public Call {
            Objects.requireNonNull(function, "function");
            args = List.copyOf(args);
        }

        @Override
        public BigDecimal evaluate(Function<String, BigDecimal> values) {
            List<BigDecimal> v = new java.util.ArrayList<>(args.size());
            for (Expression a : args) {
                BigDecimal x = a.evaluate(values);
                if (x == null) {
                    // min(u, v) with v unknown is unknown even when u alone decides a comparison:
                    // the same three-valued rule as a comparison on a missing metric.
                    return null;
                }
                v.add(x);
            }
            return function.apply(v);
        }

        @Override
        public Set<String> metrics() {
            return union(args, Expression::metrics);
        }

        @Override
        public Set<String> parameters() {
            return union(args, Expression::parameters);
        }

        @Override
        public Expression bind(Map<String, Object> values) {
            return new Call(function, args.stream().map(a -> a.bind(values)).toList());
        }

        @Override
        public Set<String> thresholdMetrics() {
            if (function == Builtin.ABS) {
                return Set.of();
            }
            Set<String> m = new TreeSet<>();
            for (Expression a : args) {
                if (!(a instanceof Metric metric) || metric.lag() != 0) {
                    return Set.of();
                }
                m.addAll(a.metrics());
            }
            return m;
        }

        @Override
        public int maxLag(String metric) {
            return args.stream().mapToInt(a -> a.maxLag(metric)).max().orElse(0);
        }

        @Override
        public String toString() {
            return function.spelling() + args;
        }
    }

    private static Set<String> union(List<Expression> parts, Function<Expression, Set<String>> of) {
        Set<String> m = new TreeSet<>();
        parts.forEach(p -> m.addAll(of.apply(p)));
        return m;
    }
}
