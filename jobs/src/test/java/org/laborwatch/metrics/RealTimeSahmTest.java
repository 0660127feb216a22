package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/**
 * The Sahm rule in real time: the rebuilt ALFRED UNRATE vintages replayed release by release
 * through the engine, each month's gap taken as published (after the whole release that first
 * computed it), against FRED's SAHMREALTIME.
 */
class RealTimeSahmTest {

    private static final String FILE = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";

    private static AsPublished.Key sahm(String month) {
        return new AsPublished.Key(SahmGap.NAME, SahmGap.INDICATOR, "US", "all", Obs.month(month));
    }

    @Test
    void replayedInPublicationOrderItReproducesSahmRealtime2024() throws Exception {
        List<Observation> releases = TestData.read(FILE, "alfred-vintages", ReaderOptions.defaults(), o -> true);
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        RegionSeries us = new RegionSeries();
        AsPublished tracker = new AsPublished();
        Map<Upsert, Integer> upserts = new LinkedHashMap<>();
        for (Observation o : releases) {
            MetricEngine.Result r = engine.apply(us, o);
            upserts.merge(r.upsert(), 1, Integer::sum);
            r.points().forEach(tracker::accept);
        }
        tracker.finish();
        System.out.println("upserts of " + releases.size() + " observations: " + upserts);
        Map<String, BigDecimal> afterReplay = new LinkedHashMap<>();
        for (String m : List.of("2024-06", "2024-07", "2024-08", "2024-09", "2024-10")) {
            afterReplay.put(m, tracker.latest(sahm(m)).orElseThrow().value());
        }
        // Today's data: FRED's vintage of April 2026, after BLS's January 2026 annual revision, is simply
        // the next vintage; the engine follows it with nothing else.
        for (Observation o : TestData.read("fred_UNRATE_monthly_1948-2026_vintage2026-04.csv", "fred",
                ReaderOptions.defaults(), o -> true)) {
            engine.apply(us, o).points().forEach(tracker::accept);
        }
        tracker.finish();

        // FRED SAHMREALTIME, as published.
        Map<String, String> fred = new LinkedHashMap<>();
        fred.put("2024-06", "0.43");
        fred.put("2024-07", "0.53");
        fred.put("2024-08", "0.57");
        fred.put("2024-09", "0.50");
        fred.put("2024-10", "0.43");
        System.out.println("month    SAHMREALTIME  as published (release)   after the last release   latest data (vintage)");
        fred.forEach((month, expected) -> {
            MetricPoint published = tracker.asPublished(sahm(month)).orElseThrow();
            MetricPoint latest = tracker.latest(sahm(month)).orElseThrow();
            System.out.printf("%s  %-12s  %s (%s)        %s                     %s (%s)%n", month, expected,
                    published.value(), published.vintage(), afterReplay.get(month), latest.value(), latest.vintage());
        });
        fred.forEach((month, expected) -> assertEquals(new BigDecimal(expected),
                tracker.asPublished(sahm(month)).orElseThrow().value(), month));
        // July 2024 was first computed by the release of 2024-08-02, and triggered in real time at 0.53;
        // on today's data (after the January 2026 revision) it reads 0.50, and the as-published value stays.
        assertEquals(LocalDate.of(2024, 8, 2), tracker.asPublished(sahm("2024-07")).orElseThrow().vintage());
        MetricPoint today = tracker.latest(sahm("2024-07")).orElseThrow();
        assertEquals(new BigDecimal("0.50"), today.value());
        assertEquals(LocalDate.of(2026, 4, 1), today.vintage());

        // Every month FRED's real-time series covers here, 1999-12 to 2025-08, has an as-published value.
        int months = 0;
        int revised = 0;
        for (LocalDate m = Obs.month("1999-12"); !m.isAfter(Obs.month("2025-08")); m = m.plusMonths(1)) {
            AsPublished.Key key = new AsPublished.Key(SahmGap.NAME, SahmGap.INDICATOR, "US", "all", m);
            if (tracker.asPublished(key).isPresent()) {
                months++;
                revised += tracker.asPublished(key).get().value().compareTo(tracker.latest(key).orElseThrow().value()) != 0
                        ? 1 : 0;
            }
        }
        System.out.println(months + " months 1999-12..2025-08 as published; " + revised + " read otherwise on today's data");
        assertEquals(309, months);
    }

    @Test
    void aValueComputedHalfwayThroughAReleaseIsNotTheAsPublishedOne() {
        AsPublished tracker = new AsPublished();
        LocalDate first = LocalDate.of(2024, 8, 2);
        LocalDate second = LocalDate.of(2024, 9, 6);
        tracker.accept(point("2024-07", "0.40", first)); // halfway through the release
        tracker.accept(point("2024-07", "0.53", first)); // the release applied in full
        tracker.accept(point("2024-07", "0.50", second)); // a later revision
        tracker.accept(point("2024-08", "0.57", second));
        assertEquals(new BigDecimal("0.53"), tracker.asPublished(key("2024-07")).orElseThrow().value());
        assertEquals(new BigDecimal("0.50"), tracker.latest(key("2024-07")).orElseThrow().value());
        assertTrue(tracker.asPublished(key("2024-08")).isEmpty(), "its release is still open");
        tracker.finish();
        assertEquals(new BigDecimal("0.57"), tracker.asPublished(key("2024-08")).orElseThrow().value());
    }

    @Test
    void anUnavailableFirstPointWaitsForTheFirstValue() {
        AsPublished tracker = new AsPublished();
        tracker.accept(MetricPoint.unavailable(SahmGap.NAME, SahmGap.INDICATOR, "US", "all", Frequency.MONTHLY,
                Obs.month("2025-10"), "unemployment_rate (sa) missing for 2025-10", LocalDate.of(2025, 12, 16)));
        tracker.accept(point("2025-10", "0.35", LocalDate.of(2026, 1, 9)));
        tracker.finish();
        assertEquals(LocalDate.of(2026, 1, 9), tracker.asPublished(key("2025-10")).orElseThrow().vintage());
    }

    @Test
    void anUnavailablePointWithoutInputsIsOnlyTheLatest() {
        AsPublished tracker = new AsPublished();
        tracker.accept(point("2024-07", "0.53", LocalDate.of(2024, 8, 2)));
        MetricPoint none = MetricPoint.unavailable(SahmGap.NAME, SahmGap.INDICATOR, "US", "all", Frequency.MONTHLY,
                Obs.month("1995-03"), "unemployment_rate (sa) missing for 1995-01, 1995-02, 1995-03", null);
        tracker.accept(none);
        tracker.finish();
        assertEquals(none, tracker.latest(key("1995-03")).orElseThrow());
        assertTrue(tracker.asPublished(key("1995-03")).isEmpty());
        assertEquals(new BigDecimal("0.53"), tracker.asPublished(key("2024-07")).orElseThrow().value());
    }

    @Test
    void theListenerHearsEachReleaseOnceWithThePointsItPublishedFirst() {
        List<String> heard = new java.util.ArrayList<>();
        AsPublished tracker = new AsPublished((vintage, points) -> heard.add(vintage + " " + points.stream()
                .map(p -> p.period().toString().substring(0, 7) + "=" + p.value()).toList()));
        LocalDate first = LocalDate.of(2024, 8, 2);
        LocalDate second = LocalDate.of(2024, 9, 6);
        tracker.accept(point("2024-07", "0.40", first));
        tracker.accept(point("2024-07", "0.53", first));
        assertTrue(heard.isEmpty(), "a release is told only once it has closed");
        tracker.accept(point("2024-07", "0.50", second)); // a revision: July was published by the first release
        tracker.accept(point("2024-08", "0.57", second));
        tracker.finish();
        tracker.finish(); // nothing new: nothing more to tell
        assertEquals(List.of("2024-08-02 [2024-07=0.53]", "2024-09-06 [2024-08=0.57]"), heard);
    }

    @Test
    void pointsOutOfPublicationOrderAreRefused() {
        AsPublished tracker = new AsPublished();
        tracker.accept(point("2024-08", "0.57", LocalDate.of(2024, 9, 6)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tracker.accept(point("2024-07", "0.53", LocalDate.of(2024, 8, 2))));
        assertTrue(e.getMessage().contains("publication order"), e.getMessage());
    }

    private static AsPublished.Key key(String month) {
        return sahm(month);
    }

    private static MetricPoint point(String month, String value, LocalDate vintage) {
        return MetricPoint.ok(SahmGap.NAME, SahmGap.INDICATOR, "US", "all", Frequency.MONTHLY, Obs.month(month),
                new BigDecimal(value), vintage);
    }
}
