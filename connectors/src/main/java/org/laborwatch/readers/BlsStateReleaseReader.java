package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * BLS's state table as printed in each monthly "Regional and State Employment and Unemployment"
 * release (hand-collected by the Ganong-Noel lab): {@code release_date, release_month, state,
 * L12_LF, L2_LF, L1_LF, LF, L12_U, L2_U, L1_U, U, …} with the seasonally adjusted civilian labor
 * force and unemployed, in thousands, for the reference month ({@code release_month}), one and two
 * months before it and twelve months before it.
 *
 * <p>Each printed month becomes an observation of {@code labor_force} and {@code unemployed}
 * (thousands, sa, source bls.laus) in region {@code US-} + the state's code, with vintage = the
 * row's {@code release_date} ({@code M/D/YYYY}): the levels as that release printed them. The
 * rate columns ({@code UR}, {@code L1_UR}, …) are not read: the rate is recomputed from the levels.
 * Thousands separators ({@code 1,932.20}) are accepted; {@code -} is "not printed" and counted as
 * missing. Rows that are not a state, DC or Puerto Rico (the metropolitan areas and New York City
 * some releases add) are skipped and named in a note. An explicit vintage is refused.
 */
final class BlsStateReleaseReader implements ObservationReader {

    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("M/d/uuuu");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,3}(,\\d{3})*(\\.\\d+)?|\\d+(\\.\\d+)?");
    private static final String NOT_PRINTED = "-";
    private static final SeriesSpec LABOR_FORCE =
            new SeriesSpec("labor_force", "US", "all", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "bls.laus");
    private static final SeriesSpec UNEMPLOYED =
            new SeriesSpec("unemployed", "US", "all", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "bls.laus");
    /** Column prefix and months before the reference month, oldest first. */
    private static final String[] PREFIXES = {"L12_", "L2_", "L1_", ""};
    private static final int[] MONTHS_BEFORE = {12, 2, 1, 0};

    private final ReaderOptions options;

    BlsStateReleaseReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format yields (per state). */
    static Collection<SeriesSpec> yields() {
        return List.of(LABOR_FORCE, UNEMPLOYED);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        SelfDated.refuseExplicitVintage(options, fileName, "the release_date of each row");
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("release_date", "release_month", "state", "L12_LF", "L2_LF", "L1_LF", "LF",
                "L12_U", "L2_U", "L1_U", "U");
        Tally tally = new Tally(out);
        TreeSet<String> skipped = new TreeSet<>();
        long skippedRows = 0;
        while (rows.next()) {
            tally.row();
            String name = rows.cell("state");
            Optional<String> state = StateCodes.byName(name);
            if (state.isEmpty()) {
                skippedRows++;
                skipped.add(name.strip());
                continue;
            }
            LocalDate released = usDate(rows, "release_date");
            // One release prints its reference month as 2/15/2015: the month is what counts.
            LocalDate reference = usDate(rows, "release_month").withDayOfMonth(1);
            String region = "US-" + state.get();
            for (int i = 0; i < PREFIXES.length; i++) {
                LocalDate period = reference.minusMonths(MONTHS_BEFORE[i]);
                emit(rows, tally, LABOR_FORCE.inRegion(region), PREFIXES[i] + "LF", period, released);
                emit(rows, tally, UNEMPLOYED.inRegion(region), PREFIXES[i] + "U", period, released);
            }
        }
        if (skippedRows > 0) {
            tally.note("skipped " + skippedRows + " rows that are not a state, DC or PR (metropolitan areas, cities): "
                    + String.join("; ", skipped));
        }
        tally.note("rate columns (UR, L1_UR, L2_UR, L12_UR) not read: the rate follows from the levels");
        return tally.report();
    }

    private static void emit(CsvRows rows, Tally tally, SeriesSpec spec, String column, LocalDate period,
            LocalDate vintage) throws ReaderException {
        String text = rows.cell(column).strip();
        if (text.isEmpty() || NOT_PRINTED.equals(text)) {
            tally.missing();
            return;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw rows.error("column " + column + ": '" + text + "' is not a number (thousands, such as 1,932.20)");
        }
        tally.emit(spec.observe(rows, column, period, new BigDecimal(text.replace(",", "")), vintage));
    }

    private static LocalDate usDate(CsvRows rows, String column) throws ReaderException {
        String text = rows.cell(column);
        try {
            return LocalDate.parse(text, US_DATE);
        } catch (DateTimeParseException e) {
            throw rows.error("column " + column + ": '" + text + "' is not a date M/D/YYYY");
        }
    }
}
