package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Condition.Outcome T = Condition.Outcome.TRUE;
    private static final Condition.Outcome F = Condition.Outcome.FALSE;
    private static final Condition.Outcome U = Condition.Outcome.UNKNOWN;

    private static Condition cond(String text) {
        return PolicyParser.parse("id: t\nversion: 1\nscope: {regions: US, sectors: all}\nenter: " + text).enter();
    }

    @Test
    void exactDecimalsPassWhereDoublesFail() {
        // A gap of exactly 0.50 reached by subtraction: in doubles 0.7 - 0.2 is 0.49999999999999994.
        assertFalse(0.7 - 0.2 >= 0.50, "the float problem this test guards against");
        BigDecimal gap = new BigDecimal("0.7").subtract(new BigDecimal("0.2"));
        assertEquals(T, cond("'sahm_gap >= 0.50'").evaluate(Map.of("sahm_gap", gap)::get));
        // The Sahm computation in tenths: (S(t) - min S) / 30 = 15 / 30.
        BigDecimal tenths = new BigDecimal(15).divide(new BigDecimal(30));
        assertEquals(T, cond("'sahm_gap >= 0.50'").evaluate(Map.of("sahm_gap", tenths)::get));
        assertEquals(F, cond("'sahm_gap > 0.50'").evaluate(Map.of("sahm_gap", tenths)::get));
        assertEquals(T, cond("'sahm_gap == 0.5'").evaluate(Map.of("sahm_gap", tenths)::get), "scale is ignored");
    }

    @Test
    void everyOperator() {
        Map<String, BigDecimal> v = Map.of("tur_3mo", new BigDecimal("6.5"));
        assertEquals(T, cond("'tur_3mo >= 6.5'").evaluate(v::get));
        assertEquals(F, cond("'tur_3mo > 6.5'").evaluate(v::get));
        assertEquals(T, cond("'tur_3mo <= 6.50'").evaluate(v::get));
        assertEquals(F, cond("'tur_3mo < 6.5'").evaluate(v::get));
        assertEquals(T, cond("'tur_3mo == 6.500'").evaluate(v::get));
        assertEquals(T, cond("'tur_3mo != 6.4'").evaluate(v::get));
        assertEquals(T, cond("'tur_3mo>=-1'").evaluate(v::get), "spaces are optional, negatives allowed");
    }

    @Test
    void missingMetricIsUnknown() {
        assertEquals(U, cond("'iur_13wk >= 5.0'").evaluate(Map.<String, BigDecimal>of()::get));
    }

    @Test
    void allIsThreeValued() {
        Condition all = cond("{all: ['iur_13wk >= 5.0', 'iur_lookback_pct >= 120']}");
        assertEquals(T, all.evaluate(values("6.0", "130")::get));
        assertEquals(F, all.evaluate(values("4.0", "130")::get));
        assertEquals(U, all.evaluate(values("6.0", null)::get), "true and unknown");
        assertEquals(F, all.evaluate(values("4.0", null)::get), "false wins over unknown");
        assertEquals(U, all.evaluate(values(null, null)::get));
    }

    @Test
    void anyIsThreeValued() {
        Condition any = cond("{any: ['tur_lookback_pct_1y >= 110', 'tur_lookback_pct_2y >= 110']}");
        assertEquals(T, any.evaluate(Map.of("tur_lookback_pct_1y", new BigDecimal("111"))::get), "true wins");
        assertEquals(U, any.evaluate(Map.of("tur_lookback_pct_1y", new BigDecimal("100"))::get), "false, unknown");
        assertEquals(F, any.evaluate(Map.of("tur_lookback_pct_1y", new BigDecimal("100"),
                "tur_lookback_pct_2y", new BigDecimal("109"))::get));
        assertEquals(U, any.evaluate(Map.<String, BigDecimal>of()::get));
    }

    @Test
    void nestedConditions() {
        Condition c = cond("{all: ['tur_3mo >= 6.5', {any: ['tur_lookback_pct_1y >= 110', "
                + "'tur_lookback_pct_2y >= 110']}]}");
        assertEquals(new Condition.All(List.of(
                new Condition.Compare("tur_3mo", Comparison.GE, new BigDecimal("6.5")),
                new Condition.Any(List.of(
                        new Condition.Compare("tur_lookback_pct_1y", Comparison.GE, new BigDecimal("110")),
                        new Condition.Compare("tur_lookback_pct_2y", Comparison.GE, new BigDecimal("110")))))), c);
        assertEquals(T, c.evaluate(Map.of("tur_3mo", new BigDecimal("7"),
                "tur_lookback_pct_2y", new BigDecimal("115"))::get));
    }

    @Test
    void scopeWildcardCoversStatesNotTheNation() {
        Policy.Scope scope = new Policy.Scope(List.of("US-*"), List.of("all"));
        assertTrue(scope.covers("US-CA", "all"));
        assertFalse(scope.covers("US", "all"));
        assertFalse(scope.covers("US-", "all"));
        assertFalse(scope.covers("USA", "all"));
        assertFalse(scope.covers("US-CA", "naics:72"), "sector 'all' is the total, not a wildcard");
    }

    @Test
    void policyIsJavaSerializable() throws IOException, ClassNotFoundException {
        Policy p = BundledPolicies.load("eb-iur");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(p);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(p, in.readObject());
        }
    }

    private static Map<String, BigDecimal> values(String iur, String lookback) {
        java.util.HashMap<String, BigDecimal> m = new java.util.HashMap<>();
        if (iur != null) {
            m.put("iur_13wk", new BigDecimal(iur));
        }
        if (lookback != null) {
            m.put("iur_lookback_pct", new BigDecimal(lookback));
        }
        return m;
    }
}
