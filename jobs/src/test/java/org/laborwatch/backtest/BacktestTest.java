package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
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
}
