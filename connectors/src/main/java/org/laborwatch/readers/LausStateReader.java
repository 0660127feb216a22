package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * BLS LAUS state unemployment rates as republished via FRED:
 * {@code area,area_type,date,unrate_sa,unrate_nsa,fred_id_sa,fred_id_nsa}.
 *
 * <p>Only {@code area_type = state} rows are read (the 50 states, DC and PR, region {@code US-}
 * + area); census regions and divisions have no region code in our scheme and are skipped with a
 * note. Each row gives up to two observations: {@code unrate_sa} (sa) and {@code unrate_nsa} (nsa,
 * empty for many states and years: counted as missing). {@code NA} is also missing: the file
 * has it where BLS published no estimate at all (Puerto Rico, March and April 2020, when its
 * household survey was suspended); those cells are listed in a note, since they are gaps in a
 * series that is otherwise complete.
 *
 * <p>The file carries no publication date, so the vintage must be explicit or in the file name.
 */
final class LausStateReader implements ObservationReader {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final String NOT_AVAILABLE = "NA";
    private static final int LISTED_GAPS = 20;
    private static final SeriesSpec SA =
            new SeriesSpec("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "bls.laus");
    private static final SeriesSpec NSA =
            new SeriesSpec("unemployment_rate", "US", "all", "nsa", Frequency.MONTHLY, Unit.PERCENT, "bls.laus");

    private final ReaderOptions options;

    LausStateReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield (per state). */
    static java.util.Collection<SeriesSpec> yields() {
        return List.of(SA, NSA);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("area", "area_type", "date", "unrate_sa", "unrate_nsa");
        Tally tally = new Tally(out);
        Map<String, Set<String>> skippedAreas = new LinkedHashMap<>();
        Map<String, Long> skippedRows = new LinkedHashMap<>();
        Map<String, SeriesSpec[]> specs = new LinkedHashMap<>();
        Gaps gaps = new Gaps();
        while (rows.next()) {
            tally.row();
            String area = rows.cell("area");
            String type = rows.cell("area_type");
            if (!"state".equals(type)) {
                skippedRows.merge(type, 1L, Long::sum);
                skippedAreas.computeIfAbsent(type, t -> new TreeSet<>()).add(area);
                continue;
            }
            if (!STATE.matcher(area).matches()) {
                throw rows.error("column area: '" + area + "' is not a two-letter state code");
            }
            SeriesSpec[] state = specs.computeIfAbsent(area,
                    a -> new SeriesSpec[] {SA.inRegion("US-" + a), NSA.inRegion("US-" + a)});
            LocalDate period = rows.date("date");
            emit(rows, tally, state[0], "unrate_sa", period, vintage, gaps);
            emit(rows, tally, state[1], "unrate_nsa", period, vintage, gaps);
        }
        if (gaps.count > 0) {
            tally.note(gaps.count + " cells marked NA (no estimate published) skipped: "
                    + String.join(", ", gaps.first) + (gaps.count > gaps.first.size() ? ", …" : ""));
        }
        skippedRows.forEach((type, n) -> tally.note("skipped " + n + " " + type + " rows ("
                + String.join(", ", skippedAreas.get(type)) + ")"));
        return tally.report();
    }

    private static void emit(CsvRows rows, Tally tally, SeriesSpec spec, String column, LocalDate period,
            LocalDate vintage, Gaps gaps) throws ReaderException {
        String text = rows.cell(column);
        if (text.isEmpty() || NOT_AVAILABLE.equals(text)) {
            tally.missing();
            if (!text.isEmpty()) {
                gaps.add(spec.region() + " " + period + " " + spec.adjustment());
            }
            return;
        }
        tally.emit(spec.observe(rows, column, period, rows.decimal(column), vintage));
    }

    /** NA cells seen: all counted, the first few named (a file could have many). */
    private static final class Gaps {
        final List<String> first = new ArrayList<>();
        long count;

        void add(String cell) {
            count++;
            if (first.size() < LISTED_GAPS) {
                first.add(cell);
            }
        }
    }
}
