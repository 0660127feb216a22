package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * BLS LAUS {@code ststdsadata}, the seasonally adjusted state levels ({@code fips, state_or_area,
 * year, month, civ_noninst_population, labor_force, …, unemployment, unemployment_rate}), in persons.
 *
 * <p>Yields {@code labor_force} and {@code unemployed}, sa, source bls.laus, in region {@code US-}
 * + the state's code from its two-digit FIPS code, converted from persons to thousands exactly
 * (1,484,555 persons = 1484.555 thousands) so they join the catalogue's unit and the levels BLS
 * prints in its releases. The rate column is not read: the TUR is recomputed from the levels.
 * Sub-state areas the file also carries (Los Angeles County, 037; New York city, 51000) are
 * skipped with a note.
 *
 * <p>The file carries no publication date: the vintage must be explicit or in the file name.
 */
final class LausLevelsReader implements ObservationReader {

    private static final SeriesSpec LABOR_FORCE =
            new SeriesSpec("labor_force", "US", "all", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "bls.laus");
    private static final SeriesSpec UNEMPLOYED =
            new SeriesSpec("unemployed", "US", "all", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "bls.laus");

    private final ReaderOptions options;

    LausLevelsReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format yields (per state). */
    static Collection<SeriesSpec> yields() {
        return List.of(LABOR_FORCE, UNEMPLOYED);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("fips", "state_or_area", "year", "month", "labor_force", "unemployment");
        Tally tally = new Tally(out);
        TreeSet<String> skipped = new TreeSet<>();
        long skippedRows = 0;
        while (rows.next()) {
            tally.row();
            Optional<String> state = StateCodes.byFips(rows.cell("fips"));
            if (state.isEmpty()) {
                skippedRows++;
                skipped.add(rows.cell("state_or_area") + " (" + rows.cell("fips") + ")");
                continue;
            }
            LocalDate period = month(rows);
            String region = "US-" + state.get();
            emit(rows, tally, LABOR_FORCE.inRegion(region), "labor_force", period, vintage);
            emit(rows, tally, UNEMPLOYED.inRegion(region), "unemployment", period, vintage);
        }
        if (skippedRows > 0) {
            tally.note("skipped " + skippedRows + " rows of areas that are not states: " + String.join(", ", skipped));
        }
        return tally.report();
    }

    private static void emit(CsvRows rows, Tally tally, SeriesSpec spec, String column, LocalDate period,
            LocalDate vintage) throws ReaderException {
        if (rows.cell(column).isEmpty()) {
            tally.missing();
            return;
        }
        BigDecimal persons = rows.decimal(column);
        tally.emit(spec.observe(rows, column, period, persons.movePointLeft(3), vintage));
    }

    private static LocalDate month(CsvRows rows) throws ReaderException {
        try {
            return LocalDate.of(Integer.parseInt(rows.cell("year")), Integer.parseInt(rows.cell("month")), 1);
        } catch (NumberFormatException | DateTimeException e) {
            throw rows.error("year '" + rows.cell("year") + "' and month '" + rows.cell("month") + "' are not a month");
        }
    }
}
