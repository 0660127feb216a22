package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-region parameters: declared with a default and per-region values, used by conditions, bound per region. */
class PolicyParametersTest {

    /** A policy whose TUR branch only some regions have, and whose IUR threshold differs by region. */
    static final String OPTIONS = """
            id: options
            version: 1
            scope: {regions: "US-*", sectors: all}
            parameters:
              tur_option:
                default: false
                regions: {US-AK: true, "US-N*": true, US-NE: false}
              iur_threshold:
                default: 5.0
                regions: {US-PR: 6.0}
            enter:
              any:
                - "iur_13wk >= iur_threshold"
                - all: ["tur_option", "tur_3mo >= 6.5"]
            """;

    private static final Map<String, BigDecimal> TUR_ON = Map.of("iur_13wk", new BigDecimal("5.5"),
            "tur_3mo", new BigDecimal("7.0"));

    private static Condition.Outcome enter(Policy p, String region, Map<String, BigDecimal> values) {
        return p.forRegion(region).enter().evaluate(values::get);
    }

    @Test
    void aRegionTakesItsCodeThenTheLongestPatternThenTheDefault() {
        Policy p = PolicyParser.parse(OPTIONS);
        Parameters.Parameter tur = p.parameters().get("tur_option");
        assertEquals(true, tur.valueFor("US-AK"), "its code");
        assertEquals(true, tur.valueFor("US-NY"), "the pattern US-N*");
        assertEquals(false, tur.valueFor("US-NE"), "its code before the pattern");
        assertEquals(false, tur.valueFor("US-CA"), "the default");
        assertEquals(new BigDecimal("6.0"), p.parameters().get("iur_threshold").valueFor("US-PR"));
    }

    @Test
    void conditionsUseTheRegionsValues() {
        Policy p = PolicyParser.parse(OPTIONS);
        Map<String, BigDecimal> turOnly = Map.of("iur_13wk", new BigDecimal("4.0"), "tur_3mo", new BigDecimal("7.0"));
        assertEquals(Condition.Outcome.TRUE, enter(p, "US-AK", turOnly), "AK has the TUR option");
        assertEquals(Condition.Outcome.FALSE, enter(p, "US-CA", turOnly), "CA has not");
        assertEquals(Condition.Outcome.TRUE, enter(p, "US-CA", TUR_ON), "5.5 >= 5.0");
        assertEquals(Condition.Outcome.FALSE, enter(p, "US-PR", TUR_ON), "5.5 < PR's 6.0");
        assertEquals(new BigDecimal("6.0"), p.forRegion("US-PR").thresholds().get("iur_13wk"),
                "the evidence names the region's threshold");
        // A flag reads no metric: the policy waits for none.
        assertEquals(java.util.Set.of("iur_13wk", "tur_3mo"), p.metrics());
    }

    @Test
    void unboundConditionsUseTheDefaults() {
        Policy p = PolicyParser.parse(OPTIONS);
        assertEquals(Condition.Outcome.TRUE, p.enter().evaluate(TUR_ON::get));
        assertEquals(new BigDecimal("5.0"), p.thresholds().get("iur_13wk"));
    }

    @Test
    void aPolicyWithoutParametersIsItselfInEveryRegion() {
        for (Policy p : BundledPolicies.all()) {
            assertEquals(Parameters.NONE, p.parameters(), p.id());
            assertSame(p, p.forRegion("US-CA"), p.id());
        }
    }

    private static String only(String yaml) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(yaml));
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(1, lines.size(), e.getMessage());
        return lines.get(0);
    }

    private static String replaced(String from, String to) {
        assertEquals(true, OPTIONS.contains(from), from);
        return OPTIONS.replace(from, to);
    }

    @Test
    void anUndeclaredParameterIsNamedWithTheDeclaredOnes() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(
                replaced("\"iur_13wk >= iur_threshold\"", "\"iur_13wk >= iur_treshold\"")));
        assertEquals(List.of("policy 'options': enter.any[0]: unknown parameter 'iur_treshold' in 'iur_13wk >= iur_treshold'"
                + " (declared: iur_threshold, tur_option)",
                "policy 'options': parameters.iur_threshold: declared but no condition uses it").subList(0, 1),
                e.getMessage().lines().toList());
    }

    @Test
    void refusedTexts() {
        assertEquals("policy 'options': enter.any[1].all[0]: parameter 'iur_threshold' is a number; a condition needs a"
                + " true/false parameter, or compare a metric with it ('metric >= iur_threshold')",
                only(replaced("[\"tur_option\", \"tur_3mo >= 6.5\"]", "[\"iur_threshold\", \"tur_option\", \"tur_3mo >= 6.5\"]")));
        assertEquals("policy 'options': enter.any[1].all[1]: parameter 'tur_option' is true/false and cannot be a"
                + " threshold in 'tur_3mo >= tur_option'; use it as a condition of its own, or declare a number parameter",
                only(replaced("\"tur_3mo >= 6.5\"", "\"tur_3mo >= tur_option\"")));
        assertEquals("policy 'options': parameters.tur_option.regions.US-AK: must be true or false like the default,"
                + " got 6.5", only(replaced("US-AK: true", "US-AK: 6.5")));
        assertEquals("policy 'options': parameters.tur_option.regions.US AK: must be a region code such as US-CA, or a"
                + " pattern ending in * such as US-*", only(replaced("US-AK: true", "\"US AK\": true")));
        assertEquals("policy 'options': parameters.iur_threshold.default: must be true, false or a plain number such"
                + " as 6.5, got 'five'", only(replaced("default: 5.0", "default: five")));
        assertEquals("policy 'options': parameters.iur_threshold.default: required",
                only(replaced("default: 5.0\n", "")));
        assertEquals("policy 'options': parameters.tur_option.region: unknown key (known: default, regions)",
                only(replaced("regions: {US-AK", "region: {US-AK")).replace("\n", ""));
        PolicyException list = assertThrows(PolicyException.class,
                () -> PolicyParser.parse("id: options\nversion: 1\nscope: {regions: US, sectors: all}\nparameters: []\n"
                        + "enter: \"tur_3mo >= 6.5\"\n"));
        assertEquals("policy 'options': parameters: must be a mapping of parameter names to {default: value,"
                + " regions: {...}}, got a list", list.getMessage());
    }

    @Test
    void aParameterNoConditionUsesIsAMistake() {
        assertEquals("policy 'options': parameters.hup_option: declared but no condition uses it",
                only(replaced("parameters:\n", "parameters:\n  hup_option: {default: false}\n")));
    }

    @Test
    void aParameterCannotBeNamedLikeAMetricOrBadly() {
        assertEquals("policy 'options': parameters.tur_3mo: 'tur_3mo' is a metric; give the parameter another name",
                firstLine(replaced("parameters:\n", "parameters:\n  tur_3mo: {default: 1}\n")));
        assertEquals("policy 'options': parameters.TurOption: a parameter name must be lower-case letters, digits and"
                + " '_', starting with a letter ([a-z][a-z0-9_]*, at most 64 characters)",
                firstLine(replaced("parameters:\n", "parameters:\n  TurOption: {default: true}\n")));
    }

    private static String firstLine(String yaml) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(yaml));
        return e.getMessage().lines().findFirst().orElseThrow();
    }
}
