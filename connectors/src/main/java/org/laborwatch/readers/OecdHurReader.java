package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;
import org.laborwatch.reference.CountryCodes;

/**
 * The OECD harmonised unemployment rate (HUR, % of the labour force, seasonally adjusted) as the
 * OECD Data portal downloads it: {@code LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes}.
 *
 * <p>{@code LOCATION} is mapped by {@link CountryCodes}: countries to ISO 3166-1 alpha-2
 * ({@code DEU} to {@code DE}), the aggregates to groups ({@code EA19} to {@code G-EA19}); a location
 * not in {@code reference/oecd_locations.csv} is refused, so a new one is added there, not guessed.
 * Only the total ({@code SUBJECT = TOT}) of monthly rows ({@code FREQUENCY = M}) is read: the
 * contracts have no sex dimension (a sector is an industry or occupation), so {@code MEN} and
 * {@code WOMEN} rows, and quarterly or annual ones, are skipped and counted in a note. Values are
 * kept exactly as printed: the OECD prints some countries unrounded (Australia {@code 5.786294})
 * and most to one decimal. Flags (E estimated, P provisional, B break in series) are counted in a
 * note; the value stands. The file carries no publication date: the vintage is explicit or in the
 * file name.
 */
final class OecdHurReader implements ObservationReader {

    private static final SeriesSpec HUR =
            new SeriesSpec("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "oecd.hur");
    private static final String TOTAL = "TOT";
    private static final String MONTHLY = "M";
    private static final java.util.regex.Pattern FLAG = java.util.regex.Pattern.compile("[A-Z]*");

    private final ReaderOptions options;

    OecdHurReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield (per location). */
    static Collection<SeriesSpec> yields() {
        return List.of(HUR);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("LOCATION", "INDICATOR", "SUBJECT", "MEASURE", "FREQUENCY", "TIME", "Value");
        CountryCodes codes = CountryCodes.standard();
        Tally tally = new Tally(out);
        Map<String, SeriesSpec> specs = new HashMap<>();
        Map<String, Long> skipped = new TreeMap<>();
        Map<String, Long> flags = new TreeMap<>();
        while (rows.next()) {
            tally.row();
            // A different indicator or measure is another table, not rows to skip.
            require(rows, "INDICATOR", "HUR", "the harmonised unemployment rate");
            require(rows, "MEASURE", "PC_LF", "percent of the labour force");
            String subject = rows.cell("SUBJECT");
            String frequency = rows.cell("FREQUENCY");
            if (!TOTAL.equals(subject) || !MONTHLY.equals(frequency)) {
                skipped.merge("SUBJECT " + subject + " FREQUENCY " + frequency, 1L, Long::sum);
                continue;
            }
            String location = rows.cell("LOCATION");
            SeriesSpec spec = specs.get(location);
            if (spec == null) {
                String region = codes.oecdRegion(location).orElseThrow(() -> rows.error("column LOCATION: '"
                        + location + "' is not an OECD location laborwatch knows (" + String.join(", ",
                                codes.oecdLocations()) + "); add it with its ISO 3166-1 alpha-2 code to"
                        + " connectors/src/main/resources/reference/oecd_locations.csv"));
                spec = HUR.inRegion(region);
                specs.put(location, spec);
            }
            LocalDate period = month(rows);
            if (rows.cell("Value").isEmpty()) {
                tally.missing();
                continue;
            }
            String flag = rows.header().contains("Flag Codes") ? rows.cell("Flag Codes") : "";
            if (!FLAG.matcher(flag).matches()) {
                // A decimal comma shifts the value's second half into the flag column.
                throw rows.error("column Flag Codes: '" + flag + "' is not an OECD flag (letters such as E, P, B);"
                        + " a value written with a decimal comma? Value read: '" + rows.cell("Value") + "'");
            }
            if (!flag.isEmpty()) {
                flags.merge(flag, 1L, Long::sum);
            }
            tally.emit(spec.observe(rows, location, period, rows.decimal("Value"), vintage));
        }
        skipped.forEach((what, n) -> tally.note("skipped " + n + " rows of " + what
                + " (only monthly TOT rows are read; the contracts have no sex dimension)"));
        if (!flags.isEmpty()) {
            tally.note("flagged values read as published: " + flags.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("")
                    + " (E estimated, P provisional, B break in series)");
        }
        return tally.report();
    }

    private static void require(CsvRows rows, String column, String expected, String meaning) throws ReaderException {
        if (!expected.equals(rows.cell(column))) {
            throw rows.error("column " + column + ": '" + rows.cell(column) + "' where this format reads only "
                    + expected + " (" + meaning + "); is this the OECD HUR table?");
        }
    }

    private static LocalDate month(CsvRows rows) throws ReaderException {
        String text = rows.cell("TIME");
        try {
            return YearMonth.parse(text).atDay(1);
        } catch (DateTimeParseException e) {
            throw rows.error("column TIME: '" + text + "' is not a month (YYYY-MM)");
        }
    }
}
