package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * Census Business Trends and Outlook Survey (BTOS), AI questions by state
 * ({@code state,question_id,answer,period_yyyypp,pct_of_businesses,suppression_flag}).
 *
 * <p>Only {@code answer = Yes} rows become observations: question 7 ("in the last two weeks, did
 * this business use AI…") is {@code ai_use_rate}, question 26 ("during the next six months…") is
 * {@code ai_use_expected_rate}; both percent of businesses, biweekly, not seasonally adjusted,
 * sector {@code all}, source {@code census.btos}, region {@code US-} + state. A suppressed cell
 * ({@code suppression_flag = S}, or no percentage) is missing, never zero. Rows with state
 * {@code XX} are skipped with a note: in the BTOS API {@code XX} is the "all" code of a dimension,
 * so these are very likely the national estimate, but the file does not say so. Rows of other
 * questions are skipped and named in a note.
 *
 * <p>Period: {@code period_yyyypp} is the year and the number of the two-week collection period
 * within it. BTOS collects in back-to-back two-week periods, Monday to Sunday; period 2023-19 (the
 * first with the AI questions) ran 2023-09-11 … 2023-09-24 and period 2023-18 2023-08-28 … 2023-09-10.
 * Period 1 of a year is the cycle whose Monday is nearest January 1 (2023-01-02, 2024-01-01,
 * 2024-12-30), see {@link #periodSaturday}. Laborwatch dates biweekly data by a Saturday, so a
 * period is dated by the Saturday of its second week, the day before its collection closes (2023-19
 * → 2023-09-23). The rule is only known to hold from 2023 on; earlier years are refused.
 *
 * <p>Vintage: explicit, else from the file name, else per row the period's Saturday + 12 days, the
 * Thursday of the week after collection closes. Census publishes BTOS results every other Thursday
 * about that long after a period closes; it is an approximation, not each release's actual date.
 */
final class BtosReader implements ObservationReader {

    /** The Monday that starts collection period 2023-01, which fixes the two-week cycle. */
    static final LocalDate CYCLE_ANCHOR = LocalDate.of(2023, 1, 2);
    static final int FIRST_YEAR = 2023;
    static final int PUBLICATION_LAG_DAYS = 12;

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final Pattern PERIOD = Pattern.compile("(\\d{4})(\\d{2})");
    private static final Map<String, SeriesSpec> BY_QUESTION = Map.of(
            "7", spec("ai_use_rate"),
            "26", spec("ai_use_expected_rate"));

    private final ReaderOptions options;

    BtosReader(ReaderOptions options) {
        this.options = options;
    }

    private static SeriesSpec spec(String indicator) {
        return new SeriesSpec(indicator, "US", "all", "nsa", Frequency.BIWEEKLY, Unit.PERCENT, "census.btos");
    }

    /**
     * The Saturday that dates BTOS collection period {@code number} of {@code year}: the Saturday of
     * the period's second week.
     *
     * @throws IllegalArgumentException for a year before 2023 or a number outside 1…27
     */
    static LocalDate periodSaturday(int year, int number) {
        if (year < FIRST_YEAR) {
            throw new IllegalArgumentException("BTOS period dates are only established from " + FIRST_YEAR);
        }
        if (number < 1 || number > 27) {
            throw new IllegalArgumentException("a BTOS period number is 1 to 27, not " + number);
        }
        long toNewYear = ChronoUnit.DAYS.between(CYCLE_ANCHOR, LocalDate.of(year, 1, 1));
        long firstCycle = Math.round(toNewYear / 14.0);
        return CYCLE_ANCHOR.plusDays(14 * (firstCycle + number - 1) + 12);
    }

    /** Every series this format can yield (per state). */
    static java.util.Collection<SeriesSpec> yields() {
        return BY_QUESTION.values();
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        Optional<LocalDate> fixedVintage = Vintages.explicitOrFromName(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("state", "question_id", "answer", "period_yyyypp", "pct_of_businesses", "suppression_flag");
        Tally tally = new Tally(out);
        if (fixedVintage.isEmpty()) {
            tally.note("vintage per row: the period's Saturday + " + PUBLICATION_LAG_DAYS
                    + " days (approximately the Thursday Census publishes the period's results)");
        }
        Map<String, SeriesSpec> specs = new LinkedHashMap<>();
        Map<String, Long> otherAnswers = new TreeMap<>();
        Map<String, Long> otherQuestions = new TreeMap<>();
        long notStates = 0;
        long suppressed = 0;
        while (rows.next()) {
            tally.row();
            String question = rows.cell("question_id");
            SeriesSpec template = BY_QUESTION.get(question);
            if (template == null) {
                otherQuestions.merge(question, 1L, Long::sum);
                continue;
            }
            String answer = rows.cell("answer");
            if (!"Yes".equals(answer)) {
                otherAnswers.merge(answer, 1L, Long::sum);
                continue;
            }
            String state = rows.cell("state");
            if (!STATE.matcher(state).matches()) {
                throw rows.error("column state: '" + state + "' is not a two-letter state code");
            }
            if ("XX".equals(state)) {
                notStates++;
                continue;
            }
            LocalDate period = period(rows);
            String flag = rows.cell("suppression_flag");
            if (!flag.isEmpty() && !"S".equals(flag)) {
                throw rows.error("column suppression_flag: '" + flag + "' is neither empty nor S");
            }
            if ("S".equals(flag) || rows.cell("pct_of_businesses").isEmpty()) {
                suppressed++;
                tally.missing();
                continue;
            }
            LocalDate vintage = fixedVintage.orElse(period.plusDays(PUBLICATION_LAG_DAYS));
            SeriesSpec spec = specs.computeIfAbsent(question + "/" + state, k -> template.inRegion("US-" + state));
            tally.emit(spec.observe(rows, "pct_of_businesses", period, rows.decimal("pct_of_businesses"), vintage));
        }
        if (suppressed > 0) {
            tally.note(suppressed + " Yes cells suppressed (suppression_flag S or no percentage): missing, not zero");
        }
        if (notStates > 0) {
            tally.note("skipped " + notStates + " Yes rows with state XX (not a state; probably the national"
                    + " estimate, unconfirmed)");
        }
        if (!otherAnswers.isEmpty()) {
            tally.note("skipped rows of other answers: " + counts(otherAnswers));
        }
        if (!otherQuestions.isEmpty()) {
            tally.note("skipped rows of unmapped questions: " + counts(otherQuestions));
        }
        return tally.report();
    }

    private static LocalDate period(CsvRows rows) throws ReaderException {
        String text = rows.cell("period_yyyypp");
        var m = PERIOD.matcher(text);
        if (!m.matches()) {
            throw rows.error("column period_yyyypp: '" + text + "' is not a year and a two-digit period (202319)");
        }
        try {
            return periodSaturday(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        } catch (IllegalArgumentException e) {
            throw rows.error("column period_yyyypp: '" + text + "': " + e.getMessage());
        }
    }

    private static String counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                .collect(Collectors.joining(", "));
    }
}
