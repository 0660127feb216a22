package org.laborwatch.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a condition of the policy language: a string {@code "metric op number"} (the number may be
 * the name of a number parameter), a comparison of expressions ({@code "min(sahm_gap, vacancy_gap) >= 0.29"},
 * read by {@link ExpressionParser}), the name of a true/false parameter, or
 * {@code {all: [...]}} / {@code {any: [...]}} of conditions, nested to any depth.
 *
 * <p>Each operand is read by {@link #threshold}, so a richer right-hand side (an expression) is
 * one more case there.
 */
final class ConditionReader {

    /** Metric, operator and number; the parts are checked one by one so each gets its own message. */
    private static final Pattern COMPARE = Pattern.compile("\\s*([^\\s<>=!]*)\\s*([<>=!]*)\\s*(.*?)\\s*");

    /**
     * A plain decimal. No exponent, NaN or infinity: thresholds are compared exactly and must read
     * the same to a person as to the machine.
     */
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]+(\\.[0-9]+)?");

    static final String OPERATORS = Arrays.stream(Comparison.values())
            .map(Comparison::symbol)
            .collect(Collectors.joining(" "));

    private static final List<String> KEYS = List.of("all", "any");

    /** A parameter name: lower-case letters, digits and '_', starting with a letter. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final Problems problems;
    private Parameters parameters = Parameters.NONE;
    /** Declared parameters refused for a problem already reported: a condition using one adds nothing. */
    private java.util.Set<String> refused = java.util.Set.of();

    ConditionReader(Problems problems) {
        this.problems = problems;
    }

    /** The parameters the policy declares, which conditions may use; none until told. */
    void declare(Parameters declared, java.util.Set<String> refusedNames) {
        this.parameters = declared == null ? Parameters.NONE : declared;
        this.refused = java.util.Set.copyOf(refusedNames);
    }

    /** The parameters declared, for the other readers of expressions. */
    Parameters parameters() {
        return parameters;
    }

    /** The condition at {@code path}, or {@code null} after reporting why there is none. */
    Condition read(JsonNode node, String path) {
        if (node != null && node.isTextual()) {
            return compare(node.textValue(), path);
        }
        if (node != null && node.isObject()) {
            return group(node, path);
        }
        problems.add(path, "must be a condition: a string 'metric op number', {all: [...]} or {any: [...]}, got "
                + Nodes.describe(node));
        return null;
    }

    /** Whether {@code text} is meant as a comparison (it has an operator character). */
    static boolean looksLikeComparison(String text) {
        return text.chars().anyMatch(c -> c == '<' || c == '>' || c == '=' || c == '!');
    }

    private Condition compare(String text, String path) {
        if (refused.contains(text.strip())) {
            return null;
        }
        Parameters.Parameter flag = parameters.get(text.strip());
        if (flag != null) {
            if (flag.kind() != Parameters.Kind.FLAG) {
                problems.add(path, "parameter '" + flag.name() + "' is a number; a condition needs a true/false "
                        + "parameter, or compare a metric with it ('metric >= " + flag.name() + "')");
                return null;
            }
            return new Condition.Flag(flag.name(), (Boolean) flag.defaultValue());
        }
        if (ExpressionParser.isExpression(text)) {
            return ExpressionParser.parse(text, path, parameters, refused, problems);
        }
        Matcher m = COMPARE.matcher(text);
        if (!m.matches() || m.group(1).isEmpty()) {
            problems.add(path, "must be 'metric op number' (op one of " + OPERATORS + "), got '" + text + "'");
            return null;
        }
        int before = problems.size();
        String metric = m.group(1);
        if (!MetricNames.isKnown(metric)) {
            problems.add(path, "unknown metric '" + metric + "' (known: " + String.join(", ", MetricNames.ALL) + ")");
        }
        Comparison op = Comparison.fromSymbol(m.group(2));
        if (op == null) {
            problems.add(path, (m.group(2).isEmpty() ? "missing operator" : "unknown operator '" + m.group(2) + "'")
                    + " in '" + text + "' (known: " + OPERATORS + ")");
        }
        Condition.Compare compare = threshold(metric, op, m.group(3), text, path);
        return problems.size() == before ? compare : null;
    }

    /**
     * The right-hand side: a plain decimal, or a number parameter (its default until bound per
     * region). Null after reporting why, or when the operator was already reported missing.
     */
    private Condition.Compare threshold(String metric, Comparison op, String operand, String text, String path) {
        if (NUMBER.matcher(operand).matches()) {
            // new BigDecimal(text) keeps the scale as written: "5.0" stays 5.0 in events and evidence.
            return op == null ? null : new Condition.Compare(metric, op, new BigDecimal(operand));
        }
        Parameters.Parameter p = parameters.get(operand);
        if (refused.contains(operand)) {
            return null;
        }
        if (p != null && p.kind() == Parameters.Kind.NUMBER) {
            return op == null ? null : new Condition.Compare(metric, op, (BigDecimal) p.defaultValue(), p.name());
        }
        if (p != null) {
            problems.add(path, "parameter '" + operand + "' is true/false and cannot be a threshold in '" + text
                    + "'; use it as a condition of its own, or declare a number parameter");
        } else if (!parameters.isEmpty() && NAME.matcher(operand).matches()) {
            problems.add(path, "unknown parameter '" + operand + "' in '" + text + "' (declared: "
                    + String.join(", ", parameters.byName().keySet()) + ")");
        } else {
            problems.add(path, "threshold must be a plain decimal number such as 5.0, got '" + operand + "' in '"
                    + text + "'");
        }
        return null;
    }

    private Condition group(JsonNode node, String path) {
        Nodes.rejectUnknownKeys(node, path, KEYS, problems);
        boolean hasAll = node.has("all");
        boolean hasAny = node.has("any");
        if (hasAll == hasAny) {
            problems.add(path, hasAll ? "must have one of all, any, not both" : "must have one of all, any");
            return null;
        }
        String key = hasAll ? "all" : "any";
        List<Condition> parts = parts(node.get(key), Nodes.path(path, key));
        if (parts == null || node.size() != 1) {
            return null;
        }
        return hasAll ? new Condition.All(parts) : new Condition.Any(parts);
    }

    private List<Condition> parts(JsonNode list, String path) {
        if (!list.isArray()) {
            problems.add(path, "must be a list of conditions, got " + Nodes.describe(list));
            return null;
        }
        if (list.isEmpty()) {
            // An empty all is always true and an empty any never: either is an authoring mistake.
            problems.add(path, "must list at least one condition");
            return null;
        }
        List<Condition> parts = new ArrayList<>(list.size());
        boolean ok = true;
        for (int i = 0; i < list.size(); i++) {
            Condition c = read(list.get(i), Nodes.index(path, i));
            ok &= c != null;
            parts.add(c);
        }
        return ok ? parts : null;
    }
}
