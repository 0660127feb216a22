package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laborwatch.contract.Observation;

/**
 * ALFRED's "all vintages" matrix of one FRED series ({@code observation_date, UNRATE_20000107,
 * UNRATE_20000204, …}): one column per release, named by the series id and the release date,
 * each the whole series as published that day; an empty cell means the release did not contain
 * that period.
 *
 * <p>Every observation's vintage is the date in its column's name. Observations come in
 * publication order, not file order: release by release, oldest first, within a release in
 * period order, and only the values that are new or changed relative to the previous release
 * (see {@link VintageMatrix}). Replaying the file into the job therefore delivers each release's
 * new month and its revisions, in the order the world saw them. The first release carries the
 * whole history published up to it.
 *
 * <p>The series id must be one {@link FredSeries} maps, the same in every column. An explicit
 * vintage is refused: the file carries its own, one per column.
 */
final class AlfredVintagesReader implements ObservationReader {

    private static final Pattern RELEASE = Pattern.compile("([A-Za-z0-9]+)_(\\d{4})(\\d{2})(\\d{2})");

    private final ReaderOptions options;

    AlfredVintagesReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield: the mapped FRED series. */
    static Collection<SeriesSpec> yields() {
        return FredSeries.all().values();
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        SelfDated.refuseExplicitVintage(options, fileName, "the release date in each column's name");
        CsvRows rows = CsvRows.open(input, fileName);
        List<String> header = rows.header();
        String dateColumn = header.get(0);
        if (!FredWideReader.DATE_COLUMNS.contains(dateColumn.toLowerCase(Locale.ROOT))) {
            throw new ReaderException(fileName, 1, "first column '" + dateColumn + "' is not a date column (one of "
                    + FredWideReader.DATE_COLUMNS + ")");
        }
        List<VintageMatrix.Release> releases = new ArrayList<>();
        String seriesId = null;
        for (String column : header.subList(1, header.size())) {
            Matcher m = RELEASE.matcher(column);
            if (!m.matches()) {
                throw new ReaderException(fileName, 1, "column '" + column + "' is not a release column SERIES_YYYYMMDD"
                        + " (such as UNRATE_20240802); a file with one column per series is format fred");
            }
            if (seriesId != null && !seriesId.equals(m.group(1))) {
                throw new ReaderException(fileName, 1, "columns of two series, " + seriesId + " and " + m.group(1)
                        + "; an ALFRED vintage file holds the releases of one series");
            }
            seriesId = m.group(1);
            String id = seriesId;
            SeriesSpec spec = FredSeries.byId(id).orElseThrow(() -> new ReaderException(fileName, 1, "series " + id
                    + " is not one laborwatch maps; known: " + String.join(", ", FredSeries.all().keySet())));
            try {
                LocalDate vintage = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Integer.parseInt(m.group(4)));
                releases.add(new VintageMatrix.Release(column, vintage, spec));
            } catch (DateTimeException e) {
                throw new ReaderException(fileName, 1, "column '" + column + "': " + m.group(2) + m.group(3) + m.group(4)
                        + " is not a date", e);
            }
        }
        Tally tally = new Tally(out);
        VintageMatrix.replay(rows, releases, r -> r.date(dateColumn), tally);
        return tally.report();
    }
}
