package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * A UK Office for National Statistics time series of the unemployment rate, {@code period,MGSX}:
 * series MGSX, the unemployment rate of people aged 16 and over, seasonally adjusted, region
 * {@code GB} (ISO 3166-1 for the United Kingdom).
 *
 * <p>{@code period} is as ONS prints it: {@code 1971} (a year), {@code 1971 Q1} (a quarter) or
 * {@code 1971 FEB} (a month). Only the monthly rows are read; annual and quarterly ones are
 * skipped and counted in a note. An ONS monthly figure is a rolling three-month average of the
 * Labour Force Survey labelled by its last month ({@code 2023 JAN} is November 2022 to January
 * 2023), so it is stored under that month, as ONS labels it. Values have one decimal. The vintage
 * is explicit or the release date in the file name ({@code …_release2023-04-18.csv}).
 */
final class OnsReader implements ObservationReader {

    static final String SERIES = "MGSX";
    private static final SeriesSpec MGSX =
            new SeriesSpec("unemployment_rate", "GB", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "ons.lfs");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4} Q[1-4]");
    private static final Pattern MONTH = Pattern.compile("(\\d{4}) ([A-Z]{3})");
    private static final Map<String, Month> MONTHS = new HashMap<>();

    static {
        for (Month m : Month.values()) {
            MONTHS.put(m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT), m);
        }
    }

    private final ReaderOptions options;

    OnsReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield. */
    static Collection<SeriesSpec> yields() {
        return List.of(MGSX);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("period", SERIES);
        Tally tally = new Tally(out);
        long annual = 0;
        long quarterly = 0;
        while (rows.next()) {
            tally.row();
            String period = rows.cell("period");
            if (YEAR.matcher(period).matches()) {
                annual++;
                continue;
            }
            if (QUARTER.matcher(period).matches()) {
                quarterly++;
                continue;
            }
            Matcher m = MONTH.matcher(period);
            Month month = m.matches() ? MONTHS.get(m.group(2)) : null;
            if (month == null) {
                throw rows.error("column period: '" + period + "' is not an ONS period (1971, 1971 Q1 or 1971 FEB)");
            }
            if (rows.cell(SERIES).isEmpty()) {
                tally.missing();
                continue;
            }
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), month, 1);
            tally.emit(MGSX.observe(rows, SERIES, first, rows.decimal(SERIES), vintage));
        }
        if (annual + quarterly > 0) {
            tally.note("skipped " + annual + " annual and " + quarterly + " quarterly rows (monthly rows only:"
                    + " rolling three-month averages labelled by their last month)");
        }
        return tally.report();
    }
}
