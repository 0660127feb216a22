package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestData;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.metrics.ForwardingMetric;
import org.laborwatch.metrics.Metric;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.readers.ReaderOptions;

/** Backtests over the bundled real data, through the job's own metric and trigger code. */
class BacktestTest {

    private static Episode find(List<Episode> episodes, String region, LocalDate enter) {
        return episodes.stream().filter(e -> e.region().equals(region) && e.enterPeriod().equals(enter)).findFirst()
                .orElseThrow(() -> new AssertionError("no episode of " + region + " entering " + enter + ": " + episodes));
    }

    @Test
    void sahmNationalOverSeventyFiveYearsOfUnrate() throws Exception {
        Backtest b = new Backtest(List.of(BundledPolicies.load("sahm-national")), MetricEngine.standard());
        TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", ReaderOptions.defaults(), o -> true)
                .forEach(b::accept);
        List<Episode> episodes = b.episodes();
        Episode gfc = find(episodes, "US", LocalDate.of(2008, 2, 1));
        assertEquals(LocalDate.of(2010, 6, 1), gfc.exitPeriod());
        assertEquals(LocalDate.of(2008, 3, 1), gfc.effectiveFrom());
        assertEquals(LocalDate.of(2010, 7, 31), gfc.effectiveUntil());
        assertEquals(28, gfc.durationPeriods());
        assertEquals(LocalDate.of(2021, 4, 1), find(episodes, "US", LocalDate.of(2020, 4, 1)).exitPeriod());
        assertEquals(14, episodes.size());
        assertTrue(episodes.stream().noneMatch(Episode::open));
    }

    @Test
    void ebIurOverEta539EndsTheVirginIslandsPeriodOnMay1st2021() throws Exception {
        Backtest b = new Backtest(List.of(BundledPolicies.load("eb-iur")), MetricEngine.standard());
        TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", ReaderOptions.defaults(), o -> true)
                .forEach(b::accept);
        List<Episode> episodes = b.episodes();
        // Federal Register 2021-09472: VI's 13-week IUR fell below 5.0 in the week ending 2021-04-10 and
        // its EB period ended 2021-05-01.
        Episode vi = episodes.stream().filter(e -> e.region().equals("US-VI") && e.exitPeriod() != null
                && e.exitPeriod().getYear() == 2021).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2021, 4, 10), vi.exitPeriod());
        assertEquals(LocalDate.of(2021, 5, 1), vi.effectiveUntil());
        Episode az = find(episodes, "US-AZ", LocalDate.of(2020, 5, 30));
        assertEquals(LocalDate.of(2020, 6, 14), az.effectiveFrom());
        assertTrue(az.durationPeriods() >= 12, "EB lasts at least 13 weeks: 12 weeks between decisions");
        assertTrue(episodes.stream().map(Episode::region).distinct().count() >= 50);
    }

    @Test
    void anEpisodeStillOnAtTheEndHasNoExit() throws Exception {
        Backtest b = new Backtest(List.of(BundledPolicies.load("sahm-national")), MetricEngine.standard());
        TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", ReaderOptions.defaults(),
                o -> o.period().isBefore(LocalDate.of(2009, 1, 1))).forEach(b::accept);
        Episode last = b.episodes().get(b.episodes().size() - 1);
        assertTrue(last.open());
        assertNull(last.exitPeriod());
        assertEquals(11, last.durationPeriods(), "2008-02 .. 2008-12");
        assertTrue(last.csv().endsWith(",2008-02-01,2008-03-01,,,11,base"), last.csv());
    }

    /** A state's seasonally adjusted rate, 4.0 from 2018 and 6.0 from {@code rise} to 2020-06, all of one vintage. */
    private static List<Observation> state(String region, String rise, LocalDate vintage) {
        List<Observation> os = new ArrayList<>();
        for (LocalDate m = LocalDate.of(2018, 1, 1); !m.isAfter(LocalDate.of(2020, 6, 1)); m = m.plusMonths(1)) {
            String rate = m.isBefore(LocalDate.parse(rise + "-01")) ? "4.0" : "6.0";
            os.add(new Observation("unemployment_rate", region, "all", "sa", Frequency.MONTHLY, m, new BigDecimal(rate),
                    "percent", "bls.laus", vintage));
        }
        return os;
    }

    private static List<TriggerEvent> breadthEvents(Policy breadth, List<Observation> first, List<Observation> second) {
        Backtest b = new Backtest(List.of(BundledPolicies.load("sahm-state"), breadth), MetricEngine.standard());
        first.forEach(b::accept);
        second.forEach(b::accept);
        return b.events().stream().filter(e -> e.policy().equals(breadth.id())).toList();
    }

    /**
     * A breadth policy's roll-up takes its source's events in period order, whichever region was
     * replayed first (a region replay decides region after region): a roll-up point carries the
     * vintage of the events that set its period. Fed in decision order, the state replayed second
     * re-set the later month with its own, older vintage, so the breadth event depended on the order.
     */
    @Test
    void aBreadthEventIsTheSameWhicheverRegionIsReplayedFirst() {
        Policy twoStates = PolicyParser.parse("""
                id: two-states
                version: 1
                describe: ON while at least two states are ON under sahm-state (a test policy).
                scope: {regions: "US", sectors: "policy:sahm-state"}
                enter: "regions_on >= 2"
                exit: not-enter
                effective: {lag_months: 1}
                revisions: prospective
                unavailable: hold
                illustrative: true
                """);
        // Nebraska's Sahm gap reaches 0.5 in March (released in May), Arizona's in April (released in June).
        List<Observation> ne = state("US-NE", "2020-03", LocalDate.of(2020, 5, 8));
        List<Observation> az = state("US-AZ", "2020-04", LocalDate.of(2020, 6, 5));
        List<TriggerEvent> azFirst = breadthEvents(twoStates, az, ne);
        assertEquals(1, azFirst.size(), "one ENTER: " + azFirst);
        TriggerEvent enter = azFirst.get(0);
        assertEquals(Transition.ENTER, enter.transition());
        assertEquals(LocalDate.of(2020, 4, 1), enter.period());
        assertEquals(LocalDate.of(2020, 6, 5), enter.dataVintage(), "April's count is set by Arizona's release");
        assertEquals(azFirst, breadthEvents(twoStates, ne, az));
    }

    /**
     * A backtest computes a metric only in the regions a policy that reads it watches (#13's
     * fifteenth part): the OECD file's areas that are not countries (the euro area, the OECD, ...)
     * and the United States are outside {@code sahm-countries}, and their Sahm gaps would have no
     * reader. The events are those of a backtest over the whole catalogue.
     */
    @Test
    void computesAMetricOnlyInTheRegionsItsPoliciesWatch() throws Exception {
        Policy countries = BundledPolicies.load("sahm-countries");
        List<Observation> oecd = TestData.read("oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv",
                "oecd-hur", ReaderOptions.defaults(), o -> true);
        Set<String> unwatched = new TreeSet<>();
        oecd.forEach(o -> {
            if (!countries.scope().coversRegion(o.region())) {
                unwatched.add(o.region());
            }
        });
        assertTrue(unwatched.contains("US") && unwatched.size() > 1, "the file has regions outside the scope: " + unwatched);

        CountingMetric.REGIONS.clear();
        Metric sahm = MetricCatalogue.all().stream().filter(m -> m.name().equals("sahm_gap")).findFirst().orElseThrow();
        Backtest counted = new Backtest(List.of(countries), new MetricEngine(List.of(new CountingMetric(sahm))));
        oecd.forEach(counted::accept);

        Set<String> computed = new TreeSet<>(CountingMetric.REGIONS);
        assertTrue(computed.size() > 30, "the countries' Sahm gaps were computed: " + computed);
        computed.retainAll(unwatched);
        assertEquals(Set.of(), computed, "Sahm gaps computed where no policy reads them");
        Backtest whole = new Backtest(List.of(countries), MetricEngine.standard());
        oecd.forEach(whole::accept);
        assertEquals(whole.events(), counted.events());
        assertTrue(counted.events().size() > 10, "the countries' events: " + counted.events().size());
    }

    /** A metric that records the regions it computes a point in. */
    private static final class CountingMetric extends ForwardingMetric {
        private static final long serialVersionUID = 1L;
        static final Set<String> REGIONS = ConcurrentHashMap.newKeySet();

        CountingMetric(Metric inner) {
            super(inner);
        }

        @Override
        public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate period) {
            REGIONS.add(region);
            return super.compute(data, region, sector, period);
        }
    }
}
