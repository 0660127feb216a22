package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.ObservationValidator;
import org.laborwatch.contract.ValidationRules;

/**
 * Every observation the readers make of every bundled file passes validation under the default
 * rules, keyed as replay keys it: the known regions and sectors cover all that the readers
 * produce, and no real publication has a vintage before its period ends or after the day after
 * the newest bundled vintage.
 */
class BundledDataValidatesTest {

    /** The day after the newest bundled vintage (Indeed, 2026-08-18): the earliest "now" they all pass at. */
    private static final Clock DAY_AFTER_NEWEST_VINTAGE =
            Clock.fixed(Instant.parse("2026-08-19T00:00:00Z"), ZoneOffset.UTC);

    static Stream<Arguments> bundledFiles() {
        return Stream.of(
                Arguments.of(PublishedFormat.FRED, ReaderOptions.defaults(), "fred_UNRATE_monthly_1948-2023_vintage2023-12.csv"),
                Arguments.of(PublishedFormat.FRED, ReaderOptions.defaults(), "fred_UNRATE_monthly_1948-2026_vintage2026-04.csv"),
                Arguments.of(PublishedFormat.FRED, ReaderOptions.defaults(),
                        "fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv"),
                Arguments.of(PublishedFormat.FRED_LONG, ReaderOptions.defaults(),
                        "fred_national_monthly_1980-2025_vintage2026-01.csv"),
                Arguments.of(PublishedFormat.LAUS_STATE, LausStateReaderTest.OCT_2023_RELEASE,
                        "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv"),
                Arguments.of(PublishedFormat.ETA539, ReaderOptions.defaults(), "dol_eta539_weekly_claims_by_state_2019-2025.csv"),
                Arguments.of(PublishedFormat.ETA203, ReaderOptions.defaults(),
                        "dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv"),
                Arguments.of(PublishedFormat.BTOS, ReaderOptions.defaults(), "census_btos_ai_use_by_state_biweekly_2023-2025.csv"),
                Arguments.of(PublishedFormat.INDEED, BundledDataTest.INDEED_2026_08,
                        "indeed_job_postings_index_us_aggregate_daily_2020-2026.csv"),
                Arguments.of(PublishedFormat.INDEED, BundledDataTest.INDEED_2026_08,
                        "indeed_job_postings_index_us_by_state_daily_2020-2026.csv"),
                Arguments.of(PublishedFormat.INDEED, BundledDataTest.INDEED_2024_10,
                        "indeed_job_postings_index_us_by_occupational_sector_daily_2020-2024.csv"),
                Arguments.of(PublishedFormat.CES_LONG, ReaderOptions.defaults(),
                        "fred_ces_employment_by_industry_monthly_sa_1939-2020_vintage2020-11.csv"),
                Arguments.of(PublishedFormat.OECD_HUR, ReaderOptions.defaults(), OecdHurReaderTest.TOTAL),
                Arguments.of(PublishedFormat.OECD_HUR, ReaderOptions.defaults(), OecdHurReaderTest.TOT_MEN_WOMEN),
                Arguments.of(PublishedFormat.ONS, ReaderOptions.defaults(), OnsReaderTest.MGSX));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("bundledFiles")
    void everyObservationOfABundledFilePassesValidation(PublishedFormat format, ReaderOptions options, String file)
            throws Exception {
        ObservationValidator validator = new ObservationValidator(ValidationRules.defaults(), DAY_AFTER_NEWEST_VINTAGE);
        List<Observation> read = ReadResult.bundled(format, options, file).observations();
        assertTrue(read.size() > 100, file + " read " + read.size());
        Map<String, Integer> refused = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        for (Observation o : read) {
            var v = validator.validate(Json.writeBytes(o), file, o.series().kafkaKey());
            if (v instanceof ObservationValidator.Validated.Rejected r) {
                refused.merge(r.deadLetter().reasonCode(), 1, Integer::sum);
                if (examples.size() < 5) {
                    examples.add(r.deadLetter().detail());
                }
            }
        }
        assertEquals(Map.of(), refused, file + ": " + examples);
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("bundledFiles")
    void noBundledVintageIsAfterTheDayAfterTheNewest(PublishedFormat format, ReaderOptions options, String file)
            throws Exception {
        LocalDate newest = LocalDate.of(2026, 8, 18);
        assertTrue(ReadResult.bundled(format, options, file).observations().stream()
                .noneMatch(o -> o.vintage().isAfter(newest)), file);
    }
}
