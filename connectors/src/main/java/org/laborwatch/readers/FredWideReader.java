package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.laborwatch.contract.Observation;

/**
 * FRED's download format: a date column, then one column per series ({@code DATE,UNRATE},
 * {@code "Date","UNRATE"}, {@code observation_date,UNRATENSA}, {@code week_ending,ICSA,CCSA}).
 * Columns of series not in {@link FredSeries} are skipped and named once in the report.
 */
final class FredWideReader implements ObservationReader {

    /** The names FRED and its republishers give the date column. */
    static final Set<String> DATE_COLUMNS = Set.of("date", "observation_date", "week_ending");

    private final ReaderOptions options;

    FredWideReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield: the mapped FRED series. */
    static java.util.Collection<SeriesSpec> yields() {
        return FredSeries.all().values();
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        List<String> header = rows.header();
        String dateColumn = header.get(0);
        if (!DATE_COLUMNS.contains(dateColumn.toLowerCase(Locale.ROOT))) {
            throw new ReaderException(fileName, 1, "first column '" + dateColumn + "' is not a date column (one of "
                    + DATE_COLUMNS + ", any case); a series_id,date,value file is format fred-long");
        }
        if (header.size() < 2) {
            throw new ReaderException(fileName, 1, "no series columns after '" + dateColumn + "'");
        }
        List<String> mapped = new ArrayList<>();
        List<String> unmapped = new ArrayList<>();
        for (String column : header.subList(1, header.size())) {
            (FredSeries.byId(column).isPresent() ? mapped : unmapped).add(column);
        }

        if (mapped.isEmpty()) {
            throw new ReaderException(fileName, 1, "no column is a FRED series laborwatch maps (" + String.join(", ",
                    FredSeries.all().keySet()) + "); columns such as UNRATE_20240802, one per release, are an ALFRED"
                    + " vintage file: format alfred-vintages");
        }
        Tally tally = new Tally(out);
        while (rows.next()) {
            tally.row();
            LocalDate period = rows.date(dateColumn);
            for (String id : mapped) {
                String text = rows.cell(id);
                if (Fred.isMissing(text)) {
                    tally.missing();
                    continue;
                }
                BigDecimal value = rows.decimal(id);
                tally.emit(FredSeries.byId(id).orElseThrow().observe(rows, id, period, value, vintage));
            }
        }
        if (!unmapped.isEmpty()) {
            tally.note("unmapped FRED series (columns skipped): " + String.join(", ", unmapped));
        }
        return tally.report();
    }
}
