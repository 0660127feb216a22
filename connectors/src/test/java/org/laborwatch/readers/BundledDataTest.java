package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** Reads each file bundled under the project's {@code data/} whole, and checks counts and published facts. */
class BundledDataTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();

    @Test
    void unrateVintage2023() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.FRED, DEFAULTS, "fred_UNRATE_monthly_1948-2023_vintage2023-12.csv");
        assertEquals(new ReadReport(911, 911, 0, List.of()), r.report());
        assertEquals(LocalDate.of(1948, 1, 1), r.observations().get(0).period());
        assertEquals(LocalDate.of(2023, 11, 1), r.observations().get(910).period());
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(LocalDate.of(2023, 12, 1))));
        assertValue("4.5", r.one("unemployment_rate", "US", "sa", "1957-10-01"));
        assertValue("3.6", r.one("unemployment_rate", "US", "sa", "2019-04-01"));
        assertValue("14.7", r.one("unemployment_rate", "US", "sa", "2020-04-01"));
    }

    @Test
    void unrateVintage2026HasNoOctober2025() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.FRED, DEFAULTS, "fred_UNRATE_monthly_1948-2026_vintage2026-04.csv");
        assertEquals(new ReadReport(939, 938, 1, List.of()), r.report());
        assertTrue(r.where(o -> o.period().equals(LocalDate.of(2025, 10, 1))).isEmpty());
        assertValue("3.7", r.one("unemployment_rate", "US", "sa", "2019-04-01"));
        assertValue("14.8", r.one("unemployment_rate", "US", "sa", "2020-04-01"));
        assertValue("4.3", r.one("unemployment_rate", "US", "sa", "2026-03-01"));
    }

    @Test
    void claimsVintage2020() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.FRED, DEFAULTS,
                "fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv");
        assertEquals(new ReadReport(1067, 2133, 1, List.of()), r.report());
        assertEquals(1067, r.count("initial_claims"));
        assertEquals(1066, r.count("continued_claims"));
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(LocalDate.of(2020, 6, 18))));
        // FRED CC4WSA, the 4-week average of continued claims, as published.
        assertEquals(new BigDecimal("6553000"), fourWeekAverage(r, "2009-05-30"));
        assertEquals(new BigDecimal("21962000"), fourWeekAverage(r, "2020-05-09"));
    }

    private static BigDecimal fourWeekAverage(ReadResult r, String week) {
        LocalDate end = LocalDate.parse(week);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < 4; i++) {
            sum = sum.add(r.one("continued_claims", "US", "sa", end.minusWeeks(i).toString()).value());
        }
        return sum.divide(BigDecimal.valueOf(4));
    }

    @Test
    void nationalMonthlyVintage2026() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.FRED_LONG, DEFAULTS, "fred_national_monthly_1980-2025_vintage2026-01.csv");
        assertEquals(new ReadReport(3438, 3435, 3, List.of()), r.report());
        Map<String, Long> perSeries = r.observations().stream()
                .collect(Collectors.groupingBy(o -> o.indicator() + "/" + o.sector(), Collectors.counting()));
        assertEquals(Map.of(
                "unemployment_rate/all", 550L,
                "average_hourly_earnings/ces:production-nonsupervisory", 551L,
                "payroll_employment/all", 551L,
                "u6_rate/all", 382L,
                "recession/all", 552L,
                "job_openings/all", 299L,
                "labor_force_participation_rate/all", 550L), perSeries);
        assertValue("1.0", r.one("recession", "US", "nsa", "2020-04-01"));
    }

    @Test
    void lausStatesWithTheOctober2023ReleaseVintage() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.LAUS_STATE, LausStateReaderTest.OCT_2023_RELEASE,
                "bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv");
        assertEquals(33292, r.report().rows());
        // 29,848 state rows: 29,846 SA values, 14,348 NSA; 15,498 empty NSA cells and 4 NA cells.
        assertEquals(44194, r.report().observations());
        assertEquals(15502, r.report().skippedMissing());
        assertEquals(List.of(
                "4 cells marked NA (no estimate published) skipped: US-PR 2020-03-01 sa, US-PR 2020-03-01 nsa,"
                        + " US-PR 2020-04-01 sa, US-PR 2020-04-01 nsa",
                "skipped 3444 census_region_or_division rows (Middle Atlantic division, Midwest region,"
                        + " New England division, Northeast region, South region, West region)"),
                r.report().notes());
        Map<String, Long> saPerRegion = r.where(o -> o.adjustment().equals("sa")).stream()
                .collect(Collectors.groupingBy(Observation::region, Collectors.counting()));
        assertEquals(52, saPerRegion.size()); // 50 states, DC, PR
        // 574 months each, but Puerto Rico has no March and April 2020.
        assertEquals(572L, saPerRegion.get("US-PR"));
        assertTrue(saPerRegion.entrySet().stream().allMatch(e -> e.getKey().equals("US-PR") || e.getValue() == 574),
                saPerRegion.toString());
        assertValue("4.8", r.one("unemployment_rate", "US-CA", "sa", "2023-10-01"));
        assertValue("5.8", r.one("unemployment_rate", "US-PR", "sa", "2023-10-01"));
    }

    @Test
    void eta539OneInitialClaimPerRow() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.ETA539, DEFAULTS, "dol_eta539_weekly_claims_by_state_2019-2025.csv");
        assertEquals(17066, r.report().rows());
        assertEquals(5 * 17066, r.report().observations());
        assertEquals(0, r.report().skippedMissing());
        Map<String, Long> perIndicator = r.observations().stream()
                .collect(Collectors.groupingBy(Observation::indicator, Collectors.counting()));
        assertEquals(Map.of("initial_claims", 17066L, "continued_claims", 17066L, "insured_unemployed_13wk_avg", 17066L,
                "covered_employment", 17066L, "iur_prior_2yr_avg", 17066L), perIndicator);
        assertEquals(53, r.observations().stream().map(Observation::region).distinct().count()); // + DC, PR, VI
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().getDayOfWeek() == DayOfWeek.THURSDAY));
        assertEquals(new BigDecimal("6.49"), Eta539ReaderTest.iur(r, "US-CA", "2020-04-25"));
        assertEquals(new BigDecimal("4.83"), Eta539ReaderTest.iur(r, "US-VI", "2021-04-10"));
        Map<LocalDate, Observation> caInitial = r.where(o -> o.region().equals("US-CA")
                && o.indicator().equals("initial_claims")).stream()
                .collect(Collectors.toMap(Observation::period, Function.identity()));
        assertEquals(322, caInitial.size());
        assertValue("315893", caInitial.get(LocalDate.of(2020, 5, 2)));
    }

    @Test
    void eta203OccupationsIndustriesAndTotals() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.ETA203, DEFAULTS,
                "dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv");
        // 53 areas × 2019-01 … 2025-02, a few months missing; 24 occupations + 21 industries + total per row.
        assertEquals(new ReadReport(3899, 46 * 3899, 0, List.of(
                "vintage per row: the last day of the month after the reference month (the ETA 203 is filed within"
                        + " that month)",
                "sample_pop S (tabulated from a sample, at population scale; read as is) in 401 rows: AL (1), CA (74),"
                        + " CT (1), KY (74), RI (73), UT (74), VA (36), VI (68)")), r.report());
        assertEquals(53, r.observations().stream().map(Observation::region).distinct().count());
        assertEquals(3899, r.where(o -> o.sector().equals("all")).size());
        assertValue("1886140", Eta203ReaderTest.one(r, "US-CA", "all", "2020-04-01"));
        assertValue("423274", Eta203ReaderTest.one(r, "US-CA", "soc:15", "2020-04-01"));
        assertValue("9032", Eta203ReaderTest.one(r, "US-AK", "all", "2019-01-01"));
        assertValue("954490", Eta203ReaderTest.one(r, "US-TX", "all", "2020-04-01"));
        assertEquals(LocalDate.of(2025, 2, 1), r.observations().stream().map(Observation::period)
                .max(LocalDate::compareTo).orElseThrow());
    }

    @Test
    void btosYesAnswersByState() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.BTOS, DEFAULTS, "census_btos_ai_use_by_state_biweekly_2023-2025.csv");
        // 14,628 rows = 53 codes × 46 periods × 2 questions × 3 answers; 4,876 Yes rows, of which 92 are XX
        // and 1,303 suppressed.
        assertEquals(new ReadReport(14628, 3481, 1303, List.of(
                "vintage per row: the period's Saturday + 12 days (approximately the Thursday Census publishes"
                        + " the period's results)",
                "1303 Yes cells suppressed (suppression_flag S or no percentage): missing, not zero",
                "skipped 92 Yes rows with state XX (not a state; probably the national estimate, unconfirmed)",
                "skipped rows of other answers: Do not know (4876), No (4876)")), r.report());
        assertEquals(1601, r.count("ai_use_rate"));
        assertEquals(1880, r.count("ai_use_expected_rate"));
        assertTrue(r.observations().stream().allMatch(o -> o.period().getDayOfWeek() == DayOfWeek.SATURDAY));
        assertEquals(LocalDate.of(2023, 9, 23), r.observations().stream().map(Observation::period)
                .min(LocalDate::compareTo).orElseThrow());
        assertEquals(LocalDate.of(2025, 6, 14), r.observations().stream().map(Observation::period)
                .max(LocalDate::compareTo).orElseThrow()); // 2025-12, collected 2025-06-02 … 2025-06-15
        assertValue("4.9", r.one("ai_use_rate", "US-CA", "nsa", "2023-09-23"));
        assertValue("9.8", r.one("ai_use_rate", "US-CA", "nsa", "2025-05-17"));
        assertValue("16.1", r.one("ai_use_rate", "US-WY", "nsa", "2025-04-05")); // 2025-07 (03-24 … 04-06), Wyoming's one published cell
    }

    /** The Tuesday after each file's last day: the earliest Hiring Lab could have published it. */
    static final ReaderOptions INDEED_2026_08 = ReaderOptions.withVintage(LocalDate.of(2026, 8, 18));
    static final ReaderOptions INDEED_2024_10 = ReaderOptions.withVintage(LocalDate.of(2024, 10, 1));

    @Test
    void indeedAggregate() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.INDEED, INDEED_2026_08,
                "indeed_job_postings_index_us_aggregate_daily_2020-2026.csv");
        assertEquals(new ReadReport(4774, 4774, 0, List.of("skipped rows of variables other than 'total postings':"
                + " new postings (2387)")), r.report());
        assertEquals(2387, r.where(o -> o.adjustment().equals("sa")).size());
        assertValue("62.32", r.one("job_postings_index", "US", "sa", "2020-05-01"));
        assertValue("65.98", r.one("job_postings_index", "US", "nsa", "2020-05-01"));
        assertValue("101.79", r.one("job_postings_index", "US", "sa", "2026-08-14"));
    }

    @Test
    void indeedStates() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.INDEED, INDEED_2026_08,
                "indeed_job_postings_index_us_by_state_daily_2020-2026.csv");
        assertEquals(new ReadReport(121737, 121737, 0, List.of()), r.report());
        assertEquals(51, r.observations().stream().map(Observation::region).distinct().count()); // 50 states + DC
        assertValue("85.19", r.one("job_postings_index", "US-CA", "sa", "2026-08-14"));
        assertValue("100", r.one("job_postings_index", "US-AK", "sa", "2020-02-01"));
    }

    @Test
    void indeedOccupationalSectors() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.INDEED, INDEED_2024_10,
                "indeed_job_postings_index_us_by_occupational_sector_daily_2020-2024.csv");
        assertEquals(new ReadReport(78246, 78246, 0, List.of()), r.report());
        Map<String, Long> perSector = r.observations().stream()
                .collect(Collectors.groupingBy(Observation::sector, Collectors.counting()));
        assertEquals(46, perSector.size());
        assertTrue(perSector.values().stream().allMatch(n -> n == 1701), perSector.toString());
        assertTrue(perSector.keySet().containsAll(List.of("indeed:software-development", "indeed:arts-and-entertainment",
                "indeed:scientific-research-and-development", "indeed:it-operations-and-helpdesk")), perSector.toString());
        assertValue("69.65", r.where(o -> o.sector().equals("indeed:software-development")
                && o.period().equals(LocalDate.of(2024, 9, 27))).get(0));
    }

    @Test
    void cesByIndustryVintage2020() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.CES_LONG, DEFAULTS,
                "fred_ces_employment_by_industry_monthly_sa_1939-2020_vintage2020-11.csv");
        assertEquals(new ReadReport(12938, 12938, 0, List.of()), r.report());
        Map<String, Long> perSector = r.observations().stream()
                .collect(Collectors.groupingBy(Observation::sector, Collectors.counting()));
        assertEquals(17, perSector.size());
        assertEquals(982L, perSector.get("all")); // 1939-01 … 2020-10
        assertEquals(370L, perSector.get("ces:health-care")); // from 1990-01
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(LocalDate.of(2020, 11, 1))));
        Map<String, Observation> april2020 = r.where(o -> o.period().equals(LocalDate.of(2020, 4, 1))).stream()
                .collect(Collectors.toMap(Observation::sector, Function.identity()));
        assertValue("130303", april2020.get("all"));
        assertValue("11489", april2020.get("naics:31-33"));
        assertValue("6227.1", april2020.get("ces:food-services-and-drinking-places"));
        assertValue("29923", r.where(o -> o.sector().equals("all") && o.period().equals(LocalDate.of(1939, 1, 1))).get(0));
    }
}
