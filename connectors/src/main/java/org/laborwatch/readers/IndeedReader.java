package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * Indeed Hiring Lab job postings index (2020-02-01 = 100, seven-day trailing average), daily,
 * indicator {@code job_postings_index}, source {@code indeed}. Three layouts, told apart by the
 * header:
 * <ul>
 *   <li>aggregate, {@code date,jobcountry,indeed_job_postings_index_SA,indeed_job_postings_index_NSA,variable}:
 *       region = {@code jobcountry} ({@code US}), sector {@code all}, one sa and one nsa observation
 *       per row. Only {@code variable = total postings} is read: {@code new postings} is a different
 *       measure (postings up to 7 days old) that would collide with it on the same series key; it
 *       is skipped with a note;</li>
 *   <li>state, {@code date,state,indeed_job_postings_index}: region {@code US-} + the state in
 *       upper case, sector {@code all}, sa;</li>
 *   <li>occupational sector, {@code date,display_name,indeed_job_postings_index}: region {@code US},
 *       sector {@code indeed:} + the {@link Slugs#slug slug} of the name ("Arts &amp; Entertainment"
 *       → {@code indeed:arts-and-entertainment}), sa.</li>
 * </ul>
 * Indeed's methodology: each series, national, occupational sectors and sub-national geographies,
 * is seasonally adjusted separately; only total postings also come unadjusted.
 *
 * <p>Vintage: explicit or from the file name, required. Indeed re-estimates its seasonal factors
 * and revises the whole history at every weekly update, so a per-row rule would date old values
 * as if they had not changed since; the date the file was pulled is the only honest vintage.
 */
final class IndeedReader implements ObservationReader {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern STATE = Pattern.compile("[a-z]{2}");
    private static final String TOTAL = "total postings";
    private static final String INDEX = "indeed_job_postings_index";
    private static final SeriesSpec SA = spec("US", "all", "sa");
    private static final SeriesSpec NSA = spec("US", "all", "nsa");

    private enum Layout { AGGREGATE, STATE, SECTOR }

    private final ReaderOptions options;

    IndeedReader(ReaderOptions options) {
        this.options = options;
    }

    private static SeriesSpec spec(String region, String sector, String adjustment) {
        return new SeriesSpec("job_postings_index", region, sector, adjustment, Frequency.DAILY, Unit.INDEX, "indeed");
    }

    /** Every series this format can yield; the by-sector layout adds one sector per occupational group. */
    static java.util.Collection<SeriesSpec> yields() {
        return java.util.List.of(SA, NSA);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        Layout layout = layout(rows);
        Tally tally = new Tally(out);
        Map<String, SeriesSpec[]> specs = new LinkedHashMap<>();
        Map<String, Long> otherVariables = new TreeMap<>();
        Map<String, String> nameBySector = new LinkedHashMap<>();
        while (rows.next()) {
            tally.row();
            LocalDate day = rows.date("date");
            switch (layout) {
                case AGGREGATE -> {
                    String variable = rows.cell("variable");
                    if (!TOTAL.equals(variable)) {
                        otherVariables.merge(variable, 1L, Long::sum);
                        continue;
                    }
                    String country = rows.cell("jobcountry");
                    if (!COUNTRY.matcher(country).matches()) {
                        throw rows.error("column jobcountry: '" + country + "' is not a two-letter country code");
                    }
                    SeriesSpec[] both = specs.computeIfAbsent(country,
                            c -> new SeriesSpec[] {SA.inRegion(c), NSA.inRegion(c)});
                    emit(rows, tally, both[0], INDEX + "_SA", day, vintage);
                    emit(rows, tally, both[1], INDEX + "_NSA", day, vintage);
                }
                case STATE -> {
                    String state = rows.cell("state");
                    if (!STATE.matcher(state.toLowerCase(Locale.ROOT)).matches()) {
                        throw rows.error("column state: '" + state + "' is not a two-letter state code");
                    }
                    String region = "US-" + state.toUpperCase(Locale.ROOT);
                    SeriesSpec spec = specs.computeIfAbsent(region, r -> new SeriesSpec[] {SA.inRegion(r)})[0];
                    emit(rows, tally, spec, INDEX, day, vintage);
                }
                case SECTOR -> {
                    String name = rows.cell("display_name");
                    SeriesSpec spec = specs.get(name) == null ? null : specs.get(name)[0];
                    if (spec == null) {
                        String sector;
                        try {
                            sector = "indeed:" + Slugs.slug(name);
                        } catch (IllegalArgumentException e) {
                            throw rows.error("column display_name: " + e.getMessage());
                        }
                        String earlier = nameBySector.putIfAbsent(sector, name);
                        if (earlier != null) {
                            throw rows.error("column display_name: '" + name + "' and '" + earlier
                                    + "' would both be sector " + sector);
                        }
                        spec = spec("US", sector, "sa");
                        specs.put(name, new SeriesSpec[] {spec});
                    }
                    emit(rows, tally, spec, INDEX, day, vintage);
                }
            }
        }
        if (!otherVariables.isEmpty()) {
            tally.note("skipped rows of variables other than '" + TOTAL + "': " + otherVariables.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")));
        }
        return tally.report();
    }

    private static void emit(CsvRows rows, Tally tally, SeriesSpec spec, String column, LocalDate day,
            LocalDate vintage) throws ReaderException {
        if (rows.cell(column).isEmpty()) {
            tally.missing();
            return;
        }
        tally.emit(spec.observe(rows, column, day, rows.decimal(column), vintage));
    }

    private static Layout layout(CsvRows rows) throws ReaderException {
        var header = rows.header();
        if (header.contains(INDEX + "_SA") || header.contains(INDEX + "_NSA")) {
            rows.requireColumns("date", "jobcountry", INDEX + "_SA", INDEX + "_NSA", "variable");
            return Layout.AGGREGATE;
        }
        if (header.contains("state")) {
            rows.requireColumns("date", INDEX);
            return Layout.STATE;
        }
        if (header.contains("display_name")) {
            rows.requireColumns("date", INDEX);
            return Layout.SECTOR;
        }
        throw new ReaderException(rows.fileName(), 1, "not an Indeed postings file: expected columns"
                + " indeed_job_postings_index_SA/_NSA (aggregate), state or display_name (by sector); header "
                + header);
    }
}
