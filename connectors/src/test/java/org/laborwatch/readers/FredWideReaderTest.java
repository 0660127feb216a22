package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class FredWideReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();

    @Test
    void quotedHeaderMonthlyRatesWithVintageFromName() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, DEFAULTS, "fred_UNRATE_quoted_vintage2023-12.csv");
        assertEquals(20, r.report().rows());
        assertEquals(20, r.report().observations());
        assertEquals(0, r.report().skippedMissing());
        assertEquals(List.of(), r.report().notes());

        Observation oct1957 = r.one("unemployment_rate", "US", "sa", "1957-10-01");
        assertValue("4.5", oct1957);
        assertEquals(new Observation("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY,
                LocalDate.of(1957, 10, 1), oct1957.value(), "percent", "bls.cps", LocalDate.of(2023, 12, 1)), oct1957);
        // Published as "4": kept as 4, not 4.0, so equality is on the text.
        assertValue("4", r.one("unemployment_rate", "US", "sa", "1948-03-01"));
        assertValue("3.6", r.one("unemployment_rate", "US", "sa", "2019-04-01"));
        assertValue("14.7", r.one("unemployment_rate", "US", "sa", "2020-04-01"));
    }

    @Test
    void keepsFileOrder() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, DEFAULTS, "fred_UNRATE_quoted_vintage2023-12.csv");
        List<LocalDate> periods = r.observations().stream().map(Observation::period).toList();
        assertEquals(periods.stream().sorted().toList(), periods);
        assertEquals(LocalDate.of(1948, 1, 1), periods.get(0));
    }

    @Test
    void fredDotIsMissingNotZero() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, DEFAULTS, "fred_UNRATE_crlf_vintage2026-04.csv");
        assertEquals(13, r.report().rows());
        assertEquals(12, r.report().observations());
        assertEquals(1, r.report().skippedMissing());
        assertTrue(r.where(o -> o.period().equals(LocalDate.of(2025, 10, 1))).isEmpty());
        // CRLF line ends must not leak into the values.
        assertValue("4.3", r.one("unemployment_rate", "US", "sa", "2026-03-01"));
        // The 2026-04 vintage revised 2019-04 from 3.6 to 3.7.
        Observation apr2019 = r.one("unemployment_rate", "US", "sa", "2019-04-01");
        assertValue("3.7", apr2019);
        assertEquals(LocalDate.of(2026, 4, 1), apr2019.vintage());
    }

    @Test
    void observationDateHeaderAndNsaSeries() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, DEFAULTS,
                "fred_UNRATENSA_observation_date_vintage2025-10.csv");
        assertEquals(6, r.report().observations());
        Observation o = r.one("unemployment_rate", "US", "nsa", "1948-01-01");
        assertValue("4.0", o);
        assertEquals(LocalDate.of(2025, 10, 1), o.vintage());
    }

    @Test
    void weeklyClaimsTwoColumnsWithBlankLastContinuedClaims() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, DEFAULTS, "fred_claims_ICSA_CCSA_vintage2020-06-18.csv");
        assertEquals(7, r.report().rows());
        assertEquals(13, r.report().observations());
        assertEquals(1, r.report().skippedMissing());
        Observation cc = r.one("continued_claims", "US", "sa", "2009-05-30");
        assertValue("6635000", cc);
        assertEquals(Frequency.WEEKLY, cc.frequency());
        assertEquals("count", cc.unit());
        assertEquals("dol.eta", cc.source());
        assertEquals(LocalDate.of(2020, 6, 18), cc.vintage());
        assertValue("1508000", r.one("initial_claims", "US", "sa", "2020-06-13"));
        assertTrue(r.where(o -> o.indicator().equals("continued_claims")
                && o.period().equals(LocalDate.of(2020, 6, 13))).isEmpty());
    }

    @Test
    void unknownColumnsAreSkippedAndNamedOnce() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.FRED, DEFAULTS, "mixed_vintage2024-01.csv",
                "DATE,U1RATE,UNRATE,FOO\n2023-10-01,1.4,3.8,x\n2023-11-01,1.5,3.7,y\n");
        assertEquals(2, r.report().observations());
        assertEquals(List.of("unmapped FRED series (columns skipped): U1RATE, FOO"), r.report().notes());
    }

    @Test
    void badNumberNamesFileLineAndColumn() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "x_vintage2024-01.csv", "DATE,UNRATE\n2023-09-01,3.8\n2023-10-01,3,9\n".replace("3,9", "3;9")));
        assertEquals(3, e.line());
        assertEquals("x_vintage2024-01.csv", e.fileName());
        assertTrue(e.getMessage().startsWith("x_vintage2024-01.csv:3: "), e.getMessage());
        assertTrue(e.getMessage().contains("UNRATE") && e.getMessage().contains("'3;9'"), e.getMessage());
    }

    @Test
    void badDateNamesTheLine() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "x_vintage2024-01.csv", "DATE,UNRATE\n2023-09-01,3.8\n\n2023-02-30,3.9\n"));
        assertEquals(4, e.line(), e.getMessage()); // the blank line 3 still counts
        assertTrue(e.getMessage().contains("'2023-02-30' is not a date"), e.getMessage());
    }

    @Test
    void weeklyDateThatIsNotSaturdayIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "c_vintage2020-06-18.csv", "week_ending,ICSA\n2020-06-06,1566000\n2020-06-14,1508000\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("week-ending Saturday"), e.getMessage());
    }

    @Test
    void monthlyDateNotOnTheFirstIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "u_vintage2024-01.csv", "DATE,UNRATE\n2023-10-15,3.8\n"));
        assertEquals(2, e.line());
    }

    @Test
    void shortAndLongRowsAreErrors() {
        ReaderException shortRow = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED,
                DEFAULTS, "c_vintage2020-06-18.csv", "week_ending,ICSA,CCSA\n2020-06-06,1,2\n2020-06-13,1\n"));
        assertEquals(3, shortRow.line(), shortRow.getMessage());
        ReaderException longRow = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED,
                DEFAULTS, "c_vintage2020-06-18.csv", "week_ending,ICSA\n2020-06-06,1\n2020-06-13,1,2\n"));
        assertEquals(3, longRow.line(), longRow.getMessage());
    }

    @Test
    void valueOutsideItsUnitIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "u_vintage2024-01.csv", "DATE,UNRATE\n2023-10-01,-3.8\n"));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
    }

    @Test
    void periodAfterTheVintageIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED,
                ReaderOptions.withVintage(LocalDate.of(2023, 10, 15)), "u.csv", "DATE,UNRATE\n2023-11-01,3.7\n"));
        assertTrue(e.getMessage().contains("after the vintage"), e.getMessage());
    }

    @Test
    void longFileGivenAsWideIsExplained() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.fixture(PublishedFormat.FRED,
                DEFAULTS, "fred_long_national_vintage2026-01.csv"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("fred-long"), e.getMessage());
    }

    @Test
    void duplicateColumnIsAnError() {
        assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "u_vintage2024-01.csv", "DATE,UNRATE,UNRATE\n2023-10-01,3.8,3.9\n"));
    }

    @Test
    void byteOrderMarkIsIgnored() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.FRED, DEFAULTS, "u_vintage2024-01.csv",
                "\uFEFFDATE,UNRATE\n2023-10-01,3.8\n");
        assertEquals(1, r.report().observations());
    }

    @Test
    void explicitVintageWinsOverTheFileName() throws Exception {
        LocalDate published = LocalDate.of(2023, 12, 8);
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED, ReaderOptions.withVintage(published),
                "fred_UNRATE_quoted_vintage2023-12.csv");
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(published)));
    }

    @Test
    void noVintageAnywhereIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED, DEFAULTS,
                "unrate.csv", "DATE,UNRATE\n2023-10-01,3.8\n"));
        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("unrate.csv: no vintage"), e.getMessage());
    }
}
