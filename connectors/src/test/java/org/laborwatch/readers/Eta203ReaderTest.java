package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class Eta203ReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();
    private static final String HEADER = "state,report_for_period_ending,sample_pop,sex_male,sex_female,sex_ina,"
            + String.join(",", Eta203Reader.SECTORS.keySet()) + "\n";

    static Observation one(ReadResult r, String region, String sector, String period) {
        List<Observation> found = r.where(o -> o.region().equals(region) && o.sector().equals(sector)
                && o.period().equals(LocalDate.parse(period)));
        assertEquals(1, found.size(), () -> region + "/" + sector + " at " + period + ": " + found);
        return found.get(0);
    }

    private static String row(String lead, String sex, long cell) {
        return lead + "," + sex + "," + String.join(",", java.util.Collections.nCopies(Eta203Reader.SECTORS.size(),
                Long.toString(cell))) + "\n";
    }

    @Test
    void fortySixObservationsPerRow() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA203, DEFAULTS, "eta203_sample.csv");
        assertEquals(4, r.report().rows());
        // 24 occupation groups + 21 industries + the total
        assertEquals(4 * 46, r.report().observations());
        assertEquals(0, r.report().skippedMissing());
        assertEquals(List.of("vintage per row: the last day of the month after the reference month"
                        + " (the ETA 203 is filed within that month)",
                "sample_pop S (tabulated from a sample, at population scale; read as is) in 2 rows: CA (1), VI (1)"),
                r.report().notes());
        Set<String> sectors = r.where(o -> o.region().equals("US-AK")).stream().map(Observation::sector)
                .collect(Collectors.toSet());
        assertEquals(46, sectors.size());
        assertTrue(sectors.containsAll(Set.of("all", "soc:11", "soc:55", "soc:unknown", "naics:31-33", "naics:44-45",
                "naics:48-49", "naics:92", "naics:unknown")), sectors.toString());
    }

    @Test
    void totalIsTheSumOfTheSexColumns() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA203, DEFAULTS, "eta203_sample.csv");
        Observation all = one(r, "US-CA", "all", "2020-04-01");
        assertEquals(new Observation("insured_unemployed", "US-CA", "all", "nsa", Frequency.MONTHLY,
                LocalDate.of(2020, 4, 1), all.value(), "count", "dol.eta203", LocalDate.of(2020, 5, 31)), all);
        assertValue("1886140", all); // 925,071 + 959,684 + 1,385
        assertValue("9032", one(r, "US-AK", "all", "2019-01-01"));
        // Occupation and industry columns each add up to the total.
        for (String prefix : List.of("soc:", "naics:")) {
            assertEquals(all.value(), r.where(o -> o.region().equals("US-CA") && o.sector().startsWith(prefix)).stream()
                    .map(Observation::value).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        }
    }

    @Test
    void occupationAndIndustryColumnsGetTheirCodes() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA203, DEFAULTS, "eta203_sample.csv");
        assertValue("423274", one(r, "US-CA", "soc:15", "2020-04-01"));
        assertValue("106115", one(r, "US-CA", "naics:31-33", "2020-04-01"));
        assertValue("216", one(r, "US-AK", "naics:21", "2019-01-01"));
        assertValue("1992", one(r, "US-AK", "naics:23", "2019-01-01"));
        Observation feb = one(r, "US-TX", "all", "2020-02-01");
        assertEquals(LocalDate.of(2020, 3, 31), feb.vintage()); // February 2020 is a leap month; vintage end of March
    }

    @Test
    void explicitVintageReplacesThePerRowRule() throws Exception {
        LocalDate pulled = LocalDate.of(2025, 4, 1);
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA203, ReaderOptions.withVintage(pulled), "eta203_sample.csv");
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(pulled)));
        assertEquals(1, r.report().notes().size());
    }

    @Test
    void emptyCellsAreSkippedAndCounted() throws Exception {
        String text = HEADER + row("VI,2021-03-31,P", "10,20,", 1).replaceFirst(",,1,", ",,,");
        ReadResult r = ReadResult.text(PublishedFormat.ETA203, DEFAULTS, "eta203.csv", text);
        // The total needs all three sex cells; one occupation cell is empty too.
        assertEquals(2, r.report().skippedMissing());
        assertEquals(44, r.report().observations());
        assertTrue(r.where(o -> o.sector().equals("all")).isEmpty());
    }

    @Test
    void periodMustBeAMonthEnd() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA203, DEFAULTS,
                "eta203.csv", HEADER + row("VI,2021-03-30,P", "10,20,0", 1)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("not the last day of a month"), e.getMessage());
    }

    @Test
    void unknownSampleFlagAndUnmappedColumnsAreErrors() {
        ReaderException flag = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA203,
                DEFAULTS, "eta203.csv", HEADER + row("VI,2021-03-31,X", "10,20,0", 1)));
        assertTrue(flag.getMessage().contains("sample_pop"), flag.getMessage());
        ReaderException column = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA203,
                DEFAULTS, "eta203.csv", HEADER.replace("\n", ",occ_astronaut\n") + row("VI,2021-03-31,P", "1,2,0", 1)
                        .replace("\n", ",3\n")));
        assertEquals(1, column.line());
        assertTrue(column.getMessage().contains("occ_astronaut"), column.getMessage());
    }

    @Test
    void badNumberNamesLineAndColumn() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA203, DEFAULTS,
                "eta203.csv", HEADER + row("VI,2021-03-31,P", "10,2 0,0", 1)));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("column sex_female") && e.getMessage().contains("'2 0'"), e.getMessage());
    }
}
