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

class LausStateReaderTest {

    /** BLS released state data for October 2023 on 2023-11-17. */
    static final ReaderOptions OCT_2023_RELEASE = ReaderOptions.withVintage(LocalDate.of(2023, 11, 17));

    @Test
    void statesOnlyWithSaAndNsa() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.LAUS_STATE, OCT_2023_RELEASE, "laus_state_sample.csv");
        assertEquals(7, r.report().rows());
        assertEquals(9, r.report().observations()); // 5 SA + 4 NSA
        assertEquals(1, r.report().skippedMissing()); // DC has no NSA
        assertEquals(List.of("skipped 2 census_region_or_division rows (Midwest region, New England division)"),
                r.report().notes());

        Observation ca = r.one("unemployment_rate", "US-CA", "sa", "2023-10-01");
        assertEquals(new Observation("unemployment_rate", "US-CA", "all", "sa", Frequency.MONTHLY,
                LocalDate.of(2023, 10, 1), ca.value(), "percent", "bls.laus", LocalDate.of(2023, 11, 17)), ca);
        assertValue("4.8", ca);
        assertValue("7.5", r.one("unemployment_rate", "US-AL", "nsa", "1976-01-01"));
        assertValue("5", r.one("unemployment_rate", "US-DC", "sa", "2023-10-01"));
        assertValue("5.5", r.one("unemployment_rate", "US-PR", "nsa", "2023-10-01"));
        assertTrue(r.where(o -> o.region().equals("US-DC") && o.adjustment().equals("nsa")).isEmpty());
        assertTrue(r.where(o -> !o.region().matches("US-[A-Z]{2}")).isEmpty());
    }

    @Test
    void notAvailableIsMissingAndListed() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.LAUS_STATE, OCT_2023_RELEASE, "laus.csv",
                "area,area_type,date,unrate_sa,unrate_nsa\nPR,state,2020-02-01,9.1,7.8\nPR,state,2020-03-01,NA,NA\n");
        assertEquals(2, r.report().observations());
        assertEquals(2, r.report().skippedMissing());
        assertEquals(List.of("2 cells marked NA (no estimate published) skipped: US-PR 2020-03-01 sa, US-PR 2020-03-01 nsa"),
                r.report().notes());
    }

    @Test
    void withoutVintageItAsksForOne() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.fixture(PublishedFormat.LAUS_STATE,
                ReaderOptions.defaults(), "laus_state_sample.csv"));
        assertTrue(e.getMessage().contains("no vintage") && e.getMessage().contains("explicit"), e.getMessage());
    }

    @Test
    void badRateNamesTheLine() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.LAUS_STATE,
                OCT_2023_RELEASE, "laus.csv",
                "area,area_type,date,unrate_sa,unrate_nsa\nCA,state,2023-09-01,4.7,4.6\nCA,state,2023-10-01,4..8,\n"));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("unrate_sa"), e.getMessage());
    }

    @Test
    void stateThatIsNotACodeIsAnError() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.LAUS_STATE,
                OCT_2023_RELEASE, "laus.csv", "area,area_type,date,unrate_sa,unrate_nsa\nCalifornia,state,2023-10-01,4.8,\n"));
        assertEquals(2, e.line());
    }
}
