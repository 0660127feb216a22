package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * The Philadelphia Fed's Real-Time Data Set for Macroeconomists (Croushore and Stark 2001)
 * matrices: {@code DATE} ({@code YYYY:MM}, monthly observations) and one column per vintage,
 * {@code RUCyyQq} (civilian unemployment rate, quarterly vintages) or {@code EMPLOYyyMm} (nonfarm
 * payroll employment, thousands, monthly vintages); an empty cell is not in that vintage.
 *
 * <p>Vintage dates: the RTDSM takes each vintage as the data stood in the middle of the month,
 * so a quarterly vintage {@code RUC24Q3} is dated the 15th of the quarter's middle month
 * (2024-08-15) and a monthly one, {@code EMPLOY24M8}, the 15th of its month (2024-08-15). Two-digit
 * years 47-99 are 19xx, the rest 20xx (the set starts in 1965).
 *
 * <p>Like {@link AlfredVintagesReader}, observations come in publication order, each vintage's
 * new and changed values only (see {@link VintageMatrix}). An explicit vintage is refused.
 */
final class RtdsmReader implements ObservationReader {

    private static final Pattern VINTAGE = Pattern.compile("(RUC|EMPLOY)(\\d{2})([QM])(\\d{1,2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4}):(\\d{2})");
    private static final int MIDDLE_OF_MONTH = 15;
    private static final Map<String, SeriesSpec> SERIES = Map.of(
            "RUC", new SeriesSpec("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "bls.cps"),
            "EMPLOY", new SeriesSpec("payroll_employment", "US", "all", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "bls.ces"));

    private final ReaderOptions options;

    RtdsmReader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield. */
    static Collection<SeriesSpec> yields() {
        return SERIES.values();
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        SelfDated.refuseExplicitVintage(options, fileName, "the vintage in each column's name");
        CsvRows rows = CsvRows.open(input, fileName);
        List<String> header = rows.header();
        if (!"DATE".equals(header.get(0))) {
            throw new ReaderException(fileName, 1, "first column '" + header.get(0) + "' is not DATE (YYYY:MM)");
        }
        List<VintageMatrix.Release> releases = new ArrayList<>();
        for (String column : header.subList(1, header.size())) {
            releases.add(release(fileName, column));
        }
        Tally tally = new Tally(out);
        VintageMatrix.replay(rows, releases, RtdsmReader::month, tally);
        tally.note("vintages dated the 15th: of the quarter's middle month (RUCyyQq), of the month (EMPLOYyyMm)");
        return tally.report();
    }

    private static VintageMatrix.Release release(String fileName, String column) throws ReaderException {
        Matcher m = VINTAGE.matcher(column);
        if (!m.matches()) {
            throw new ReaderException(fileName, 1, "column '" + column + "' is not an RTDSM vintage RUCyyQq or EMPLOYyyMm");
        }
        int yy = Integer.parseInt(m.group(2));
        int year = yy >= 47 ? 1900 + yy : 2000 + yy;
        int n = Integer.parseInt(m.group(4));
        boolean quarterly = "Q".equals(m.group(3));
        if ("RUC".equals(m.group(1)) != quarterly || n < 1 || n > (quarterly ? 4 : 12)) {
            throw new ReaderException(fileName, 1, "column '" + column + "': RUC vintages are quarters Q1-Q4, EMPLOY "
                    + "vintages months M1-M12");
        }
        int month = quarterly ? 3 * n - 1 : n;
        return new VintageMatrix.Release(column, LocalDate.of(year, month, MIDDLE_OF_MONTH), SERIES.get(m.group(1)));
    }

    private static LocalDate month(CsvRows rows) throws ReaderException {
        String text = rows.cell("DATE");
        Matcher m = MONTH.matcher(text);
        if (!m.matches() || Integer.parseInt(m.group(2)) < 1 || Integer.parseInt(m.group(2)) > 12) {
            throw rows.error("column DATE: '" + text + "' is not a month YYYY:MM");
        }
        return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
    }
}
