package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** Philadelphia Fed RTDSM matrices: vintages dated mid-month, replayed in publication order. */
class RtdsmReaderTest {

    @Test
    void rucQuarterlyVintagesAreDatedTheFifteenthOfTheMiddleMonth() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.RTDSM, ReaderOptions.defaults(),
                "philfed_rtdsm_RUC_unemployment_rate_quarterly_vintages_2024Q4-2025Q4_rows2023-01_2025-10.csv");
        // 22 values of RUC24Q4, then 7 revisions and 3 new months in 25Q1, 3, 3 and 1 new months after.
        assertEquals(34, r.report().rows());
        assertEquals(39, r.report().observations());
        assertEquals(32, r.report().skippedMissing());
        List<Observation> q1 = r.where(o -> o.vintage().equals(LocalDate.of(2025, 2, 15)));
        assertEquals(10, q1.size(), q1::toString);
        assertEquals(LocalDate.of(2023, 1, 1), q1.get(0).period());
        assertValue("3.5", q1.get(0));
        Observation july2024 = q1.stream().filter(o -> o.period().equals(LocalDate.of(2024, 7, 1))).findFirst().orElseThrow();
        assertValue("4.2", july2024);
        assertEquals("unemployment_rate", july2024.indicator());
        Observation first = r.observations().get(0);
        assertEquals(LocalDate.of(2024, 11, 15), first.vintage());
        assertValue("3.4", first);
        Observation last = r.observations().get(38);
        assertEquals(LocalDate.of(2025, 11, 15), last.vintage());
        assertEquals(LocalDate.of(2025, 8, 1), last.period());
        assertValue("4.3", last);
    }

    @Test
    void employMonthlyVintagesInThousands() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.RTDSM, ReaderOptions.defaults(),
                "philfed_rtdsm_EMPLOY_payroll_employment_monthly_vintages_2025M10-2026M1_rows2025-01_2025-12.csv");
        assertEquals(12, r.report().rows());
        assertEquals(8 + 3 + 4 + 3, r.report().observations());
        List<Observation> jan2026 = r.where(o -> o.vintage().equals(LocalDate.of(2026, 1, 15)));
        assertEquals(List.of(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 11, 1), LocalDate.of(2025, 12, 1)),
                jan2026.stream().map(Observation::period).toList());
        assertValue("159420", jan2026.get(0));
        assertValue("159526", jan2026.get(2));
        assertEquals(List.of("payroll_employment", "thousands", "bls.ces"),
                List.of(jan2026.get(2).indicator(), jan2026.get(2).unit(), jan2026.get(2).source()));
    }

    @Test
    void refusesColumnsThatAreNotVintages() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.RTDSM,
                ReaderOptions.defaults(), "x.csv", "DATE,RUC24M3\n"));
        assertTrue(e.getMessage().contains("RUC vintages are quarters"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.RTDSM,
                ReaderOptions.defaults(), "x.csv", "DATE,RUC24Q4\n2024-01,3.7\n"));
        assertTrue(e.getMessage().contains("YYYY:MM"), e.getMessage());
    }
}
