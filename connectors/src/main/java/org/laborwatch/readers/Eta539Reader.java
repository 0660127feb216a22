package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * DOL ETA 539, weekly UI claims by state ({@code state, report_for_period_ending, week_number,
 * reflected_week_ending, ic, …, cw, …, at, ce, ar}); region {@code US-} + state, sector
 * {@code all}, not seasonally adjusted, source {@code dol.eta539}.
 *
 * <p>One row reports two weeks. Initial claims {@code ic} are for the report week
 * ({@code report_for_period_ending}); continued weeks claimed {@code cw}, the 13-week average
 * {@code at}, covered employment {@code ce} and the prior-two-year average IUR {@code ar} are for
 * the week before, {@code reflected_week_ending}, because continued claims are filed for the week
 * just past. Dating them by the reflected week is what makes {@code at / ce} match DOL's published
 * IURs (CA, week ending 2020-04-25: 1,125,499 / 17,330,010 = 6.49%).
 *
 * <p>Vintage: explicit, else from the file name, else per row the report week's end + 5 days.
 * DOL publishes the weekly claims news release, with the states' figures for the report week, on
 * the Thursday after the week ends (Saturday + 5); earlier releases of the same numbers are
 * advance estimates we do not have.
 */
final class Eta539Reader implements ObservationReader {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final int PUBLICATION_LAG_DAYS = 5;

    private static final String[] COLUMNS = {"ic", "cw", "at", "ce", "ar"};
    private static final SeriesSpec[] TEMPLATES = {
        spec("initial_claims", Unit.COUNT),
        spec("continued_claims", Unit.COUNT),
        spec("insured_unemployed_13wk_avg", Unit.COUNT),
        spec("covered_employment", Unit.COUNT),
        spec("iur_prior_2yr_avg", Unit.PERCENT),
    };

    private final ReaderOptions options;

    Eta539Reader(ReaderOptions options) {
        this.options = options;
    }

    private static SeriesSpec spec(String indicator, Unit unit) {
        return new SeriesSpec(indicator, "US", "all", "nsa", Frequency.WEEKLY, unit, "dol.eta539");
    }

    /** Every series this format can yield (per state). */
    static java.util.Collection<SeriesSpec> yields() {
        return java.util.List.of(TEMPLATES);
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        Optional<LocalDate> fixedVintage = Vintages.explicitOrFromName(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("state", "report_for_period_ending", "reflected_week_ending");
        rows.requireColumns(COLUMNS);
        Tally tally = new Tally(out);
        if (fixedVintage.isEmpty()) {
            tally.note("vintage per row: report_for_period_ending + " + PUBLICATION_LAG_DAYS
                    + " days (the Thursday DOL publishes the week's claims)");
        }
        Map<String, SeriesSpec[]> specs = new HashMap<>();
        while (rows.next()) {
            tally.row();
            String state = rows.cell("state");
            if (!STATE.matcher(state).matches()) {
                throw rows.error("column state: '" + state + "' is not a two-letter state code");
            }
            LocalDate reportWeek = rows.date("report_for_period_ending");
            LocalDate reflectedWeek = rows.date("reflected_week_ending");
            LocalDate vintage = fixedVintage.orElse(reportWeek.plusDays(PUBLICATION_LAG_DAYS));
            SeriesSpec[] forState = specs.computeIfAbsent(state, Eta539Reader::specsFor);
            for (int i = 0; i < COLUMNS.length; i++) {
                String column = COLUMNS[i];
                if (rows.cell(column).isEmpty()) {
                    tally.missing();
                    continue;
                }
                LocalDate period = i == 0 ? reportWeek : reflectedWeek;
                tally.emit(forState[i].observe(rows, column, period, rows.decimal(column), vintage));
            }
        }
        return tally.report();
    }

    private static SeriesSpec[] specsFor(String state) {
        SeriesSpec[] specs = new SeriesSpec[TEMPLATES.length];
        for (int i = 0; i < specs.length; i++) {
            specs[i] = TEMPLATES[i].inRegion("US-" + state);
        }
        return specs;
    }
}
