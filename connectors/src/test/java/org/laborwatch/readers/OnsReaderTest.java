package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

class OnsReaderTest {

    static final String MGSX = "ons_uk_MGSX_unemployment_rate_16plus_sa_release2023-04-18.csv";

    @Test
    void monthlyRowsOnlyLabelledByTheirLastMonthWithTheReleaseDateAsVintage() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.ONS, ReaderOptions.defaults(), MGSX);
        assertEquals(884, r.report().rows());
        // 1971 FEB .. 2023 JAN: 624 months; 52 years and 208 quarters skipped
        assertEquals(624, r.report().observations());
        assertEquals(List.of("skipped 52 annual and 208 quarterly rows (monthly rows only: rolling three-month"
                + " averages labelled by their last month)"), r.report().notes());
        Observation jan = r.one("unemployment_rate", "GB", "sa", "2023-01-01");
        assertValue("3.8", jan);
        assertEquals("ons.lfs", jan.source());
        assertEquals(LocalDate.of(2023, 4, 18), jan.vintage());
        assertValue("3.8", r.one("unemployment_rate", "GB", "sa", "1971-02-01"));
        assertValue("3.7", r.one("unemployment_rate", "GB", "sa", "2022-12-01"));
    }

    @Test
    void aPeriodOnsDoesNotPrintIsRefusedNamingTheLine() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ONS,
                ReaderOptions.defaults(), "mgsx_release2023-04-18.csv", "period,MGSX\n2023 JAN,3.8\n2023-02,3.9\n"));
        assertEquals("mgsx_release2023-04-18.csv:3: column period: '2023-02' is not an ONS period (1971, 1971 Q1 or"
                + " 1971 FEB)", e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ONS,
                ReaderOptions.defaults(), "mgsx_release2023-04-18.csv", "period,LF24\n2023 JAN,3.8\n"));
        assertTrue(e.getMessage().contains("no column 'MGSX'"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ONS,
                ReaderOptions.defaults(), "mgsx_release2023-04-18.csv", "period,MGSX\n2023 MAY,3.8\n"));
        assertTrue(e.getMessage().contains("period 2023-05-01 is after the vintage 2023-04-18"), e.getMessage());
    }
}
