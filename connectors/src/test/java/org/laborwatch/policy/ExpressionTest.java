package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Expressions in conditions: arithmetic, min/max/abs, metric against metric (issue #16 item 1). */
class ExpressionTest {

    private static final Condition.Outcome T = Condition.Outcome.TRUE;
    private static final Condition.Outcome F = Condition.Outcome.FALSE;
    private static final Condition.Outcome U = Condition.Outcome.UNKNOWN;

    private static final String HEAD = "id: t\nversion: 1\nscope: {regions: US-*, sectors: all}\n";

    private static Condition cond(String text) {
        return PolicyParser.parse(HEAD + "enter: " + text).enter();
    }

    /** Metric values from pairs: name, value, name, value, ... */
    private static Map<String, BigDecimal> values(String... pairs) {
        Map<String, BigDecimal> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], new BigDecimal(pairs[i + 1]));
        }
        return m;
    }

    private static Condition.Outcome eval(String text, String... pairs) {
        return cond(text).evaluate(values(pairs)::get);
    }

    /** The one message a policy with {@code enter: text} is refused with. */
    private static String refused(String text) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(HEAD + "enter: " + text));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0).path() + ": " + e.problems().get(0).message();
    }

    @Test
    void minOfTwoGapsIsTheMichezRule() {
        String michez = "'min(sahm_gap, vacancy_gap) >= 0.29'";
        assertEquals(T, eval(michez, "sahm_gap", "0.57", "vacancy_gap", "0.30"));
        assertEquals(F, eval(michez, "sahm_gap", "0.57", "vacancy_gap", "0.28"));
        assertEquals(T, eval(michez, "sahm_gap", "0.29", "vacancy_gap", "0.290"), "exact: 0.29 passes >= 0.29");
        assertInstanceOf(Condition.Relation.class, cond(michez));
        assertEquals(Set.of("sahm_gap", "vacancy_gap"), cond(michez).metrics());
    }

    @Test
    void maxAbsAndArithmetic() {
        assertEquals(T, eval("'max(sahm_gap, vacancy_gap) >= 0.5'", "sahm_gap", "0.1", "vacancy_gap", "0.5"));
        assertEquals(F, eval("'max(sahm_gap, vacancy_gap, tur_3mo) < 6'", "sahm_gap", "0.1", "vacancy_gap", "0.5",
                "tur_3mo", "6.0"), "max takes more than two arguments");
        assertEquals(T, eval("'abs(sahm_gap) >= 0.3'", "sahm_gap", "-0.31"));
        // Precedence: * and / before + and -, left to right; unary minus; parentheses.
        assertEquals(T, eval("'tur_3mo - 2 * sahm_gap == 5'", "tur_3mo", "6", "sahm_gap", "0.5"));
        assertEquals(T, eval("'(tur_3mo - 2) * sahm_gap == 2'", "tur_3mo", "6", "sahm_gap", "0.5"));
        assertEquals(T, eval("'tur_3mo - 1 - 1 == 4'", "tur_3mo", "6"), "left-associative");
        assertEquals(T, eval("'tur_3mo / 2 / 3 == 1'", "tur_3mo", "6"), "left-associative");
        assertEquals(T, eval("'-sahm_gap + 1 == 0.5'", "sahm_gap", "0.5"));
        assertEquals(T, eval("'--sahm_gap == 0.5'", "sahm_gap", "0.5"));
    }

    @Test
    void arithmeticIsExactDecimal() {
        assertFalse(0.1 + 0.2 == 0.3, "the float problem this test guards against");
        assertEquals(T, eval("'sahm_gap + 0.2 == 0.3'", "sahm_gap", "0.1"));
        assertEquals(T, eval("'sahm_gap * 3 == 0.9'", "sahm_gap", "0.3"));
        // A quotient that does not terminate is rounded to 34 digits: 1/3*3 is 0.999..., not 1.
        assertEquals(F, eval("'tur_3mo / 3 * 3 == 1'", "tur_3mo", "1"));
        assertEquals(T, eval("'tur_3mo / 3 > 0.3333333333333333333333333333333332'", "tur_3mo", "1"));
        assertEquals(T, eval("'tur_3mo / 4 == 0.25'", "tur_3mo", "1"), "a terminating quotient is exact");
    }

    @Test
    void metricAgainstMetric() {
        assertEquals(T, eval("'tur_3mo >= iur_13wk'", "tur_3mo", "6.5", "iur_13wk", "6.5"));
        assertEquals(F, eval("'tur_3mo > iur_13wk'", "tur_3mo", "6.5", "iur_13wk", "6.5"));
        assertEquals(T, eval("'0.5 <= sahm_gap'", "sahm_gap", "0.5"), "a number on the left");
        assertInstanceOf(Condition.Relation.class, cond("'tur_3mo >= iur_13wk'"));
    }

    @Test
    void anUnavailableInputMakesTheComparisonUnknown() {
        String michez = "'min(sahm_gap, vacancy_gap) >= 0.29'";
        // Unknown even where the known side alone would decide min(): the same rule as a plain comparison.
        assertEquals(U, eval(michez, "sahm_gap", "0.10"));
        assertEquals(U, eval(michez, "vacancy_gap", "0.50"));
        assertEquals(U, eval("'tur_3mo >= iur_13wk'", "tur_3mo", "6.5"));
        assertEquals(U, eval("'tur_3mo / iur_13wk >= 1'", "tur_3mo", "6.5", "iur_13wk", "0"),
                "a division by zero is no value");
        // Three-valued all/any around expressions, as around plain comparisons.
        assertEquals(F, eval("{all: ['min(sahm_gap, vacancy_gap) >= 0.29', 'tur_3mo >= 6']}", "tur_3mo", "5"));
        assertEquals(U, eval("{all: ['min(sahm_gap, vacancy_gap) >= 0.29', 'tur_3mo >= 6']}", "tur_3mo", "7"));
        assertEquals(T, eval("{any: ['min(sahm_gap, vacancy_gap) >= 0.29', 'tur_3mo >= 6']}", "tur_3mo", "7"));
    }

    @Test
    void plainComparisonsStayAsTheyWere() {
        assertEquals(new Condition.Compare("sahm_gap", Comparison.GE, new BigDecimal("0.50")), cond("'sahm_gap >= 0.50'"));
        assertEquals(new Condition.Compare("sahm_gap", Comparison.GE, new BigDecimal("-0.5")), cond("'sahm_gap >= -0.5'"));
    }

    @Test
    void thresholdsForEvidence() {
        Policy p = PolicyParser.parse(HEAD + "enter: {all: ['min(sahm_gap, vacancy_gap) >= 0.29', 'abs(tur_3mo) >= 1',"
                + " 'iur_13wk >= tur_3mo', 'claims_yoy_pct * 2 >= 10']}");
        // min/max of bare metrics against a number gives each metric that number; other shapes give none.
        assertEquals(Map.of("sahm_gap", new BigDecimal("0.29"), "vacancy_gap", new BigDecimal("0.29")), p.thresholds());
    }

    @Test
    void numberParametersStandInExpressionsAndBindPerRegion() {
        Policy p = PolicyParser.parse(HEAD + "parameters: {cut: {default: 0.29, regions: {US-CA: 0.5}}}\n"
                + "enter: 'min(sahm_gap, vacancy_gap) >= cut'");
        Map<String, BigDecimal> v = values("sahm_gap", "0.4", "vacancy_gap", "0.4");
        assertEquals(T, p.forRegion("US-TX").enter().evaluate(v::get));
        assertEquals(F, p.forRegion("US-CA").enter().evaluate(v::get));
        assertEquals(new BigDecimal("0.5"), p.forRegion("US-CA").thresholds().get("sahm_gap"));
        assertEquals(Set.of("cut"), p.enter().parameters());
    }

    @Test
    void anExpressionSurvivesJavaSerialization() throws Exception {
        Condition c = cond("'min(sahm_gap, abs(vacancy_gap - 1) / 2) >= 0.29'");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(c);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(c, in.readObject());
        }
    }

    @Test
    void refusedTextsNameThePathAndTheCause() {
        List<String[]> cases = List.of(
                new String[] {"'min(sahm_gap, vacancy_gp) >= 0.29'",
                        "enter: unknown metric 'vacancy_gp' at column 15 in 'min(sahm_gap, vacancy_gp) >= 0.29' (metrics: "},
                new String[] {"'mn(sahm_gap, vacancy_gap) >= 0.29'",
                        "enter: unknown function 'mn' at column 1 in 'mn(sahm_gap, vacancy_gap) >= 0.29' (known: min, max, abs)"},
                new String[] {"'min(sahm_gap) >= 0.29'",
                        "enter: min(...) takes at least 2 arguments, got 1 at column 1 in 'min(sahm_gap) >= 0.29'"},
                new String[] {"'abs(sahm_gap, tur_3mo) >= 0.29'",
                        "enter: abs(...) takes exactly 1 argument, got 2 at column 1 in 'abs(sahm_gap, tur_3mo) >= 0.29'"},
                new String[] {"'min(sahm_gap, vacancy_gap >= 0.29'",
                        "enter: missing ')' at column 27 in 'min(sahm_gap, vacancy_gap >= 0.29' for the '(' at column 1"},
                new String[] {"'min(sahm_gap, vacancy_gap)'",
                        "enter: missing comparison operator at column 27 in 'min(sahm_gap, vacancy_gap)'"},
                new String[] {"'sahm_gap + 1 >= 2 >= 3'",
                        "enter: a second comparison operator at column 19 in 'sahm_gap + 1 >= 2 >= 3' (one comparison"},
                new String[] {"'sahm_gap + >= 2'",
                        "enter: unexpected '>' at column 12 in 'sahm_gap + >= 2' (expected a number, a metric, a parameter,"},
                new String[] {"'sahm_gap * 1e3 >= 2'",
                        "enter: '1e3' is not a plain decimal number such as 5.0 at column 12 in 'sahm_gap * 1e3 >= 2'"},
                new String[] {"'sahm_gap + 1 => 2'",
                        "enter: unknown operator '=>' at column 14 in 'sahm_gap + 1 => 2' (known: >= > <= < == !=)"},
                new String[] {"'1 + 1 >= 2'",
                        "enter: compares no metric in '1 + 1 >= 2': a condition must read at least one metric"});
        for (String[] c : cases) {
            String message = refused(c[0]);
            assertTrue(message.startsWith(c[1]), "for " + c[0] + "\n  got: " + message + "\n want: " + c[1]);
        }
    }

    @Test
    void refusedParametersInExpressions() {
        String flag = HEAD + "parameters: {opt: {default: true}}\nenter: {all: [opt, 'sahm_gap * opt >= 1']}";
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(flag));
        assertEquals("enter.all[1]: parameter 'opt' is true/false and cannot be a number at column 12 in "
                + "'sahm_gap * opt >= 1' (use it as a condition of its own)", e.problems().get(0).path() + ": "
                + e.problems().get(0).message());
        String unknown = HEAD + "parameters: {cut: {default: 1}}\nenter: {all: ['sahm_gap >= cut', 'sahm_gap * ct >= 1']}";
        e = assertThrows(PolicyException.class, () -> PolicyParser.parse(unknown));
        assertTrue(e.getMessage().contains("enter.all[1]: unknown metric or parameter 'ct' at column 12"), e.getMessage());
        assertTrue(e.getMessage().contains("; parameters: cut)"), e.getMessage());
        // A parameter refused for its own problem is reported once, not again where an expression uses it.
        String bad = HEAD + "parameters: {cut: {default: x}}\nenter: 'min(sahm_gap, vacancy_gap) >= cut'";
        e = assertThrows(PolicyException.class, () -> PolicyParser.parse(bad));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertEquals("parameters.cut.default", e.problems().get(0).path());
    }
}
