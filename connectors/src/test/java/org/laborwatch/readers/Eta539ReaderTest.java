package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class Eta539ReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();

    static BigDecimal iur(ReadResult r, String region, String reflectedWeek) {
        BigDecimal at = r.one("insured_unemployed_13wk_avg", region, "nsa", reflectedWeek).value();
        BigDecimal ce = r.one("covered_employment", region, "nsa", reflectedWeek).value();
        return at.multiply(BigDecimal.valueOf(100)).divide(ce, 2, RoundingMode.HALF_UP);
    }

    @Test
    void fiveObservationsPerRow() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA539, DEFAULTS, "eta539_sample.csv");
        assertEquals(7, r.report().rows());
        assertEquals(35, r.report().observations());
        assertEquals(0, r.report().skippedMissing());
        assertEquals(7, r.count("initial_claims"));
        assertEquals(List.of("vintage per row: report_for_period_ending + 5 days (the Thursday DOL publishes"
                + " the week's claims)"), r.report().notes());
    }

    @Test
    void continuedClaimsAreDatedByTheReflectedWeek() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA539, DEFAULTS, "eta539_sample.csv");
        // Row CA, report week 2020-05-02, reflected week 2020-04-25.
        Observation at = r.one("insured_unemployed_13wk_avg", "US-CA", "nsa", "2020-04-25");
        assertValue("1125499", at);
        assertEquals(new Observation("insured_unemployed_13wk_avg", "US-CA", "all", "nsa", Frequency.WEEKLY,
                LocalDate.of(2020, 4, 25), at.value(), "count", "dol.eta539", LocalDate.of(2020, 5, 7)), at);
        assertEquals(DayOfWeek.THURSDAY, at.vintage().getDayOfWeek());
        assertValue("17330010", r.one("covered_employment", "US-CA", "nsa", "2020-04-25"));
        assertValue("4805047", r.one("continued_claims", "US-CA", "nsa", "2020-04-25"));
        assertValue("2.2", r.one("iur_prior_2yr_avg", "US-CA", "nsa", "2020-04-25"));
        // Initial claims of the same row belong to the report week.
        Observation ic = r.one("initial_claims", "US-CA", "nsa", "2020-05-02");
        assertValue("315893", ic);
        assertEquals(LocalDate.of(2020, 5, 7), ic.vintage());

        // DOL's published 13-week IURs.
        assertEquals(new BigDecimal("6.49"), iur(r, "US-CA", "2020-04-25"));
        assertValue("1765", r.one("insured_unemployed_13wk_avg", "US-VI", "nsa", "2021-04-10"));
        assertValue("36521", r.one("covered_employment", "US-VI", "nsa", "2021-04-10"));
        assertEquals(new BigDecimal("4.83"), iur(r, "US-VI", "2021-04-10"));
    }

    @Test
    void ratesKeepTheirPublishedDecimals() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA539, DEFAULTS, "eta539_sample.csv");
        Observation ar = r.one("iur_prior_2yr_avg", "US-AK", "nsa", "2019-01-12");
        assertValue("3.905", ar);
        assertEquals("percent", ar.unit());
    }

    @Test
    void explicitVintageReplacesThePerRowRule() throws Exception {
        LocalDate pulled = LocalDate.of(2025, 3, 20);
        ReadResult r = ReadResult.fixture(PublishedFormat.ETA539, ReaderOptions.withVintage(pulled), "eta539_sample.csv");
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(pulled)));
        assertEquals(List.of(), r.report().notes());
    }

    @Test
    void emptyCellsAreSkippedAndCounted() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.ETA539, DEFAULTS, "eta539.csv",
                "state,report_for_period_ending,reflected_week_ending,ic,cw,at,ce,ar\n"
                        + "VI,2021-04-17,2021-04-10,193,1166,1765,36521,\n");
        assertEquals(4, r.report().observations());
        assertEquals(1, r.report().skippedMissing());
    }

    @Test
    void badNumberNamesLineAndColumn() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA539, DEFAULTS,
                "eta539.csv", "state,report_for_period_ending,reflected_week_ending,ic,cw,at,ce,ar\n"
                        + "VI,2021-04-17,2021-04-10,193,1166,1765,36521,1.66\n"
                        + "VI,2021-04-24,2021-04-17,195,1780,1771,36 521,1.786\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("column ce") && e.getMessage().contains("'36 521'"), e.getMessage());
    }

    @Test
    void reportWeekThatIsNotSaturdayIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ETA539, DEFAULTS,
                "eta539.csv", "state,report_for_period_ending,reflected_week_ending,ic,cw,at,ce,ar\n"
                        + "VI,2021-04-18,2021-04-10,193,1166,1765,36521,1.66\n"));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains("Saturday"), e.getMessage());
    }
}
