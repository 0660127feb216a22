package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;
import org.laborwatch.reference.KnownCodes;

class OecdHurReaderTest {

    static final String TOTAL = "oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv";
    static final String TOT_MEN_WOMEN = "oecd_hur_monthly_tot_men_women_1955-01_2023-03_vintage2023-04b.csv";
    static final String G7 = "oecd_hur_monthly_g7_2022-12_2023-05_vintage2023-06.csv";
    private static final String HEADER = "LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes\n";

    @Test
    void theFortyAreasFileMapsEveryLocationToAKnownRegionAndKeepsValuesAsPrinted() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.OECD_HUR, ReaderOptions.defaults(), TOTAL);
        assertEquals(13_848, r.report().rows());
        assertEquals(13_848, r.report().observations());
        Set<String> regions = new TreeSet<>();
        r.observations().forEach(o -> regions.add(o.region()));
        assertEquals(40, regions.size(), regions.toString());
        assertTrue(regions.containsAll(List.of("US", "DE", "GB", "CA", "AU", "KR", "G-EA19", "G-EU27", "G-G7", "G-OECD")),
                regions.toString());
        regions.forEach(region -> assertTrue(KnownCodes.standard().knowsRegion(region), region));

        Observation aus = r.one("unemployment_rate", "AU", "sa", "1989-11-01");
        assertValue("5.786294", aus); // unrounded, as the OECD prints Australia
        assertEquals(6, aus.value().scale());
        assertEquals("oecd.hur", aus.source());
        assertEquals("all", aus.sector());
        assertEquals(LocalDate.of(2023, 4, 1), aus.vintage());
        assertValue("2.9", r.one("unemployment_rate", "DE", "sa", "2023-01-01"));
        assertValue("3.8", r.one("unemployment_rate", "GB", "sa", "2023-01-01"));
        assertValue("5", r.one("unemployment_rate", "CA", "sa", "2023-01-01"));
        assertEquals(List.of("flagged values read as published: 23 B, 681 E, 26 P (E estimated, P provisional, B break in series)"),
                r.report().notes());
    }

    @Test
    void theSecondDownloadReadsTheTotalOnlyWithALaterVintage() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.OECD_HUR, ReaderOptions.defaults(), TOT_MEN_WOMEN);
        assertEquals(48_276, r.report().rows());
        assertEquals(16_214, r.report().observations());
        assertTrue(r.report().notes().contains("skipped 16031 rows of SUBJECT MEN FREQUENCY M (only monthly TOT rows"
                + " are read; the contracts have no sex dimension)"), r.report().notes().toString());
        Observation aus = r.one("unemployment_rate", "AU", "sa", "1989-11-01");
        assertValue("5.786305", aus); // revised from 5.786294 in the first download
        assertEquals(LocalDate.of(2023, 4, 2), aus.vintage(), "'vintage2023-04b' is the month's second download");
    }

    @Test
    void theG7FileIsALaterVintage() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.OECD_HUR, ReaderOptions.defaults(), G7);
        assertEquals(36, r.report().observations());
        assertValue("3", r.one("unemployment_rate", "DE", "sa", "2023-01-01"));
        assertEquals(LocalDate.of(2023, 6, 1), r.one("unemployment_rate", "JP", "sa", "2023-04-01").vintage());
    }

    @Test
    void anUnknownLocationIsRefusedNamingTheReferenceFile() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.OECD_HUR,
                ReaderOptions.defaults(), "hur_vintage2023-04.csv", HEADER
                        + "DEU,HUR,TOT,PC_LF,M,2023-01,2.9,\nBRA,HUR,TOT,PC_LF,M,2023-01,8.4,\n"));
        assertTrue(e.getMessage().startsWith("hur_vintage2023-04.csv:3: column LOCATION: 'BRA' is not an OECD location"),
                e.getMessage());
        assertTrue(e.getMessage().contains("reference/oecd_locations.csv"), e.getMessage());
    }

    @Test
    void anotherIndicatorOrMeasureIsAnotherTableAndRefused() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.OECD_HUR,
                ReaderOptions.defaults(), "hur_vintage2023-04.csv", HEADER + "DEU,HUR,TOT,THND_PER,M,2023-01,1300,\n"));
        assertEquals("hur_vintage2023-04.csv:2: column MEASURE: 'THND_PER' where this format reads only PC_LF"
                + " (percent of the labour force); is this the OECD HUR table?", e.getMessage());
    }

    @Test
    void aBadMonthOrNumberNamesTheLineAndNoVintageAsksForOne() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.OECD_HUR,
                ReaderOptions.defaults(), "hur_vintage2023-04.csv", HEADER + "DEU,HUR,TOT,PC_LF,M,2023-13,2.9,\n"));
        assertEquals("hur_vintage2023-04.csv:2: column TIME: '2023-13' is not a month (YYYY-MM)", e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.OECD_HUR,
                ReaderOptions.defaults(), "hur_vintage2023-04.csv", HEADER + "DEU,HUR,TOT,PC_LF,M,2023-01,2,9,\n"));
        assertEquals("hur_vintage2023-04.csv:2: column Flag Codes: '9' is not an OECD flag (letters such as E, P, B);"
                + " a value written with a decimal comma? Value read: '2'", e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.OECD_HUR,
                ReaderOptions.defaults(), "hur.csv", HEADER + "DEU,HUR,TOT,PC_LF,M,2023-01,2.9,\n"));
        assertTrue(e.getMessage().startsWith("hur.csv: no vintage"), e.getMessage());
    }
}
