package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

class StatCanLfsReaderTest {

    static final String LFS = "statcan_lfs_14-10-0287-01_last5months_release2023-04-06.csv";

    @Test
    void theSeasonallyAdjustedRateOfCanadaFromTheTableAsDownloaded() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.STATCAN_LFS, ReaderOptions.defaults(), LFS);
        assertEquals(13, r.report().observations()); // March 2022 .. March 2023
        Observation mar = r.one("unemployment_rate", "CA", "sa", "2023-03-01");
        assertValue("5.0", mar);
        assertEquals("statcan.lfs", mar.source());
        assertEquals(LocalDate.of(2023, 4, 6), mar.vintage());
        // the seasonally adjusted column, not the unadjusted one beside it (5.3 / 5.7 in March 2022)
        assertValue("5.3", r.one("unemployment_rate", "CA", "sa", "2022-03-01"));
        assertValue("4.9", r.one("unemployment_rate", "CA", "sa", "2022-06-01"));
    }

    @Test
    void aProvinceBlockIsItsIsoSubdivision() throws Exception {
        String canada = Files.readString(ReadResult.DATA.resolve(LFS), StandardCharsets.UTF_8);
        String ontario = canada.replace("\"Geography 5\",\"Canada\"", "\"Geography 5\",\"Ontario\"");
        ReadResult r = ReadResult.text(PublishedFormat.STATCAN_LFS, ReaderOptions.defaults(), LFS, ontario);
        assertEquals(13, r.where(o -> o.region().equals("CA-ON")).size());
        String nowhere = canada.replace("\"Geography 5\",\"Canada\"", "\"Geography 5\",\"Yukon\"");
        ReaderException e = assertThrows(ReaderException.class,
                () -> ReadResult.text(PublishedFormat.STATCAN_LFS, ReaderOptions.defaults(), LFS, nowhere));
        assertTrue(e.getMessage().startsWith(LFS + ": geography 'Yukon' is neither Canada nor a province"), e.getMessage());
    }

    @Test
    void anotherTableOrAContradictingVintageIsRefused() throws Exception {
        String canada = Files.readString(ReadResult.DATA.resolve(LFS), StandardCharsets.UTF_8);
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.STATCAN_LFS,
                ReaderOptions.defaults(), LFS, canada.replace("Table: 14-10-0287-01", "Table: 14-10-0355-01")));
        assertTrue(e.getMessage().startsWith(LFS + ":3: 'Table: 14-10-0355-01 (formerly CANSIM"), e.getMessage());
        assertTrue(e.getMessage().contains("': this format reads Statistics Canada table 14-10-0287-01"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.STATCAN_LFS,
                ReaderOptions.withVintage(LocalDate.of(2023, 5, 5)), LFS, canada));
        assertTrue(e.getMessage().contains("released on 2023-04-06 but the given vintage says 2023-05-05"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.STATCAN_LFS,
                ReaderOptions.defaults(), LFS, canada.replace("\"Unemployment rate 13\"", "\"Jobless rate 13\"")));
        assertTrue(e.getMessage().contains("no column of Unemployment rate, Both sexes, 15 years and over, Seasonally"
                + " adjusted"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.STATCAN_LFS,
                ReaderOptions.defaults(), "x.csv", "REF_DATE,GEO,VALUE\n2023-03,Canada,5.0\n"));
        assertTrue(e.getMessage().startsWith("x.csv: no geography block"), e.getMessage());
        assertEquals(List.of(), PublishedFormat.acceptingHeader("REF_DATE,GEO,VALUE"));
    }
}
