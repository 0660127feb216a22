package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** Several published files merged release by release, in publication order, each file in its own order. */
class ReleaseOrderTest {

    private static final String VINTAGES = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
    private static final String FIRST = "alfred_UNRATE_first_release_1999-12_2026-07.csv";
    private static final String TODAY = "fred_UNRATE_monthly_1948-2026_vintage2026-04.csv";

    @Test
    void severalVintageFilesComeReleaseByReleaseWhateverTheirOrderOnTheCommandLine() throws Exception {
        List<Observation> today = ReadResult.bundled(PublishedFormat.byName("fred"), ReaderOptions.defaults(), TODAY)
                .observations();
        List<Observation> first = ReadResult.bundled(PublishedFormat.byName("alfred-first-release"),
                ReaderOptions.defaults(), FIRST).observations();
        List<Observation> vintages = ReadResult.bundled(PublishedFormat.byName("alfred-vintages"),
                ReaderOptions.defaults(), VINTAGES).observations();
        // The newest file given first: it must still come after every release older than it.
        List<List<Observation>> files = List.of(today, first, vintages);
        List<Observation> merged = ReleaseOrder.merge(files);

        assertEquals(today.size() + first.size() + vintages.size(), merged.size(), "nothing lost or repeated");
        for (int i = 1; i < merged.size(); i++) {
            assertTrue(!merged.get(i).vintage().isBefore(merged.get(i - 1).vintage()),
                    "out of publication order at " + i + ": " + merged.get(i - 1) + " then " + merged.get(i));
        }
        // Each file's own order is kept (a release's values stay in the order its reader gave them).
        for (List<Observation> file : files) {
            // By identity: the first-print file and the matrix hold equal records of the same day.
            java.util.Set<Observation> mine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            mine.addAll(file);
            assertEquals(file, merged.stream().filter(mine::contains).toList());
        }
        // A release on the same day in two files: the file given first goes first (ALFRED's first
        // print of 2024-07, published 2024-08-02, before the vintage matrix's column of that day).
        int firstPrint = indexOfSame(merged, first.stream()
                .filter(o -> o.vintage().toString().equals("2024-08-02")).findFirst().orElseThrow());
        int matrixColumn = indexOfSame(merged, vintages.stream()
                .filter(o -> o.vintage().toString().equals("2024-08-02")).findFirst().orElseThrow());
        assertTrue(firstPrint < matrixColumn, firstPrint + " vs " + matrixColumn);
    }

    @Test
    void oneFileKeepsItsOwnOrderEvenWhenItIsNotInVintageOrder() {
        Observation a = obs("2024-02-01", "2024-03-08");
        Observation b = obs("2024-01-01", "2024-02-02");
        assertEquals(List.of(a, b), ReleaseOrder.merge(List.of(List.of(a, b))));
        Observation c = obs("2024-01-01", "2024-03-08");
        // Against another file its own order still holds: c, of a's vintage, goes after a (its file
        // is given first) and after b (which comes next in a's file and is older than c).
        assertEquals(List.of(a, b, c), ReleaseOrder.merge(List.of(List.of(a, b), List.of(c))));
        assertEquals(List.of(c, a, b), ReleaseOrder.merge(List.of(List.of(c), List.of(a, b))));
    }

    private static Observation obs(String period, String vintage) {
        return new Observation("unemployment_rate", "US", "all", "sa", org.laborwatch.contract.Frequency.MONTHLY,
                java.time.LocalDate.parse(period), new java.math.BigDecimal("4.0"), "percent", "bls.cps",
                java.time.LocalDate.parse(vintage));
    }

    private static int indexOfSame(List<Observation> list, Observation o) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == o) {
                return i;
            }
        }
        throw new AssertionError("not merged: " + o);
    }
}
