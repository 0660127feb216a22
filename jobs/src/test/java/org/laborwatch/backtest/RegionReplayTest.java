package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.ReleaseOrder;

/**
 * The region replay gives what one observation after another gives, over real bundled data with
 * many regions: every event in the same order, the episodes, the series kept for charts, the
 * inputs and metrics reported; in real time also the latest-data run; and the same refusal for an
 * input out of publication order.
 */
class RegionReplayTest {

    private static List<Observation> latest;
    private static List<Observation> releases;
    /** One observation after another, once for all thread counts. */
    private static Backtest latestOneByOne;
    private static Backtest releasesOneByOne;

    @BeforeAll
    static void read() throws Exception {
        latest = TestData.statesNationAndCountries();
        releases = ReleaseOrder.merge(List.of(
                TestData.read("alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv", "alfred-vintages",
                        ReaderOptions.defaults(), o -> true),
                TestData.read("bls_state_lf_unemployment_realtime_releases_1996-02-08_1998-10-20_2008-12-19_2009-01-27.csv",
                        "bls-state-release", ReaderOptions.defaults(), o -> true)));
        latestOneByOne = oneByOne(latest, false);
        releasesOneByOne = oneByOne(releases, true);
    }

    private static Backtest oneByOne(List<Observation> input, boolean asPublished) {
        Backtest b = asPublished ? Backtest.asPublished(BundledPolicies.all(), MetricEngine.standard())
                : new Backtest(BundledPolicies.all(), MetricEngine.standard());
        input.forEach(b::accept);
        b.finish();
        return b;
    }

    private static Backtest replayed(List<Observation> input, boolean asPublished, int threads, AtomicLong progress) {
        return RegionReplay.builder().policies(BundledPolicies.all()).engines(MetricEngine::standard)
                .asPublished(asPublished).threads(threads).progress(progress).build().run(input);
    }

    private static void assertSameBacktest(Backtest expected, Backtest actual) {
        assertEquals(expected.events(), actual.events(), "every event, in the same order");
        assertEquals(expected.episodes(), actual.episodes());
        assertEquals(expected.observations(), actual.observations());
        assertEquals(expected.regions(), actual.regions());
        assertEquals(expected.seriesRead(), actual.seriesRead());
        assertEquals(expected.metricsComputed(), actual.metricsComputed());
        assertEquals(expected.recessionMonths(), actual.recessionMonths());
        if (expected.recessions() != null) {
            assertEquals(expected.recessions().starts(), actual.recessions().starts());
            assertEquals(expected.recessions().coverageStart(), actual.recessions().coverageStart());
            assertEquals(expected.recessions().coverageEnd(), actual.recessions().coverageEnd());
        } else {
            assertEquals(null, actual.recessions());
        }
        for (Policy p : BundledPolicies.all()) {
            for (String region : expected.regions(p.id(), "all")) {
                assertEquals(expected.lastPeriod(p.id(), region, "all"), actual.lastPeriod(p.id(), region, "all"));
                assertEquals(expected.frequency(p.id(), region, "all"), actual.frequency(p.id(), region, "all"));
                for (String metric : p.metrics()) {
                    assertEquals(expected.series(metric, region, "all"), actual.series(metric, region, "all"),
                            metric + " of " + region);
                }
            }
            assertEquals(expected.regions(p.id(), "all"), actual.regions(p.id(), "all"));
        }
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 7})
    void onTheLatestDataTheReplayDecidesAsOneObservationAfterAnother(int threads) {
        AtomicLong progress = new AtomicLong();
        Backtest replayed = replayed(latest, false, threads, progress);
        Backtest expected = latestOneByOne;
        assertTrue(expected.events().size() > 1000 && expected.regions().size() > 50 && expected.recessions() != null,
                "a test over many regions and events, with the recessions: " + expected.events().size() + " events");
        assertSameBacktest(expected, replayed);
        assertEquals(latest.size(), progress.get(), "every observation counted once");
    }

    @ParameterizedTest(name = "{0} threads")
    @ValueSource(ints = {1, 2, 5})
    void inRealTimeTheReplayDecidesAsOneObservationAfterAnother(int threads) {
        Backtest replayed = replayed(releases, true, threads, new AtomicLong());
        Backtest expected = releasesOneByOne;
        assertTrue(expected.regions().size() > 50, "the state releases: " + expected.regions());
        assertSameBacktest(expected, replayed);
        assertSameBacktest(expected.latestData(), replayed.latestData());
    }

    private static Observation release(String region, int month, LocalDate vintage) {
        return new Observation("unemployment_rate", region, "all", "sa", Frequency.MONTHLY, LocalDate.of(2020, month, 1),
                new BigDecimal("4.0"), "percent", "bls.laus", vintage);
    }

    @Test
    void theEarliestObservationOutOfPublicationOrderIsTheOneRefused() {
        LocalDate march = LocalDate.of(2020, 3, 20);
        LocalDate april = LocalDate.of(2020, 4, 17);
        // US-AK, busiest and so taken first, goes out of order after US-WY does.
        List<Observation> input = List.of(
                release("US-AK", 1, april), release("US-AK", 2, april), release("US-AK", 3, april),
                release("US-WY", 1, april), release("US-WY", 2, march),
                release("US-AK", 2, march));
        String expected = assertThrows(Backtest.PublicationOrderException.class, () -> oneByOne(input, true)).getMessage();
        assertTrue(expected.contains("US-WY"), expected);
        for (int threads : new int[] {1, 2}) {
            Backtest.PublicationOrderException e = assertThrows(Backtest.PublicationOrderException.class,
                    () -> replayed(input, true, threads, new AtomicLong()));
            assertEquals(expected, e.getMessage(), threads + " threads");
        }
    }

    @Test
    void aReplayedBacktestTakesNoMoreObservations() {
        Backtest b = replayed(List.of(release("US-AK", 1, LocalDate.of(2020, 2, 7))), true, 2, new AtomicLong());
        assertThrows(IllegalStateException.class, () -> b.accept(release("US-AK", 2, LocalDate.of(2020, 3, 6))));
    }

    @Test
    void aReplayIsRefusedWithoutWhatItNeeds() {
        assertThrows(IllegalArgumentException.class, () -> RegionReplay.builder().threads(0));
        assertThrows(IllegalArgumentException.class, () -> RegionReplay.builder().policies(List.of()));
        assertThrows(IllegalStateException.class,
                () -> RegionReplay.builder().policies(BundledPolicies.all()).build());
        // A breadth policy without the policy whose roll-ups it reads: refused before any input.
        assertThrows(IllegalArgumentException.class, () -> RegionReplay.builder()
                .policies(List.of(BundledPolicies.load("sahm-breadth"))).engines(MetricEngine::standard).build());
    }
}
