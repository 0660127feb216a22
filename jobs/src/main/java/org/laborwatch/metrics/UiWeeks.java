package org.laborwatch.metrics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * Week numbering of the UI trigger rules: weeks run Sunday to Saturday and are numbered from the
 * first full calendar week of the year (COMAR 09.32.03.02, implementing the DOL method), which is
 * how "the corresponding week" of a prior year is found.
 */
public final class UiWeeks {

    private UiWeeks() {}

    /** The Saturday that ends week 1 of {@code year}. */
    static LocalDate firstWeekEnd(int year) {
        LocalDate firstSunday = LocalDate.of(year, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        return firstSunday.plusDays(6);
    }

    /**
     * The week ending {@code years} years before {@code weekEnding} with the same week number; when
     * that year has no such week (week 53), its last week.
     */
    public static LocalDate corresponding(LocalDate weekEnding, int years) {
        int year = weekEnding.getYear();
        LocalDate start = firstWeekEnd(year);
        if (weekEnding.isBefore(start)) {
            year -= 1;
            start = firstWeekEnd(year);
        }
        long number = ChronoUnit.WEEKS.between(start, weekEnding);
        int target = year - years;
        LocalDate candidate = firstWeekEnd(target).plusWeeks(number);
        LocalDate nextYearStart = firstWeekEnd(target + 1);
        return candidate.isBefore(nextYearStart) ? candidate : nextYearStart.minusWeeks(1);
    }

    /**
     * The week's number as DOL writes it, {@code YYYY-NN}: the year whose numbering it belongs to
     * (the days before that year's first full week belong to the year before) and its number from
     * 1. ETA 539's {@code week_number} and the trigger notice numbers count this way: notice 2020-52
     * is the one of the report week ending 2021-01-02.
     */
    public static String numbered(LocalDate weekEnding) {
        int year = weekEnding.getYear();
        LocalDate start = firstWeekEnd(year);
        if (weekEnding.isBefore(start)) {
            year -= 1;
            start = firstWeekEnd(year);
        }
        long number = ChronoUnit.WEEKS.between(start, weekEnding) + 1;
        return String.format("%d-%02d", year, number);
    }
}
