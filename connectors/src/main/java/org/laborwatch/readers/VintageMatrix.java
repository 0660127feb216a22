package org.laborwatch.readers;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.laborwatch.contract.Observation;

/**
 * A real-time matrix, one row per period and one column per release (vintage), each column the
 * whole series as published that day, replayed in publication order.
 *
 * <p>Release by release, oldest first, and within a release in period order, only the values that
 * are new or changed relative to the previous release are emitted, each with that release's date
 * as its vintage. So a replay carries each release's new period and its revisions and nothing
 * else, which is what a revision-aware job needs to follow history as it was published. A value
 * present in one release and absent from the next cannot be withdrawn by a replay; it stays as
 * last published and is counted in a note. An empty cell is "not in that release" and counted as
 * missing, never read as zero.
 *
 * <p>Only the emitted values are held in memory until the end of the file, since publication order
 * is by column while the file is by row.
 */
final class VintageMatrix {

    /** Reads the period of the current row. */
    @FunctionalInterface
    interface PeriodReader {
        LocalDate period(CsvRows rows) throws ReaderException;
    }

    /**
     * One release column.
     *
     * @param column header name
     * @param vintage publication date
     * @param spec the series it publishes
     */
    record Release(String column, LocalDate vintage, SeriesSpec spec) {}

    private VintageMatrix() {}

    /**
     * Reads every row of {@code rows} and emits, through {@code tally}, in publication order.
     *
     * @param releases the release columns, in any order; their vintages must differ
     */
    static void replay(CsvRows rows, List<Release> releases, PeriodReader periods, Tally tally) throws IOException {
        if (releases.isEmpty()) {
            throw new ReaderException(rows.fileName(), 1, "no release columns after the date column");
        }
        List<Release> ordered = new ArrayList<>(releases);
        ordered.sort(Comparator.comparing(Release::vintage));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i).vintage().equals(ordered.get(i - 1).vintage())) {
                throw new ReaderException(rows.fileName(), 1, "columns " + ordered.get(i - 1).column() + " and "
                        + ordered.get(i).column() + " are both releases of " + ordered.get(i).vintage()
                        + "; a release can be in the file only once");
            }
        }
        List<List<Observation>> byRelease = new ArrayList<>();
        ordered.forEach(r -> byRelease.add(new ArrayList<>()));
        Set<LocalDate> seen = new HashSet<>();
        long repeated = 0;
        long dropped = 0;
        while (rows.next()) {
            tally.row();
            LocalDate period = periods.period(rows);
            if (!seen.add(period)) {
                throw rows.error("period " + period + " has a second row; each period is one row of the matrix");
            }
            BigDecimal previous = null;
            for (int i = 0; i < ordered.size(); i++) {
                Release release = ordered.get(i);
                if (rows.cell(release.column()).isEmpty()) {
                    tally.missing();
                    dropped += previous == null ? 0 : 1;
                    previous = null;
                    continue;
                }
                BigDecimal value = rows.decimal(release.column());
                if (previous != null && previous.compareTo(value) == 0) {
                    repeated++;
                } else {
                    byRelease.get(i).add(release.spec().observe(rows, release.column(), period, value, release.vintage()));
                }
                previous = value;
            }
        }
        for (List<Observation> release : byRelease) {
            release.sort(Comparator.comparing(Observation::period));
            release.forEach(tally::emit);
        }
        tally.note("publication order: " + ordered.size() + " releases, " + ordered.get(0).vintage() + " to "
                + ordered.get(ordered.size() - 1).vintage() + "; each release's new and revised values only ("
                + repeated + " values unchanged from the previous release not repeated)");
        if (dropped > 0) {
            tally.note(dropped + " values in one release and absent from the next stay as last published"
                    + " (a replay cannot withdraw a value)");
        }
    }
}
