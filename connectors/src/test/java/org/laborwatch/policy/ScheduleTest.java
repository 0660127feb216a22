package org.laborwatch.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schedules: a value mapped through bands to an output level (issue #16 item 2). */
class ScheduleTest {

    private static final String HEAD = "id: t\nversion: 1\nscope: {regions: US-*, sectors: all}\nenter: 'tur_3mo >= 0'\n";

    private static String problems(String yaml) {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyParser.parse(HEAD + yaml));
        return String.join("\n", e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    @Test
    void theEiEntranceRequirementIsTheActsTable() {
        Schedule s = BundledPolicies.load("ei-entrance").schedule();
        assertEquals("insured_hours", s.output());
        // EI Act s.7(2): 700 hours at 6% or less, 35 fewer per point, 420 above 13%.
        for (int i = 0; i < s.bands().size(); i++) {
            assertEquals(new BigDecimal(700 - 35 * i), s.bands().get(i).level().setScale(0), "band " + i);
            if (i < s.bands().size() - 1) {
                assertEquals(new BigDecimal(6 + i), s.bands().get(i).upTo().setScale(0), "band " + i);
            }
        }
        assertEquals(9, s.bands().size());
    }

    @Test
    void aValueFallsInTheBandWhoseBoundsHoldIt() {
        Policy ei = BundledPolicies.load("ei-entrance");
        Map<String, String> cases = Map.of("3.5", "base", "6.0", "base", "6.01", "band-1", "7.0", "band-1",
                "12.99", "band-7", "13.0", "band-7", "13.01", "band-8", "25", "band-8");
        cases.forEach((rate, band) -> {
            Map<String, BigDecimal> v = Map.of("tur_3mo", new BigDecimal(rate));
            String tier = "base";
            for (Policy.Tier t : ei.tiers()) {
                if (t.when().evaluate(v::get) == Condition.Outcome.TRUE) {
                    tier = t.name();
                }
            }
            assertEquals(band, tier, "rate " + rate);
        });
        assertEquals(new BigDecimal("665"), ei.schedule().bands().get(ei.schedule().bandOf("band-1")).level());
        assertEquals(null, ei.schedule().above(0));
        assertEquals(new BigDecimal("13.0"), ei.schedule().above(8));
    }

    @Test
    void anExpressionCanBeScheduled() {
        Policy p = PolicyParser.parse(HEAD + "schedule: {of: 'max(tur_3mo, iur_13wk)', output: weeks, bands: "
                + "[{up_to: 5, level: 13}, {level: 20}]}");
        assertEquals(List.of("band-1"), p.tiers().stream().map(Policy.Tier::name).toList());
        assertEquals(Condition.Outcome.TRUE, p.tiers().get(0).when().evaluate(
                Map.of("tur_3mo", new BigDecimal("4"), "iur_13wk", new BigDecimal("5.5"))::get));
        assertEquals(Condition.Outcome.UNKNOWN, p.tiers().get(0).when().evaluate(
                Map.of("tur_3mo", new BigDecimal("4"))::get), "an unavailable input leaves the band unknown");
    }

    @Test
    void refusedSchedules() {
        assertEquals("schedule.bands[1].up_to: must be above the previous band's 7.0, got 6.5 (bands ascend)",
                problems("schedule: {of: tur_3mo, output: hours, bands: [{up_to: 7.0, level: 1}, {up_to: 6.5, level: 2},"
                        + " {level: 3}]}"));
        assertEquals("schedule.bands[1].up_to: the last band has no upper bound: it holds every value above 7.0",
                problems("schedule: {of: tur_3mo, output: hours, bands: [{up_to: 7.0, level: 1}, {up_to: 9, level: 2}]}"));
        assertEquals("schedule.bands[0].up_to: required",
                problems("schedule: {of: tur_3mo, output: hours, bands: [{level: 1}, {level: 2}]}"));
        assertEquals("schedule.bands: must be a list of at least two bands [{up_to: n, level: n}, ..., {level: n}], got a list",
                problems("schedule: {of: tur_3mo, output: hours, bands: [{level: 1}]}"));
        assertEquals("schedule.bands[0].level: must be a plain number such as 6.0, got 'many'",
                problems("schedule: {of: tur_3mo, output: hours, bands: [{up_to: 1, level: many}, {level: 2}]}"));
        assertEquals("schedule.of: unknown metric 'tur_3m' at column 1 in 'tur_3m' (metrics: "
                        + String.join(", ", MetricNames.ALL) + ")",
                problems("schedule: {of: tur_3m, output: hours, bands: [{up_to: 1, level: 1}, {level: 2}]}"));
        assertEquals("schedule.of: reads no metric in '1 + 2'",
                problems("schedule: {of: '1 + 2', output: hours, bands: [{up_to: 1, level: 1}, {level: 2}]}"));
        assertEquals("schedule.output: must be a name such as insured_hours ([a-z][a-z0-9_]*), got 'Hours!'",
                problems("schedule: {of: tur_3mo, output: 'Hours!', bands: [{up_to: 1, level: 1}, {level: 2}]}"));
        assertEquals("schedule: give tiers or a schedule, not both (a schedule's bands are its tiers)",
                problems("tiers: [{name: hup, when: 'tur_3mo >= 8'}]\n"
                        + "schedule: {of: tur_3mo, output: hours, bands: [{up_to: 1, level: 1}, {level: 2}]}"));
        assertEquals("schedule.levels: unknown key (known: of, output, unit, bands)",
                problems("schedule: {of: tur_3mo, output: hours, levels: 1, bands: [{up_to: 1, level: 1}, {level: 2}]}"));
    }
}
