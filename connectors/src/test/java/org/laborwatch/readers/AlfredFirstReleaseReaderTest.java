package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** ALFRED's first prints of UNRATE, each dated by its release. */
class AlfredFirstReleaseReaderTest {

    @Test
    void eachMonthIsItsFirstPrintDatedByItsRelease() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.ALFRED_FIRST_RELEASE, ReaderOptions.defaults(),
                "alfred_UNRATE_first_release_1999-12_2026-07.csv");
        assertEquals(new ReadReport(319, 319, 0, List.of()), r.report());
        Observation july = r.one("unemployment_rate", "US", "sa", "2024-07-01");
        assertValue("4.3", july);
        assertEquals(LocalDate.of(2024, 8, 2), july.vintage());
        assertEquals("bls.cps", july.source());
        Observation first = r.observations().get(0);
        assertEquals(LocalDate.of(1999, 12, 1), first.period());
        assertEquals(LocalDate.of(2000, 1, 7), first.vintage());
        assertValue("4.1", first);
        // 2025-10 was never collected, so it has no first print.
        assertTrue(r.where(o -> o.period().equals(LocalDate.of(2025, 10, 1))).isEmpty());
    }

    @Test
    void refusesAnExplicitVintage() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ALFRED_FIRST_RELEASE,
                ReaderOptions.withVintage(LocalDate.of(2024, 9, 1)), "x.csv", "reference_month,release_date,first_value\n"));
        assertTrue(e.getMessage().contains("release_date"), e.getMessage());
    }
}
