package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** The ALFRED vintage matrix, replayed in publication order, over the bundled rebuilt UNRATE file. */
class AlfredVintagesReaderTest {

    private static final String FILE = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";

    private static ReadResult all() throws Exception {
        return ReadResult.bundled(PublishedFormat.ALFRED_VINTAGES, ReaderOptions.defaults(), FILE);
    }

    private static List<Observation> release(ReadResult r, String date) {
        return r.where(o -> o.vintage().equals(LocalDate.parse(date)));
    }

    @Test
    void emitsInPublicationOrderReleaseByReleaseThenByPeriod() throws Exception {
        List<Observation> os = all().observations();
        for (int i = 1; i < os.size(); i++) {
            Observation a = os.get(i - 1);
            Observation b = os.get(i);
            int byVintage = a.vintage().compareTo(b.vintage());
            assertTrue(byVintage < 0 || (byVintage == 0 && a.period().isBefore(b.period())),
                    "out of publication order at " + i + ": " + a + " then " + b);
        }
        // The first release carries the history up to it; the last is December 2025's.
        assertEquals(LocalDate.of(1948, 1, 1), os.get(0).period());
        assertEquals(LocalDate.of(2000, 1, 7), os.get(0).vintage());
        assertEquals(LocalDate.of(2025, 12, 16), os.get(os.size() - 1).vintage());
    }

    @Test
    void eachReleaseCarriesOnlyItsNewMonthAndItsRevisions() throws Exception {
        ReadResult r = all();
        assertEquals(new ReadReport(934, 1215, 48205, List.of("publication order: 311 releases, 2000-01-07 to "
                + "2025-12-16; each release's new and revised values only (241054 values unchanged from the previous "
                + "release not repeated)")), r.report());
        assertEquals(624, release(r, "2000-01-07").size(), "1948-01 to 1999-12, the whole history");
        List<Observation> july2024 = release(r, "2024-08-02");
        assertEquals(1, july2024.size(), july2024::toString);
        assertEquals(LocalDate.of(2024, 7, 1), july2024.get(0).period());
        assertValue("4.3", july2024.get(0));
        // January 2025 release: the annual revision of five years of SA data, then the new month.
        List<Observation> jan2025 = release(r, "2025-01-10");
        assertEquals(11, jan2025.size(), jan2025::toString);
        assertEquals(LocalDate.of(2020, 10, 1), jan2025.get(0).period());
        assertValue("6.9", jan2025.get(0));
        assertValue("4.2", jan2025.stream().filter(o -> o.period().equals(LocalDate.of(2024, 7, 1))).findFirst().orElseThrow());
        assertEquals(LocalDate.of(2024, 12, 1), jan2025.get(10).period());
        assertValue("4.1", jan2025.get(10));
        Observation o = jan2025.get(10);
        assertEquals(List.of("unemployment_rate", "US", "all", "sa", "percent", "bls.cps"),
                List.of(o.indicator(), o.region(), o.sector(), o.adjustment(), o.unit(), o.source()));
    }

    @Test
    void anEmptyCellIsNotInThatReleaseAndAValueIsNotRepeated() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.ALFRED_VINTAGES, ReaderOptions.defaults(), "x.csv",
                "observation_date,UNRATE_20240802,UNRATE_20240705\n"
                        + "2024-06-01,4.1,4.1\n2024-07-01,4.3,\n");
        // Columns are put in date order whatever the file's order.
        assertEquals(2, r.observations().size());
        assertEquals(LocalDate.of(2024, 7, 5), r.observations().get(0).vintage());
        assertEquals(LocalDate.of(2024, 8, 2), r.observations().get(1).vintage());
        assertEquals(LocalDate.of(2024, 7, 1), r.observations().get(1).period());
        assertEquals(1, r.report().skippedMissing());
    }

    @Test
    void refusesAnExplicitVintageAndForeignColumns() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ALFRED_VINTAGES,
                ReaderOptions.withVintage(LocalDate.of(2024, 9, 1)), "x.csv", "observation_date,UNRATE_20240802\n"));
        assertTrue(e.getMessage().contains("drop --vintage"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ALFRED_VINTAGES,
                ReaderOptions.defaults(), "x.csv", "observation_date,UNRATE\n2024-06-01,4.1\n"));
        assertTrue(e.getMessage().contains("format fred"), e.getMessage());
        e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.ALFRED_VINTAGES,
                ReaderOptions.defaults(), "x.csv", "observation_date,UNRATE_20240802,UNRATE_20240802\n"));
        assertTrue(e.getMessage().contains("twice"), e.getMessage());
    }

    @Test
    void theFredFormatRefusesTheMatrixAndNamesThisFormat() {
        ReaderException e = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.FRED,
                ReaderOptions.defaults(), "x_vintage2024-09-01.csv", "observation_date,UNRATE_20240802\n2024-07-01,4.3\n"));
        assertTrue(e.getMessage().contains("alfred-vintages"), e.getMessage());
        assertEquals(List.of(PublishedFormat.ALFRED_VINTAGES),
                PublishedFormat.acceptingHeader("observation_date,UNRATE_20000107,UNRATE_20000204"));
    }
}
