package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;

/** The trigger state machine, rule by rule, on the bundled policies and small ones made here. */
class TriggerEvaluatorTest {

    private static MetricPoint sahm(String month, String gap) {
        return MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY,
                LocalDate.parse(month + "-01"), new BigDecimal(gap), LocalDate.parse(month + "-01").plusMonths(1));
    }

    private static MetricPoint weekly(String metric, LocalDate week, String value) {
        return MetricPoint.ok(metric, "insured_unemployed_13wk_avg", "US-AZ", "all", Frequency.WEEKLY, week,
                new BigDecimal(value), week.plusDays(12));
    }

    private static List<TriggerEvent> feed(Policy policy, TriggerState state, MetricPoint... points) {
        List<TriggerEvent> events = new ArrayList<>();
        for (MetricPoint p : points) {
            events.addAll(TriggerEvaluator.onMetric(policy, state, p.region(), p.sector(), p));
        }
        return events;
    }

    @Test
    void realTimeSahm2024EntersInJulyAndExitsInOctober() {
        Policy policy = BundledPolicies.load("sahm-national");
        List<TriggerEvent> events = feed(policy, new TriggerState(), sahm("2024-06", "0.43"), sahm("2024-07", "0.53"),
                sahm("2024-08", "0.57"), sahm("2024-09", "0.50"), sahm("2024-10", "0.43"));
        assertEquals(2, events.size());
        assertEquals(Transition.ENTER, events.get(0).transition());
        assertEquals(LocalDate.of(2024, 7, 1), events.get(0).period());
        assertEquals(LocalDate.of(2024, 8, 1), events.get(0).effectiveFrom());
        assertEquals(new BigDecimal("0.53"), events.get(0).evidence().get("sahm_gap"));
        assertEquals(new BigDecimal("0.50"), events.get(0).thresholds().get("sahm_gap"));
        assertEquals(Transition.EXIT, events.get(1).transition());
        assertEquals(LocalDate.of(2024, 10, 1), events.get(1).period());
        assertEquals(LocalDate.of(2024, 11, 30), events.get(1).effectiveUntil());
    }

    @Test
    void exactlyAtTheThresholdEnters() {
        List<TriggerEvent> events = feed(BundledPolicies.load("sahm-national"), new TriggerState(), sahm("1957-10", "0.50"));
        assertEquals(Transition.ENTER, events.get(0).transition());
    }

    @Test
    void ebPeriodBeginsOnTheSundayOfTheThirdWeekAfterTheOnWeekAndEndsOnTheSaturdayOfTheThirdWeekAfterTheOffWeek() {
        Policy eb = BundledPolicies.load("eb-iur");
        TriggerState state = new TriggerState();
        LocalDate on = LocalDate.of(2020, 5, 30);
        List<TriggerEvent> events = new ArrayList<>(feed(eb, state, weekly("iur_13wk", on, "5.1315"),
                weekly("iur_lookback_pct", on, "603.71")));
        assertEquals(1, events.size());
        assertEquals(Transition.ENTER, events.get(0).transition());
        assertEquals(LocalDate.of(2020, 6, 14), events.get(0).effectiveFrom());
        // Below 5.0 in week 13 after the ON week: past the minimum, so it exits.
        for (int w = 1; w <= 13; w++) {
            LocalDate week = on.plusWeeks(w);
            String iur = w < 13 ? "6.0" : "4.83";
            events.addAll(feed(eb, state, weekly("iur_13wk", week, iur), weekly("iur_lookback_pct", week, "400")));
        }
        TriggerEvent exit = events.get(events.size() - 1);
        assertEquals(Transition.EXIT, exit.transition());
        assertEquals(on.plusWeeks(13), exit.period());
        assertEquals(on.plusWeeks(13).plusDays(21), exit.effectiveUntil());
    }

    @Test
    void anEbPeriodLastsAtLeastThirteenWeeks() {
        Policy eb = BundledPolicies.load("eb-iur");
        TriggerState state = new TriggerState();
        LocalDate on = LocalDate.of(2020, 5, 30);
        TriggerEvent enter = feed(eb, state, weekly("iur_13wk", on, "5.5"), weekly("iur_lookback_pct", on, "200")).get(0);
        for (int w = 1; w < 12; w++) {
            List<TriggerEvent> e = feed(eb, state, weekly("iur_13wk", on.plusWeeks(w), "4.0"),
                    weekly("iur_lookback_pct", on.plusWeeks(w), "200"));
            assertTrue(e.isEmpty(), "no exit in week " + w + " of the 13-week minimum");
        }
        assertTrue(state.isOn());
        TriggerEvent exit = feed(eb, state, weekly("iur_13wk", on.plusWeeks(12), "4.0"),
                weekly("iur_lookback_pct", on.plusWeeks(12), "200")).get(0);
        assertEquals(Transition.EXIT, exit.transition());
        // Sunday 2020-06-14 to Saturday 2020-09-12: exactly 13 weeks of benefits.
        assertEquals(13 * 7 - 1, java.time.temporal.ChronoUnit.DAYS.between(enter.effectiveFrom(), exit.effectiveUntil()));
    }

    @Test
    void aThirteenPeriodMinimumOnHoldsWhateverTheData() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                min_on: 13
                """);
        TriggerState s = new TriggerState();
        feed(p, s, sahm("2020-01", "0.6"));
        for (int m = 1; m < 13; m++) {
            assertTrue(feed(p, s, sahm(LocalDate.of(2020, 1, 1).plusMonths(m).toString().substring(0, 7), "0.1")).isEmpty());
        }
        assertEquals(Transition.EXIT, feed(p, s, sahm("2021-02", "0.1")).get(0).transition());
    }

    @Test
    void ebBeginsNoNewPeriodBeforeTheFourteenthWeekAfterAPeriodEnds() {
        Policy eb = BundledPolicies.load("eb-iur");
        TriggerState state = new TriggerState();
        LocalDate on = LocalDate.of(2020, 5, 30);
        List<TriggerEvent> events = new ArrayList<>();
        for (int w = 0; w <= 13; w++) {
            LocalDate week = on.plusWeeks(w);
            events.addAll(feed(eb, state, weekly("iur_13wk", week, w < 13 ? "6.0" : "4.0"),
                    weekly("iur_lookback_pct", week, "200")));
        }
        LocalDate off = on.plusWeeks(13);
        assertEquals(Transition.EXIT, events.get(events.size() - 1).transition());
        // Back above 5.0 at once: no new ON week until the 14th week after the OFF week.
        for (int w = 1; w < 14; w++) {
            LocalDate week = off.plusWeeks(w);
            assertTrue(feed(eb, state, weekly("iur_13wk", week, "6.0"), weekly("iur_lookback_pct", week, "200")).isEmpty(),
                    "locked out in week " + w);
        }
        LocalDate again = off.plusWeeks(14);
        List<TriggerEvent> e = feed(eb, state, weekly("iur_13wk", again, "6.0"), weekly("iur_lookback_pct", again, "200"));
        assertEquals(Transition.ENTER, e.get(0).transition());
        LocalDate periodEnded = off.plusDays(21);
        // The new period begins on the first day of the 14th week following the end of the prior one.
        assertEquals(periodEnded.plusDays(1).plusWeeks(13), e.get(0).effectiveFrom());
    }

    @Test
    void noNewOnWithinTheLockoutAfterAnOff() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                lockout: 3
                """);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = feed(p, s, sahm("2020-01", "0.6"), sahm("2020-02", "0.1"), sahm("2020-03", "0.9"),
                sahm("2020-04", "0.9"), sahm("2020-05", "0.9"));
        assertEquals(List.of(Transition.ENTER, Transition.EXIT, Transition.ENTER),
                events.stream().map(TriggerEvent::transition).toList());
        assertEquals(LocalDate.of(2020, 5, 1), events.get(2).period());
    }

    @Test
    void aLowerExitThresholdMakesAHysteresisBand() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                exit: "sahm_gap < 0.30"
                """);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = feed(p, s, sahm("2020-01", "0.50"), sahm("2020-02", "0.40"), sahm("2020-03", "0.30"),
                sahm("2020-04", "0.29"));
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), events.stream().map(TriggerEvent::transition).toList());
        assertEquals(LocalDate.of(2020, 4, 1), events.get(1).period());
    }

    @Test
    void confirmationNeedsConsecutivePeriods() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                confirm: {enter: 2, exit: 2}
                """);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = feed(p, s, sahm("2020-01", "0.6"), sahm("2020-02", "0.1"), sahm("2020-03", "0.6"),
                sahm("2020-04", "0.7"), sahm("2020-05", "0.1"), sahm("2020-06", "0.6"), sahm("2020-07", "0.1"),
                sahm("2020-08", "0.1"));
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), events.stream().map(TriggerEvent::transition).toList());
        assertEquals(LocalDate.of(2020, 4, 1), events.get(0).period());
        assertEquals(LocalDate.of(2020, 8, 1), events.get(1).period());
    }

    @Test
    void tiersGoUpAndDown() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                tiers: [{name: high, when: "sahm_gap >= 2.0"}]
                """);
        TriggerState s = new TriggerState();
        List<TriggerEvent> events = feed(p, s, sahm("2020-03", "0.6"), sahm("2020-04", "4.0"), sahm("2020-05", "1.0"));
        assertEquals(List.of(Transition.ENTER, Transition.TIER_UP, Transition.TIER_DOWN),
                events.stream().map(TriggerEvent::transition).toList());
        assertEquals("high", events.get(1).tier());
        assertEquals("base", events.get(2).tier());
    }

    @Test
    void aPeriodWaitsForEveryMetricThePolicyReads() {
        Policy eb = BundledPolicies.load("eb-iur");
        TriggerState state = new TriggerState();
        LocalDate week = LocalDate.of(2020, 5, 30);
        assertTrue(feed(eb, state, weekly("iur_13wk", week, "6.0")).isEmpty());
        assertEquals(1, state.pendingPeriods());
        assertEquals(1, feed(eb, state, weekly("iur_lookback_pct", week, "130")).size());
        assertEquals(0, state.pendingPeriods());
    }

    @Test
    void unavailableDataHoldsTheState() {
        Policy policy = BundledPolicies.load("sahm-national");
        TriggerState s = new TriggerState();
        feed(policy, s, sahm("2025-09", "0.6"));
        MetricPoint gap = MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY,
                LocalDate.of(2025, 10, 1), "unemployment_rate (sa) missing for 2025-10", LocalDate.of(2025, 12, 16));
        assertTrue(feed(policy, s, gap).isEmpty());
        assertTrue(s.isOn());
    }

    @Test
    void revisionsOfDecidedPeriodsDoNotRewriteThePast() {
        Policy policy = BundledPolicies.load("sahm-national");
        TriggerState s = new TriggerState();
        feed(policy, s, sahm("2024-07", "0.53"), sahm("2024-08", "0.57"));
        assertTrue(feed(policy, s, sahm("2024-07", "0.10")).isEmpty());
        assertTrue(s.isOn());
    }

    @Test
    void replayingTheSameInputsGivesTheSameEvents() {
        Policy policy = BundledPolicies.load("sahm-national");
        MetricPoint[] points = {sahm("2024-06", "0.43"), sahm("2024-07", "0.53"), sahm("2024-10", "0.43")};
        assertEquals(feed(policy, new TriggerState(), points), feed(policy, new TriggerState(), points));
    }

    private static final String RESTATING = """
            id: t
            version: 1
            scope: {regions: US, sectors: all}
            enter: "sahm_gap >= 0.50"
            revisions: restate
            """;

    @Test
    void restateModeRetractsAnEntryThatRevisedDataNoLongerSupport() {
        Policy p = PolicyParser.parse(RESTATING);
        TriggerState s = new TriggerState();
        List<TriggerEvent> first = feed(p, s, sahm("2024-06", "0.43"), sahm("2024-07", "0.53"), sahm("2024-08", "0.57"));
        assertEquals(List.of(Transition.ENTER), first.stream().map(TriggerEvent::transition).toList());
        // BLS revises July down: the July entry no longer holds; August's data now enter instead.
        List<TriggerEvent> corrected = feed(p, s, sahm("2024-07", "0.47"));
        assertEquals(List.of(Transition.CORRECTION, Transition.ENTER),
                corrected.stream().map(TriggerEvent::transition).toList());
        assertEquals(first.get(0).eventId(), corrected.get(0).corrects());
        assertEquals(LocalDate.of(2024, 7, 1), corrected.get(0).period());
        assertEquals(LocalDate.of(2024, 8, 1), corrected.get(1).period());
        assertTrue(s.isOn());
        // The same revision again changes nothing.
        assertTrue(feed(p, s, sahm("2024-07", "0.47")).isEmpty());
    }

    @Test
    void restateModeAddsAnEntryThatRevisedDataNowSupport() {
        Policy p = PolicyParser.parse(RESTATING);
        TriggerState s = new TriggerState();
        assertTrue(feed(p, s, sahm("2024-06", "0.43"), sahm("2024-07", "0.47"), sahm("2024-08", "0.40")).isEmpty());
        List<TriggerEvent> corrected = feed(p, s, sahm("2024-07", "0.53"));
        assertEquals(List.of(Transition.ENTER, Transition.EXIT), corrected.stream().map(TriggerEvent::transition).toList());
        assertEquals(LocalDate.of(2024, 7, 1), corrected.get(0).period());
        assertEquals(LocalDate.of(2024, 8, 1), corrected.get(1).period());
        assertTrue(!s.isOn());
    }

    @Test
    void prospectiveModeKeepsNoHistory() {
        TriggerState s = new TriggerState();
        feed(BundledPolicies.load("sahm-national"), s, sahm("2024-06", "0.43"), sahm("2024-07", "0.53"));
        assertEquals(0, s.historyPeriods());
    }

    @Test
    void unavailableDataCanBeAnnounced() {
        Policy p = PolicyParser.parse("""
                id: t
                version: 1
                scope: {regions: US, sectors: all}
                enter: "sahm_gap >= 0.50"
                unavailable: emit
                """);
        MetricPoint gap = MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY,
                LocalDate.of(2025, 10, 1), "unemployment_rate (sa) missing for 2025-10", LocalDate.of(2025, 12, 16));
        List<TriggerEvent> events = feed(p, new TriggerState(), gap);
        assertEquals(Transition.DATA_UNAVAILABLE, events.get(0).transition());
    }

    @Test
    void replayingTheSameInputsGivesByteIdenticalEvents() {
        Policy policy = BundledPolicies.load("eb-iur");
        LocalDate w = LocalDate.of(2020, 5, 30);
        MetricPoint[] points = {weekly("iur_13wk", w, "5.1315"), weekly("iur_lookback_pct", w, "603.70")};
        List<String> a = feed(policy, new TriggerState(), points).stream().map(org.laborwatch.contract.Json::write).toList();
        List<String> b = feed(policy, new TriggerState(), points).stream().map(org.laborwatch.contract.Json::write).toList();
        assertEquals(1, a.size());
        assertEquals(a, b);
        assertTrue(a.get(0).contains("\"emitted_at\":\"2020-06-11T00:00:00Z\""), a.get(0));
    }

    @Test
    void restatingStateSurvivesItsBinaryForm() throws Exception {
        Policy p = PolicyParser.parse(RESTATING);
        TriggerState state = new TriggerState();
        feed(p, state, sahm("2024-06", "0.43"), sahm("2024-07", "0.53"), sahm("2024-08", "0.57"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.writeTo(new DataOutputStream(bytes));
        TriggerState back = TriggerState.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(state, back);
        assertEquals(feed(p, state, sahm("2024-07", "0.47")), feed(p, back, sahm("2024-07", "0.47")));
    }

    @Test
    void stateSurvivesItsBinaryForm() throws Exception {
        Policy eb = BundledPolicies.load("eb-iur");
        TriggerState state = new TriggerState();
        feed(eb, state, weekly("iur_13wk", LocalDate.of(2020, 5, 30), "5.5"),
                weekly("iur_lookback_pct", LocalDate.of(2020, 5, 30), "200"),
                weekly("iur_13wk", LocalDate.of(2020, 6, 6), "5.9"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        state.writeTo(new DataOutputStream(bytes));
        TriggerState back = TriggerState.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertEquals(state, back);
    }

    /** Each region is decided with its own parameter values: the same IUR turns on the state with the option only. */
    @Test
    void aRegionIsDecidedWithItsOwnParameters() {
        Policy options = PolicyParser.parse("""
                id: options
                version: 1
                scope: {regions: "US-*", sectors: all}
                parameters:
                  iur_6pct_option: {default: true, regions: {US-GA: false}}
                  threshold: {default: 6.0, regions: {US-PR: 7.0}}
                enter: {all: ["iur_6pct_option", "iur_13wk >= threshold"]}
                """);
        LocalDate week = LocalDate.of(2020, 12, 26);
        java.util.Map<String, List<TriggerEvent>> events = new java.util.TreeMap<>();
        for (String region : List.of("US-AK", "US-GA", "US-PR")) {
            MetricPoint iur = MetricPoint.ok("iur_13wk", "insured_unemployed_13wk_avg", region, "all", Frequency.WEEKLY,
                    week, new BigDecimal("6.3794"), week.plusDays(12));
            events.put(region, TriggerEvaluator.onMetric(options, new TriggerState(), region, "all", iur));
        }
        assertEquals(Transition.ENTER, events.get("US-AK").get(0).transition(), "AK: option, 6.3794 >= 6.0");
        assertEquals(new BigDecimal("6.0"), events.get("US-AK").get(0).thresholds().get("iur_13wk"));
        assertEquals(List.of(), events.get("US-GA"), "GA has no 6% option");
        assertEquals(List.of(), events.get("US-PR"), "PR's threshold is 7.0");
    }
}
