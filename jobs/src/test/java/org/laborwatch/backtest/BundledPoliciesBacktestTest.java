package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.CountryData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.readers.ReaderOptions;

/**
 * Every bundled policy backtested over bundled data (issue #16 item 6): each one gets the file its
 * metrics come from, and must decide something. A policy added to {@link BundledPolicies} without
 * an input here fails {@link #everyBundledPolicyHasABacktest}. The state-level policies share one
 * backtest over the LAUS state rates, so the breadth policy reads sahm-state's roll-up.
 */
class BundledPoliciesBacktestTest {

    private static final String LAUS = "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv";
    private static final String ETA539 = "dol_eta539_weekly_claims_by_state_2019-2025.csv";
    private static final String ETA203 = "dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv";
    private static final String NATIONAL = "fred_national_monthly_1980-2025_vintage2026-01.csv";

    /** Which backtest each bundled policy runs in. */
    private static final Map<String, String> INPUT = Map.ofEntries(
            Map.entry("sahm-national", NATIONAL), Map.entry("michez-national", NATIONAL),
            Map.entry("sahm-state", LAUS), Map.entry("sahm-state-watch", LAUS), Map.entry("sahm-breadth", LAUS),
            Map.entry("eb-tur", LAUS), Map.entry("disruption-index", LAUS), Map.entry("ei-entrance", LAUS),
            Map.entry("eb-iur", ETA539), Map.entry("eb-iur-6", ETA539),
            Map.entry("ai-exposed-claims", ETA203),
            Map.entry("sahm-countries", CountryData.OECD));

    private static final Map<String, Backtest> RUNS = new TreeMap<>();

    @BeforeAll
    static void backtestEveryInput() throws IOException {
        Map<String, List<Policy>> byInput = new TreeMap<>();
        INPUT.forEach((id, file) -> byInput.computeIfAbsent(file, f -> new ArrayList<>()).add(BundledPolicies.load(id)));
        for (Map.Entry<String, List<Policy>> e : byInput.entrySet()) {
            Backtest b = new Backtest(e.getValue(), MetricEngine.standard());
            observations(e.getKey()).forEach(b::accept);
            RUNS.put(e.getKey(), b);
        }
    }

    /** A file's observations in period order, as they are published month by month. */
    private static List<Observation> observations(String file) throws IOException {
        List<Observation> all = switch (file) {
            case LAUS -> TestData.read(file, "laus-state", ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> true);
            case ETA539 -> TestData.read(file, "eta539", ReaderOptions.defaults(), o -> true);
            case ETA203 -> TestData.read(file, "eta203", ReaderOptions.defaults(), o -> true);
            case NATIONAL -> TestData.read(file, "fred-long", ReaderOptions.defaults(), o -> true);
            case CountryData.OECD -> CountryData.read("oecd-hur", file);
            default -> throw new IllegalArgumentException(file);
        };
        List<Observation> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparing(Observation::period)); // stable: each period keeps file order
        return sorted;
    }

    private static List<TriggerEvent> events(String policy) {
        return RUNS.get(INPUT.get(policy)).events().stream().filter(e -> e.policy().equals(policy)).toList();
    }

    private static List<String> spells(String policy, String region) {
        return RUNS.get(INPUT.get(policy)).episodes().stream()
                .filter(e -> e.policy().equals(policy) && e.region().equals(region))
                .map(e -> e.enterPeriod().toString().substring(0, 7) + ".."
                        + (e.exitPeriod() == null ? "on" : e.exitPeriod().toString().substring(0, 7)))
                .toList();
    }

    @Test
    void everyBundledPolicyHasABacktest() {
        assertEquals(BundledPolicies.ids().stream().sorted().toList(), INPUT.keySet().stream().sorted().toList());
    }

    static List<String> ids() {
        return BundledPolicies.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void everyBundledPolicyDecidesOverItsData(String policy) {
        List<TriggerEvent> events = events(policy);
        Map<Transition, Long> counts = events.stream()
                .collect(Collectors.groupingBy(TriggerEvent::transition, TreeMap::new, Collectors.counting()));
        System.out.println(policy + " over " + INPUT.get(policy) + ": " + counts);
        assertTrue(counts.getOrDefault(Transition.ENTER, 0L) > 0, policy + " never entered: " + counts);
    }

    @Test
    void theBreadthPolicyIsOnWhenThirtyStatesOr75PercentAreUnderTheStateSahmRule() {
        // Pinned from this backtest, checked above and below against sahm-state's own episodes; NBER
        // peaks for comparison: 1980-01, 1981-07, 1990-07, 2001-03, 2007-12, 2020-02.
        assertEquals(List.of("1980-04..1981-05", "1981-11..1983-06", "1990-11..1992-04", "2001-08..2002-11",
                "2008-06..2010-05", "2020-04..2021-04"), spells("sahm-breadth", "US"));
        List<TriggerEvent> breadth = events("sahm-breadth");
        for (TriggerEvent e : breadth) {
            BigDecimal on = e.evidence().get("regions_on");
            BigDecimal share = e.evidence().get("regions_on_share_pct");
            boolean holds = on != null && on.compareTo(BigDecimal.valueOf(30)) >= 0
                    || share != null && share.compareTo(BigDecimal.valueOf(75)) >= 0;
            assertEquals(e.transition() == Transition.ENTER, holds, e.toString());
            assertEquals("policy:sahm-state", e.sector());
        }
        // Each ENTER agrees with the sahm-state episodes themselves: count the states ON in that month.
        List<Episode> states = RUNS.get(LAUS).episodes().stream().filter(e -> e.policy().equals("sahm-state")).toList();
        for (TriggerEvent e : breadth) {
            long on = states.stream().filter(s -> !s.enterPeriod().isAfter(e.period())
                    && (s.exitPeriod() == null || s.exitPeriod().isAfter(e.period()))).count();
            assertEquals(e.evidence().get("regions_on").longValue(), on, "states ON in " + e.period());
        }
        assertFalse(breadth.isEmpty());
    }

    @Test
    void theBreadthPolicyNeedsItsSource() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Backtest(List.of(BundledPolicies.load("sahm-breadth")), MetricEngine.standard()));
        assertEquals("policy 'sahm-breadth' reads the national roll-ups of policy 'sahm-state', which this backtest "
                + "does not run: add --policy sahm-state", e.getMessage());
    }

    @Test
    void theWatchPolicyWarnsBeforeItEnters() {
        List<TriggerEvent> events = events("sahm-state-watch");
        long watches = events.stream().filter(e -> e.transition() == Transition.WATCH).count();
        long clears = events.stream().filter(e -> e.transition() == Transition.CLEAR).count();
        long entersFromWatch = events.stream().filter(e -> e.transition() == Transition.ENTER && e.watch() != null).count();
        System.out.println("sahm-state-watch: " + watches + " WATCH, " + clears + " CLEAR, " + entersFromWatch
                + " ENTER after a watch, of " + events.stream().filter(e -> e.transition() == Transition.ENTER).count()
                + " ENTER");
        // A watch ends in a CLEAR or an ENTER, or is still on at the end of the data.
        long open = RUNS.get(LAUS).events().stream().filter(e -> e.policy().equals("sahm-state-watch"))
                .collect(Collectors.groupingBy(TriggerEvent::region)).values().stream()
                .filter(l -> l.get(l.size() - 1).transition() == Transition.WATCH).count();
        assertEquals(watches, clears + entersFromWatch + open);
        // Its ENTER and EXIT are sahm-state's: the watch adds warnings and changes no decision.
        assertEquals(spells("sahm-state", "US-CA"), spells("sahm-state-watch", "US-CA"));
        assertEquals(RUNS.get(LAUS).episodes().stream().filter(e -> e.policy().equals("sahm-state")).count(),
                RUNS.get(LAUS).episodes().stream().filter(e -> e.policy().equals("sahm-state-watch")).count());
        assertTrue(watches > 0);
    }

    @Test
    void eiEntranceFollowsTheRateThroughTheBands() {
        List<TriggerEvent> ca = events("ei-entrance").stream().filter(e -> e.region().equals("US-CA")).toList();
        assertEquals(Transition.ENTER, ca.get(0).transition(), "ON from the first month with a rate");
        for (TriggerEvent e : ca) {
            TriggerEvent.Level level = e.schedule();
            assertNotNull(level, e.toString());
            BigDecimal rate = e.evidence().get("tur_3mo");
            // The level is the Act's: 700 at 6% or less, 35 fewer per point above, 420 above 13%.
            int points = rate.compareTo(new BigDecimal("6")) <= 0 ? 0
                    : Math.min(8, rate.subtract(new BigDecimal("6")).setScale(0, java.math.RoundingMode.CEILING).intValue());
            assertEquals(0, new BigDecimal(700 - 35 * points).compareTo(level.level()), e.toString());
        }
        System.out.println("ei-entrance US-CA: " + ca.stream().map(e -> e.period().toString().substring(0, 7) + " "
                + e.schedule().level().toPlainString()).toList());
    }
}
