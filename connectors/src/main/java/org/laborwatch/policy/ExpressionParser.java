package org.laborwatch.policy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a comparison of two expressions ({@link Condition.Relation}) by recursive descent:
 *
 * <pre>
 * relation := sum op sum                      op: &gt;= &gt; &lt;= &lt; == !=
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/') unary)*
 * unary    := '-' unary | primary
 * primary  := number | metric ('[-' k ']')? | parameter | function '(' sum (',' sum)* ')' | '(' sum ')'
 * </pre>
 *
 * A hand-written parser of a few dozen lines rather than a scripting library: the grammar is
 * tiny, numbers must stay exact decimals, and each mistake needs a message that names what and
 * where (column) in the author's own text. Single use: one parser per text.
 */
final class ExpressionParser {

    /** Thrown inside the parser with the message for the author; reported by {@link #parse}. */
    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    /** A plain decimal, as thresholds are written: no exponent, NaN or infinity. */
    private static final Pattern NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** {@code [-k]}: a lag, such as the previous month's {@code sahm_gap[-1]}. */
    private static final Pattern LAG = Pattern.compile("\\[\\s*-\\s*([0-9]{1,3})\\s*]");
    /** The most periods back a condition may read: two years of months. */
    static final int MAX_LAG = 24;
    /** The two sides of a one-operator comparison without arithmetic. */
    private static final Pattern SIDES = Pattern.compile("\\s*(\\S+?)\\s*[<>=!]+\\s*(\\S+)\\s*");
    private static final String FUNCTIONS = Arrays.stream(Expression.Builtin.values())
            .map(Expression.Builtin::spelling).collect(Collectors.joining(", "));

    private final String text;
    private final Parameters parameters;
    private final Set<String> refused;
    private int pos;
    /** A name that was already reported elsewhere (a refused parameter): no message of its own. */
    private boolean silent;

    private ExpressionParser(String text, Parameters parameters, Set<String> refused) {
        this.text = text;
        this.parameters = parameters;
        this.refused = refused;
    }

    /**
     * The relation {@code text} states, or null after adding its problem at {@code path} (or
     * without a problem when it uses a parameter already refused).
     */
    static Condition.Relation parse(String text, String path, Parameters parameters, Set<String> refused,
            Problems problems) {
        ExpressionParser p = new ExpressionParser(text, parameters, refused);
        try {
            return p.relation();
        } catch (Refused e) {
            if (!p.silent) {
                problems.add(path, e.getMessage());
            }
            return null;
        }
    }

    /**
     * The expression {@code text} states (a value, not a comparison), reading at least one metric;
     * null after adding its problem at {@code path}.
     */
    static Expression parseValue(String text, String path, Parameters parameters, Set<String> refused,
            Problems problems) {
        ExpressionParser p = new ExpressionParser(text, parameters, refused);
        try {
            Expression e = p.sum();
            p.skipSpace();
            if (p.pos < text.length()) {
                throw p.refuse("unexpected '" + text.charAt(p.pos) + "'", p.pos, "(a value such as tur_3mo or min(a, b))");
            }
            if (e.metrics().isEmpty()) {
                throw new Refused("reads no metric in '" + text + "'");
            }
            return e;
        } catch (Refused e) {
            if (!p.silent) {
                problems.add(path, e.getMessage());
            }
            return null;
        }
    }

    /**
     * Whether {@code text} needs the expression reader rather than {@code metric op number}: it has
     * parentheses, {@code + * /}, a binary minus, a number on the left or a metric on the
     * right. A leading or post-operator minus is a negative number ({@code sahm_gap >= -0.5}).
     */
    static boolean isExpression(String text) {
        char previous = 0;
        for (char c : text.toCharArray()) {
            if ("()+*/[".indexOf(c) >= 0) {
                return true;
            }
            if (c == '-' && (Character.isLetterOrDigit(previous) || previous == '_' || previous == ')')) {
                return true;
            }
            if (!Character.isWhitespace(c)) {
                previous = c;
            }
        }
        Matcher m = SIDES.matcher(text);
        return m.matches() && (NUMBER.matcher(m.group(1)).matches() || m.group(1).startsWith("-")
                || MetricNames.isKnown(m.group(2)));
    }

    private Condition.Relation relation() {
        Expression left = sum();
        skipSpace();
        int at = pos;
        String symbol = operator();
        Comparison op = Comparison.fromSymbol(symbol);
        if (symbol.isEmpty()) {
            throw refuse(pos >= text.length() ? "missing comparison operator" : "unexpected '" + text.charAt(pos) + "'",
                    at, "(a comparison is 'expression op expression', op one of " + ConditionReader.OPERATORS + ")");
        }
        if (op == null) {
            throw refuse("unknown operator '" + symbol + "'", at, "(known: " + ConditionReader.OPERATORS + ")");
        }
        Expression right = sum();
        skipSpace();
        if (pos < text.length()) {
            int extra = pos;
            char c = text.charAt(pos);
            throw refuse(!operator().isEmpty() ? "a second comparison operator" : "unexpected '" + c + "'", extra,
                    "(one comparison per condition; combine several with all: or any:)");
        }
        if (left.metrics().isEmpty() && right.metrics().isEmpty()) {
            throw new Refused("compares no metric in '" + text + "': a condition must read at least one metric");
        }
        return new Condition.Relation(left, op, right);
    }

    private Expression sum() {
        Expression e = product();
        while (true) {
            skipSpace();
            if (peek('+')) {
                pos++;
                e = new Expression.Binary(Expression.Operator.ADD, e, product());
            } else if (peek('-')) {
                pos++;
                e = new Expression.Binary(Expression.Operator.SUBTRACT, e, product());
            } else {
                return e;
            }
        }
    }

    private Expression product() {
        Expression e = unary();
        while (true) {
            skipSpace();
            if (peek('*')) {
                pos++;
                e = new Expression.Binary(Expression.Operator.MULTIPLY, e, unary());
            } else if (peek('/')) {
                pos++;
                e = new Expression.Binary(Expression.Operator.DIVIDE, e, unary());
            } else {
                return e;
            }
        }
    }

    private Expression unary() {
        skipSpace();
        if (peek('-')) {
            pos++;
            Expression operand = unary();
            // "-0.5" is the number -0.5 as written, so it reads and prints like a threshold.
            return operand instanceof Expression.Constant c ? new Expression.Constant(c.value().negate())
                    : new Expression.Negate(operand);
        }
        return primary();
    }

    private Expression primary() {
        skipSpace();
        int at = pos;
        if (peek('(')) {
            pos++;
            Expression inner = sum();
            expect(')', at);
            return inner;
        }
        Matcher number = NUMBER.matcher(text).region(pos, text.length());
        if (number.lookingAt()) {
            pos = number.end();
            if (pos < text.length() && (Character.isLetter(text.charAt(pos)) || text.charAt(pos) == '.')) {
                throw refuse("'" + word(at) + "' is not a plain decimal number such as 5.0", at, "");
            }
            // new BigDecimal(text) keeps the scale as written: "0.29" stays 0.29 in events.
            return new Expression.Constant(new BigDecimal(number.group()));
        }
        Matcher name = NAME.matcher(text).region(pos, text.length());
        if (!name.lookingAt()) {
            throw refuse(pos >= text.length() ? "expression ends too early" : "unexpected '" + text.charAt(pos) + "'",
                    at, "(expected a number, a metric, a parameter, a function such as min(...) or '(')");
        }
        pos = name.end();
        skipSpace();
        if (peek('(')) {
            return call(name.group(), at);
        }
        return named(name.group(), at);
    }

    private Expression call(String name, int at) {
        Expression.Builtin f = Expression.Builtin.named(name);
        if (f == null) {
            throw refuse("unknown function '" + name + "'", at, "(known: " + FUNCTIONS + ")");
        }
        pos++; // '('
        List<Expression> args = new ArrayList<>();
        skipSpace();
        if (!peek(')')) {
            args.add(sum());
            skipSpace();
            while (peek(',')) {
                pos++;
                args.add(sum());
                skipSpace();
            }
        }
        expect(')', at);
        if (args.size() < f.minArgs() || args.size() > f.maxArgs()) {
            String wanted = f.minArgs() == f.maxArgs() ? "exactly " + f.minArgs() : "at least " + f.minArgs();
            throw refuse(name + "(...) takes " + wanted + " argument" + (f.minArgs() == 1 ? "" : "s") + ", got "
                    + args.size(), at, "");
        }
        return new Expression.Call(f, args);
    }

    private Expression named(String name, int at) {
        if (MetricNames.isKnown(name)) {
            return new Expression.Metric(name, lag(name, at));
        }
        if (refused.contains(name)) {
            silent = true;
            throw new Refused("parameter '" + name + "' was refused");
        }
        Parameters.Parameter p = parameters.get(name);
        if (p != null && p.kind() == Parameters.Kind.NUMBER) {
            return new Expression.Parameter(p.name(), (BigDecimal) p.defaultValue());
        }
        if (p != null) {
            throw refuse("parameter '" + name + "' is true/false and cannot be a number", at,
                    "(use it as a condition of its own)");
        }
        String known = "(metrics: " + String.join(", ", MetricNames.ALL)
                + (parameters.isEmpty() ? "" : "; parameters: " + String.join(", ", parameters.byName().keySet())) + ")";
        throw refuse("unknown metric " + (parameters.isEmpty() ? "" : "or parameter ") + "'" + name + "'", at, known);
    }

    /** {@code [-k]} after a metric: its value k periods before the deciding one; 0 without. */
    private int lag(String name, int at) {
        skipSpace();
        if (!peek('[')) {
            return 0;
        }
        int open = pos;
        Matcher m = LAG.matcher(text).region(pos, text.length());
        if (!m.lookingAt() || Integer.parseInt(m.group(1)) < 1 || Integer.parseInt(m.group(1)) > MAX_LAG) {
            throw refuse("a lag is written " + name + "[-k] with k from 1 to " + MAX_LAG, open,
                    "(the value k periods before the deciding one)");
        }
        pos = m.end();
        return Integer.parseInt(m.group(1));
    }

    private void expect(char c, int opened) {
        skipSpace();
        if (!peek(c)) {
            throw refuse("missing '" + c + "'", pos, "for the '(' at column " + (opened + 1));
        }
        pos++;
    }

    private String operator() {
        int start = pos;
        while (pos < text.length() && "<>=!".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String word(int from) {
        int end = from;
        while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                || text.charAt(end) == '_')) {
            end++;
        }
        return text.substring(from, end);
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    /** "what at column n in 'text' hint": columns count from 1, as editors do. */
    private Refused refuse(String what, int at, String hint) {
        return new Refused(what + " at column " + (at + 1) + " in '" + text + "'" + (hint.isEmpty() ? "" : " " + hint));
    }
}
