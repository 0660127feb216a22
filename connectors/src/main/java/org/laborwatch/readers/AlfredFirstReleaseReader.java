package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.laborwatch.contract.Observation;

/**
 * ALFRED's first releases of the national unemployment rate ({@code reference_month, release_date,
 * first_value}): each month's first print, dated by the Employment Situation release that
 * published it. The vintage of each observation is its {@code release_date}; the file is read in
 * file order, which for this file is publication order (one release per month).
 *
 * <p>Only first prints: replayed alone, the series never sees a revision. The values are UNRATE
 * (unemployment_rate, sa, source bls.cps). An explicit vintage is refused.
 */
final class AlfredFirstReleaseReader implements ObservationReader {

    private static final SeriesSpec UNRATE = FredSeries.byId("UNRATE").orElseThrow();

    private final ReaderOptions options;

    AlfredFirstReleaseReader(ReaderOptions options) {
        this.options = options;
    }

    /** The one series this format yields. */
    static Collection<SeriesSpec> yields() {
        return List.of(UNRATE);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        SelfDated.refuseExplicitVintage(options, fileName, "the release_date of each row");
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("reference_month", "release_date", "first_value");
        Tally tally = new Tally(out);
        while (rows.next()) {
            tally.row();
            String month = rows.cell("reference_month");
            LocalDate period;
            try {
                period = YearMonth.parse(month).atDay(1);
            } catch (DateTimeParseException e) {
                throw rows.error("column reference_month: '" + month + "' is not a month (YYYY-MM)");
            }
            LocalDate released = rows.date("release_date");
            if (rows.cell("first_value").isEmpty()) {
                tally.missing();
                continue;
            }
            tally.emit(UNRATE.observe(rows, "first_value", period, rows.decimal("first_value"), released));
        }
        return tally.report();
    }
}
