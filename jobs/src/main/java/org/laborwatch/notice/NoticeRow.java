package org.laborwatch.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

/**
 * One state's row of a weekly EB trigger notice, with the columns of DOL's notice as the bundled
 * {@code dol_eb_trigger_notice_2020-52_effective_2021-01-10.csv} parses it. A value the inputs do
 * not give is null and written as an empty cell.
 *
 * @param noticeNo the notice number, {@code YYYY-NN}
 * @param effectiveDate the Sunday the notice takes effect
 * @param iurWeekEnding the last week of the 13-week IUR (15 days before the effective date)
 * @param turMonth the last of the three TUR months, or null without state levels
 * @param region the region code, such as {@code US-AK} (not a column: the state's name is)
 * @param state the state's name
 * @param onByFlag {@code #} ON by the IUR, {@code @} ON by the TUR, empty when not ON
 * @param no6pctIurOption {@code *} when the state has no 6% IUR option in law
 * @param noTurOption {@code &} when the state has no TUR option in law
 * @param iur13wk the 13-week IUR, two decimals, truncated
 * @param iurPctOfPrior2Yrs the IUR as a percent of the two prior years, an integer
 * @param tur3moSa the 3-month SA TUR, one decimal
 * @param turPctOfPriorYear the TUR as a percent of the same months a year before, an integer
 * @param turPctOfSecondPriorYear the same two years before
 * @param availableWeeks 13, or 20 in a high unemployment period; null when no EB period is on
 * @param status {@code B MM-DD-YYYY} (the period began) or {@code E MM-DD-YYYY} (it ended or will
 *     end); null before the inputs show any period
 */
public record NoticeRow(
        String noticeNo,
        LocalDate effectiveDate,
        LocalDate iurWeekEnding,
        YearMonth turMonth,
        String region,
        String state,
        String onByFlag,
        String no6pctIurOption,
        String noTurOption,
        BigDecimal iur13wk,
        BigDecimal iurPctOfPrior2Yrs,
        BigDecimal tur3moSa,
        BigDecimal turPctOfPriorYear,
        BigDecimal turPctOfSecondPriorYear,
        Integer availableWeeks,
        String status) {

    /** The CSV columns, in order: DOL's notice table. */
    public static final List<String> COLUMNS = List.of("notice_no", "effective_date", "iur_week_ending",
            "tur_3mo_ending", "state", "on_by_flag", "no_6pct_iur_option", "no_tur_option", "iur_13wk",
            "iur_pct_of_prior_2yrs", "tur_3mo_sa", "tur_pct_of_prior_year", "tur_pct_of_second_prior_year",
            "available_weeks", "status");

    /** How the notice prints the begin and end dates. */
    static final DateTimeFormatter STATUS_DATE = DateTimeFormatter.ofPattern("MM-dd-yyyy");

    /** The cells, in {@link #COLUMNS} order; empty for null. */
    public List<String> cells() {
        return Arrays.asList(noticeNo, effectiveDate.toString(), iurWeekEnding.toString(), text(turMonth), state,
                onByFlag, no6pctIurOption, noTurOption, text(iur13wk), text(iurPctOfPrior2Yrs), text(tur3moSa),
                text(turPctOfPriorYear), text(turPctOfSecondPriorYear), text(availableWeeks), status == null ? "" : status);
    }

    /** The cell of a column by name, for comparisons. */
    public String cell(String column) {
        int i = COLUMNS.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " (columns: " + COLUMNS + ")");
        }
        return cells().get(i);
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
