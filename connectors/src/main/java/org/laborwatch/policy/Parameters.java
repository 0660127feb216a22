package org.laborwatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The parameters a policy declares: named constants that conditions use, with a default and
 * per-region values, so one policy can state what differs by region (such as the optional EB
 * triggers each state adopts by its own law) as data rather than as one policy per region.
 *
 * <p>A value is {@code true}/{@code false} (a condition of its own: {@code "tur_option"}) or a
 * decimal number (a threshold: {@code "iur_13wk >= iur_threshold"}). A region's value is the one
 * given for its exact code, else for the longest pattern ending in {@code *} that matches it, else
 * the default.
 *
 * @param byName the parameters, by name
 */
public record Parameters(Map<String, Parameter> byName) implements Serializable {

    /** A policy without parameters. */
    public static final Parameters NONE = new Parameters(Map.of());

    public Parameters {
        byName = java.util.Collections.unmodifiableMap(new TreeMap<>(byName));
    }

    /** Whether the policy declares none. */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The parameter called {@code name}, or null. */
    public Parameter get(String name) {
        return byName.get(name);
    }

    /** The value of every parameter for {@code region}, by name. */
    public Map<String, Object> valuesFor(String region) {
        Map<String, Object> values = new TreeMap<>();
        byName.forEach((name, p) -> values.put(name, p.valueFor(region)));
        return values;
    }

    /** The two kinds of value a parameter can hold. */
    public enum Kind {
        /** {@code true} or {@code false}: used as a condition. */
        FLAG,
        /** A decimal number: used as a threshold. */
        NUMBER;

        /** The kind of a value: Boolean or BigDecimal. */
        static Kind of(Object value) {
            return value instanceof Boolean ? FLAG : NUMBER;
        }
    }

    /**
     * One parameter.
     *
     * @param name its name, as conditions use it
     * @param defaultValue the value for a region without its own: Boolean or BigDecimal
     * @param regions values by region code or pattern ending in {@code *}, of the default's kind
     */
    public record Parameter(String name, Object defaultValue, Map<String, Object> regions) implements Serializable {

        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(defaultValue, "defaultValue");
            if (!(defaultValue instanceof Boolean || defaultValue instanceof BigDecimal)) {
                throw new IllegalArgumentException("a parameter value is a Boolean or a BigDecimal, got " + defaultValue);
            }
            regions = java.util.Collections.unmodifiableMap(new TreeMap<>(regions == null ? Map.of() : regions));
            for (Map.Entry<String, Object> e : regions.entrySet()) {
                if (Kind.of(e.getValue()) != Kind.of(defaultValue)) {
                    throw new IllegalArgumentException("parameter " + name + ": " + e.getKey() + " is not of the default's kind");
                }
            }
        }

        /** Whether it holds true/false or a number. */
        public Kind kind() {
            return Kind.of(defaultValue);
        }

        /** The value for {@code region}: its exact code, else the longest matching pattern, else the default. */
        public Object valueFor(String region) {
            Object exact = regions.get(region);
            if (exact != null) {
                return exact;
            }
            Object best = defaultValue;
            int bestLength = -1;
            for (Map.Entry<String, Object> e : regions.entrySet()) {
                String p = e.getKey();
                if (p.endsWith("*") && region.startsWith(p.substring(0, p.length() - 1)) && p.length() > bestLength) {
                    best = e.getValue();
                    bestLength = p.length();
                }
            }
            return best;
        }
    }
}
