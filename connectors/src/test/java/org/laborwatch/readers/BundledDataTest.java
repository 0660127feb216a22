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
}
