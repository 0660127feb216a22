package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/**
 * The job's point-by-point as-published rule against {@link AsPublished}, which waits for each
 * release to close: over the ALFRED UNRATE vintages replayed in publication order, the last point
 * the rule passes for each period (what a store that overwrites keeps) is AsPublished's value.
 */
class FirstPublicationTest {

    private static final String FILE = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";

    @Test
    void theLastPointWrittenAsPublishedIsTheValueAfterTheWholeFirstRelease() throws Exception {
        List<Observation> releases = TestData.read(FILE, "alfred-vintages", ReaderOptions.defaults(), o -> true);
        MetricEngine engine = MetricEngine.standard();
        RegionSeries us = new RegionSeries();
        AsPublished reference = new AsPublished();
        Map<String, LocalDate> recorded = new HashMap<>();
        Map<AsPublished.Key, MetricPoint> store = new TreeMap<>(java.util.Comparator.comparing(AsPublished.Key::toString));
        int written = 0;
        for (Observation o : releases) {
            for (MetricPoint p : engine.apply(us, o).points()) {
                reference.accept(p);
                String key = FirstPublication.key(p);
                LocalDate release = FirstPublication.release(recorded.get(key), p);
                if (release != null) {
                    recorded.put(key, release);
                }
                if (FirstPublication.isAsPublished(release, p)) {
                    store.put(AsPublished.Key.of(p), p);
                    written++;
                }
            }
        }
        reference.finish();
        Map<AsPublished.Key, MetricPoint> expected = new TreeMap<>(java.util.Comparator.comparing(AsPublished.Key::toString));
        expected.putAll(reference.asPublished());
        System.out.printf("as published: %d points written, %d kept; AsPublished has %d%n", written, store.size(),
                expected.size());
        assertEquals(expected.keySet(), store.keySet());
        expected.forEach((k, p) -> assertEquals(p.value(), store.get(k).value(), k::toString));
        assertTrue(expected.keySet().stream().anyMatch(k -> k.metric().equals(SahmGap.NAME)), "sahm_gap among them");
    }

    @Test
    void aLaterReleaseNeverRewritesItAndAnUnavailableFirstPointWaitsForAValue() {
        LocalDate jul = LocalDate.of(2024, 7, 1);
        MetricPoint missing = MetricPoint.unavailable("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY,
                jul, "missing", LocalDate.of(2024, 8, 2));
        MetricPoint first = ok(jul, "0.53", LocalDate.of(2024, 9, 6));
        MetricPoint revised = ok(jul, "0.50", LocalDate.of(2025, 1, 10));
        assertEquals(null, FirstPublication.release(null, missing));
        assertFalse(FirstPublication.isAsPublished(FirstPublication.release(null, missing), missing));
        LocalDate release = FirstPublication.release(null, first);
        assertEquals(first.vintage(), release);
        assertTrue(FirstPublication.isAsPublished(release, first));
        assertEquals(release, FirstPublication.release(release, revised));
        assertFalse(FirstPublication.isAsPublished(release, revised));
    }

    private static MetricPoint ok(LocalDate period, String value, LocalDate vintage) {
        return MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, period,
                new BigDecimal(value), vintage);
    }
}
