package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.state.GoldenBytes;

/**
 * An observation reuses the points of its region's last evaluation, while the data have not changed
 * since, instead of evaluating its periods before the upsert ({@code MetricEngine.Evaluated}): over
 * bundled files, each observation's outcome and points are the same as for a region restored from
 * its bytes just before it, which keeps nothing derived and evaluates afresh. The files cover
 * revisions (ALFRED vintages), history trimmed behind the revision horizon (decades of LAUS and
 * weekly claims), partner series (IUR, look-backs), and the composites evaluated at once in the
 * streaming job (the disruption index over daily postings, occupation shares) with their caches.
 */
class ReusedPointsTest {

    static Stream<Arguments> files() {
        return Stream.of(
                Arguments.of("alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv", "alfred-vintages", null, Set.of()),
                Arguments.of("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                        LocalDate.of(2023, 11, 17), Set.of("US-CA", "US-MI", "US-TX")),
                Arguments.of("fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv", "fred", null, Set.of()),
                Arguments.of("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", null, Set.of("US-CA", "US-NV")),
                Arguments.of("dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv", "eta203", null,
                        Set.of("US-CA", "US-WA")),
                Arguments.of("indeed_job_postings_index_us_by_state_daily_2020-2026.csv", "indeed",
                        LocalDate.of(2026, 8, 18), Set.of("US-CA", "US-NY")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void pointsFromReusedEvaluationsEqualPointsEvaluatedAfresh(String file, String format, LocalDate vintage,
            Set<String> regions) throws IOException {
        ReaderOptions options = vintage == null ? ReaderOptions.defaults() : ReaderOptions.withVintage(vintage);
        List<Observation> input = TestData.read(file, format, options, o -> regions.isEmpty() || regions.contains(o.region()));
        MetricEngine engine = MetricEngine.standard();
        Map<String, RegionSeries> kept = new HashMap<>();
        Map<String, RegionSeries> restored = new HashMap<>();
        int points = 0;
        for (int i = 0; i < input.size(); i++) {
            Observation o = input.get(i);
            RegionSeries fresh = roundTrip(restored.computeIfAbsent(o.region(), r -> new RegionSeries()));
            restored.put(o.region(), fresh);
            MetricEngine.Result expected = engine.apply(fresh, o);
            MetricEngine.Result actual = engine.apply(kept.computeIfAbsent(o.region(), r -> new RegionSeries()), o);
            int at = i;
            assertEquals(expected.upsert(), actual.upsert(), () -> "outcome of observation " + at + ": " + o);
            assertEquals(expected.points(), actual.points(), () -> "points of observation " + at + ": " + o);
            points += actual.points().size();
        }
        assertTrue(points > 0, "the file makes points");
        System.out.printf("%s: %,d observations, %,d points the same%n", file, input.size(), points);
    }

    /** The region as a restored job holds it: its data, without anything derived from them. */
    private static RegionSeries roundTrip(RegionSeries data) throws IOException {
        return RegionSeriesFormatTest.decode(GoldenBytes.bytes(data::writeTo));
    }
}
