package org.laborwatch.readers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;
import org.laborwatch.reference.CountryCodes;

/**
 * Statistics Canada table 14-10-0287-01 (Labour force characteristics, monthly, seasonally adjusted
 * and trend-cycle) in the CSV layout StatCan's table viewer downloads "as displayed": title lines
 * ({@code Table: 14-10-0287-01}, {@code Release date: 2023-04-06}), then per geography a block that
 * starts {@code "Geography N","Canada"}, header rows naming each column's characteristic, sex, age
 * group and data type (a name stands for the columns after it until the next), the months
 * ({@code "March 2023"}), then a symbol legend and footnotes, which are not read.
 *
 * <p>Read: the unemployment rate, seasonally adjusted, both sexes, 15 years and over, of each
 * geography; {@code Canada} is {@code CA}, a province {@code CA-XX} (ISO 3166-2, from
 * {@code reference/ca_provinces.csv}; the territories are not in this table). {@code ..} (not
 * available) is missing. Footnote numbers after names ({@code "Unemployment rate 13"}) are
 * ignored. The vintage is the file's release date; a vintage in the file name or given explicitly
 * must agree with it.
 */
final class StatCanLfsReader implements ObservationReader {

    static final String TABLE = "14-10-0287-01";
    private static final SeriesSpec RATE =
            new SeriesSpec("unemployment_rate", "CA", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "statcan.lfs");
    private static final ObjectReader LINE = new CsvMapper()
            .enable(CsvParser.Feature.TRIM_SPACES).readerFor(String[].class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);
    private static final Pattern RELEASE = Pattern.compile("Release date: (\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern FOOTNOTES = Pattern.compile("(.*?)(?:\\s+\\d+)+");
    private static final Pattern UNIT = Pattern.compile("\\s*\\(x 1,000\\)");

    private final ReaderOptions options;

    StatCanLfsReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield (per geography). */
    static Collection<SeriesSpec> yields() {
        return List.of(RATE);
    }

    /** The header rows of a geography's block, by their first cell. */
    private static final List<String> HEADERS = List.of("Labour force characteristics", "Sex", "Age group", "Data type");
    private static final List<String> WANTED = List.of("Unemployment rate", "Both sexes", "15 years and over",
            "Seasonally adjusted");

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        BufferedReader in = new BufferedReader(input);
        Tally tally = new Tally(out);
        boolean table = false;
        LocalDate vintage = null;
        SeriesSpec spec = null;
        List<List<String>> headers = new ArrayList<>();
        int column = -1;
        long n = 0;
        long geographies = 0;
        String text;
        while ((text = in.readLine()) != null) {
            n++;
            String line = n == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
            if (line.startsWith("Symbol legend") || line.startsWith("Footnotes")) {
                break; // prose from here on, with quotes CSV cannot read
            }
            if (line.isBlank()) {
                continue;
            }
            String[] cells = cells(line, fileName, n);
            String first = cells.length == 0 ? "" : cells[0];
            if (first.startsWith("Table: ")) {
                if (!first.startsWith("Table: " + TABLE)) {
                    throw new ReaderException(fileName, n, "'" + first + "': this format reads Statistics Canada table "
                            + TABLE + " (Labour force characteristics, monthly, seasonally adjusted)");
                }
                table = true;
            } else if (RELEASE.matcher(first).matches()) {
                Matcher m = RELEASE.matcher(first);
                m.matches();
                vintage = releaseDate(m.group(1), fileName, n);
            } else if (first.startsWith("Geography") && !first.startsWith("Geography:")) {
                if (!table || vintage == null) {
                    throw new ReaderException(fileName, n, "a table before the title lines 'Table: " + TABLE
                            + "' and 'Release date: YYYY-MM-DD'; is this StatCan's CSV download as displayed?");
                }
                String place = cells.length > 1 ? cells[1] : "";
                String region = "Canada".equals(place) ? "CA" : CountryCodes.standard().canadianProvince(place)
                        .orElseThrow(() -> new ReaderException(fileName, 0, "geography '" + place + "' is neither"
                                + " Canada nor a province (" + String.join(", ",
                                        CountryCodes.standard().canadianProvinceNames()) + ")"));
                spec = RATE.inRegion(region);
                headers.clear();
                column = -1;
                geographies++;
            } else if (HEADERS.contains(first)) {
                headers.add(carriedForward(cells));
                if (headers.size() == HEADERS.size()) {
                    column = wantedColumn(headers, fileName, n);
                }
            } else if (spec != null && column > 0 && isMonth(first)) {
                tally.row();
                LocalDate period = YearMonth.parse(first, MONTH).atDay(1);
                String value = column < cells.length ? cells[column] : "";
                if (value.isEmpty() || "..".equals(value)) {
                    tally.missing();
                    continue;
                }
                tally.emit(observe(spec, period, value, vintage, fileName, n));
            }
        }
        if (geographies == 0) {
            throw new ReaderException(fileName, 0, "no geography block (a line \"Geography\",\"Canada\"): is this"
                    + " table " + TABLE + " downloaded from StatCan's table viewer as displayed?");
        }
        if (column < 0) {
            throw new ReaderException(fileName, 0, "the header rows " + HEADERS + " are incomplete");
        }
        return tally.report();
    }

    private LocalDate releaseDate(String text, String fileName, long line) throws ReaderException {
        LocalDate printed;
        try {
            printed = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new ReaderException(fileName, line, "release date '" + text + "' is not a date");
        }
        Optional<LocalDate> other = Vintages.explicitOrFromName(options, fileName);
        if (other.isPresent() && !other.get().equals(printed)) {
            throw new ReaderException(fileName, line, "the file says it was released on " + printed + " but the "
                    + (options.explicitVintage().isPresent() ? "given vintage" : "file name") + " says " + other.get()
                    + "; the release date is the vintage: drop --vintage or correct the file name");
        }
        return printed;
    }

    /** The column whose four header cells are what we read, or a message naming what is there. */
    private static int wantedColumn(List<List<String>> headers, String fileName, long line) throws ReaderException {
        int width = headers.stream().mapToInt(List::size).max().orElse(0);
        for (int c = 1; c < width; c++) {
            boolean all = true;
            for (int h = 0; h < HEADERS.size() && all; h++) {
                List<String> row = headers.get(h);
                all = c < row.size() && row.get(c).equals(WANTED.get(h));
            }
            if (all) {
                return c;
            }
        }
        throw new ReaderException(fileName, line, "no column of " + String.join(", ", WANTED)
                + " in the header rows; characteristics: " + headers.get(0).stream().skip(1).distinct().toList());
    }

    /** Header cells without footnote numbers and units, each blank taking the name before it. */
    private static List<String> carriedForward(String[] cells) {
        List<String> names = new ArrayList<>();
        String last = "";
        for (String cell : cells) {
            if (!cell.isEmpty()) {
                String name = UNIT.matcher(cell).replaceAll("");
                Matcher m = FOOTNOTES.matcher(name);
                last = m.matches() ? m.group(1) : name;
            }
            names.add(last);
        }
        return names;
    }

    private static boolean isMonth(String cell) {
        try {
            YearMonth.parse(cell, MONTH);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Observation observe(SeriesSpec spec, LocalDate period, String text, LocalDate vintage,
            String fileName, long line) throws ReaderException {
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new ReaderException(fileName, line, "the unemployment rate '" + text + "' is not a number");
        }
        if (period.isAfter(vintage)) {
            throw new ReaderException(fileName, line, "period " + period + " is after the release date " + vintage);
        }
        if (!spec.unit().admits(value)) {
            throw new ReaderException(fileName, line, value.toPlainString() + " is outside " + spec.unit().range()
                    + " for percent");
        }
        return new Observation(spec.indicator(), spec.region(), spec.sector(), spec.adjustment(), spec.frequency(),
                period, value, spec.unit().jsonName(), spec.source(), vintage);
    }

    private static String[] cells(String line, String fileName, long n) throws ReaderException {
        try {
            String[] cells = LINE.readValue(line);
            return cells == null ? new String[0] : cells;
        } catch (JsonProcessingException e) {
            throw new ReaderException(fileName, n, "not a CSV line: " + e.getOriginalMessage(), e);
        }
    }
}
