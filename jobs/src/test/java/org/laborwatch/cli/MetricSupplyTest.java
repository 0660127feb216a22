package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Why a metric came out empty, said as its own needs are: every series it reads, or any one. */
class MetricSupplyTest {

    @Test
    void aMetricThatNeedsEverySeriesNamesTheOnesMissing() {
        Set<String> covered = Set.of("covered_employment (nsa)");
        String why = MetricSupply.whyNothing("iur_13wk", covered);
        assertTrue(why.startsWith("iur_13wk reads "), why);
        assertTrue(why.endsWith("; the input lacks insured_unemployed_13wk_avg (nsa) (formats: eta539)"), why);
        assertFalse(MetricSupply.hasItsInputs("iur_13wk", covered));
    }

    /**
     * The disruption index computes a month from any one component with a full baseline: an input
     * with the unemployment rate lacks no series it needs, only history (the message named the other
     * components as missing until #13's fifteenth part).
     */
    @Test
    void aMetricThatNeedsAnyOneSeriesNamesTheOneHeldAndTheHistory() {
        Set<String> rates = Set.of("unemployment_rate (sa)");
        String why = MetricSupply.whyNothing("disruption_index", rates, List.of("US-*"));
        assertTrue(why.startsWith("disruption_index reads any of "), why);
        assertTrue(why.endsWith("; the input has unemployment_rate (sa), but not enough history for any period of it"
                + " in the regions the policy watches (US-*)"), why);
        assertFalse(why.contains("lacks"), why);
        assertTrue(MetricSupply.hasItsInputs("disruption_index", rates));
        String none = MetricSupply.whyNothing("disruption_index", Set.of("insured_unemployed_13wk_avg (nsa)"));
        assertTrue(none.startsWith("disruption_index reads any of ") && none.endsWith("; the input has none of them"), none);
    }

    @Test
    void everySeriesHeldLeavesTheHistory() {
        assertEquals("sahm_gap reads unemployment_rate (sa), which the input has, but not enough history for any"
                + " period of it", MetricSupply.whyNothing("sahm_gap", Set.of("unemployment_rate (sa)")));
    }
}
