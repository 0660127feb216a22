package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

class FredLongReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();

    @Test
    void blankValuesAreMissingAndEverySeriesIsMapped() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED_LONG, DEFAULTS, "fred_long_national_vintage2026-01.csv");
        assertEquals(25, r.report().rows());
        assertEquals(22, r.report().observations());
        assertEquals(3, r.report().skippedMissing()); // UNRATE, U6RATE, CIVPART for 2025-10
        assertEquals(List.of(), r.report().notes());
        assertTrue(r.where(o -> o.indicator().equals("unemployment_rate")
                && o.period().equals(LocalDate.of(2025, 10, 1))).isEmpty());

        Observation ahe = r.one("average_hourly_earnings", "US", "sa", "2025-10-01");
        assertValue("31.65", ahe);
        assertEquals("ces:production-nonsupervisory", ahe.sector());
        assertEquals("usd_per_hour", ahe.unit());
        assertEquals("bls.ces", ahe.source());
        assertEquals(LocalDate.of(2026, 1, 1), ahe.vintage());

        Observation recession = r.one("recession", "US", "nsa", "2020-04-01");
        assertValue("1.0", recession);
        assertEquals("flag", recession.unit());
        assertEquals("nber", recession.source());

        Observation openings = r.one("job_openings", "US", "sa", "2025-10-01");
        assertValue("7670.0", openings);
        assertEquals("bls.jolts", openings.source());
        assertEquals("thousands", openings.unit());

        assertValue("62.5", r.one("labor_force_participation_rate", "US", "sa", "2025-11-01"));
        assertValue("8.7", r.one("u6_rate", "US", "sa", "2025-11-01"));
        Observation payems = r.one("payroll_employment", "US", "sa", "2025-10-01");
        assertValue("159488.0", payems);
        assertEquals("all", payems.sector());
    }

    @Test
    void aStackedFileIsEmittedPeriodByPeriodEachPeriodInFileOrder() throws Exception {
        // The fixture stacks its series (UNRATE's months, then AHETPI's, ...): a metric dividing one
        // series by another (the job-openings rate) needs them side by side, as a release is.
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED_LONG, DEFAULTS, "fred_long_national_vintage2026-01.csv");
        List<LocalDate> periods = r.observations().stream().map(Observation::period).toList();
        assertEquals(periods.stream().sorted().toList(), periods);
        List<String> september = r.observations().stream().filter(o -> o.period().equals(LocalDate.of(2025, 9, 1)))
                .map(Observation::indicator).toList();
        assertEquals(List.of("unemployment_rate", "average_hourly_earnings", "payroll_employment", "u6_rate", "recession",
                "job_openings", "labor_force_participation_rate"), september, "file order within a period");
    }

    @Test
    void unknownSeriesAreSkippedAndCounted() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.FRED_LONG, DEFAULTS, "fred_long_bls_vintage2023-12.csv");
        assertEquals(12, r.report().rows());
        assertEquals(8, r.report().observations());
        assertEquals(0, r.report().skippedMissing());
        assertEquals(List.of("unmapped FRED series (rows skipped): U1RATE (2), U2RATE (2)"), r.report().notes());

        Observation ahe = r.one("average_hourly_earnings", "US", "sa", "2023-10-01");
        assertValue("33.98", ahe);
        assertEquals("ces:total-private", ahe.sector());
        assertValue("157984", r.one("payroll_employment", "US", "nsa", "2023-10-01"));
        assertValue("6506", r.one("unemployed", "US", "sa", "2023-10-01"));
        assertValue("3.6", r.one("unemployment_rate", "US", "nsa", "2023-09-01"));
    }

    @Test
    void fredDotIsMissingToo() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.FRED_LONG, DEFAULTS, "l_vintage2026-01.csv",
                "series_id,date,value\nUNRATE,2025-09-01,4.4\nUNRATE,2025-10-01,.\n");
        assertEquals(1, r.report().observations());
        assertEquals(1, r.report().skippedMissing());
    }

    @Test
    void badNumberAndBadDateNameTheLine() {
        ReaderException number = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED_LONG,
                DEFAULTS, "l_vintage2026-01.csv", "series_id,date,value\nUNRATE,2025-09-01,4.4\nUNRATE,2025-11-01,n/a\n"));
        assertEquals(3, number.line());
        assertTrue(number.getMessage().contains("'n/a' is not a number"), number.getMessage());

        ReaderException date = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED_LONG,
                DEFAULTS, "l_vintage2026-01.csv", "series_id,date,value\nUNRATE,09/01/2025,4.4\n"));
        assertEquals(2, date.line());
        assertTrue(date.getMessage().contains("column date"), date.getMessage());
    }

    @Test
    void missingColumnIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED_LONG,
                DEFAULTS, "l_vintage2026-01.csv", "series_id,date,value_thousands\nPAYEMS,2025-09-01,1\n"));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("no column 'value'"), e.getMessage());
    }
}
