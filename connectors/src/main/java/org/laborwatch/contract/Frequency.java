package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How often a series is published, and so which dates are valid periods for it.
 *
 * <p>Periods follow DESIGN.md: the first day of the month or quarter, the week-ending Saturday for
 * weekly data, the day itself for daily data. Biweekly data (Census BTOS) is dated by the Saturday
 * that ends its two-week collection period.
 */
public enum Frequency {
    DAILY,
    WEEKLY,
    BIWEEKLY,
    MONTHLY,
    QUARTERLY,
    ANNUAL;

    /** The lower-case name, made once: asked for every record, it made a new string each time. */
    private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String jsonName() {
        return lowerCaseName;
    }

    /** Parses the JSON name; returns {@code null} for an unknown one so callers can say why. */
    @JsonCreator
    public static Frequency fromJson(String name) {
        if (name == null) {
            return null;
        }
        for (Frequency f : values()) {
            if (f.jsonName().equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        return null;
    }

    /** Whether {@code period} is a date that names a period of this frequency. */
    public boolean fits(LocalDate period) {
        return switch (this) {
            case DAILY -> true;
            case WEEKLY, BIWEEKLY -> period.getDayOfWeek() == DayOfWeek.SATURDAY;
            case MONTHLY -> period.getDayOfMonth() == 1;
            case QUARTERLY -> period.getDayOfMonth() == 1 && (period.getMonthValue() - 1) % 3 == 0;
            case ANNUAL -> period.getDayOfYear() == 1;
        };
    }

    /**
     * The last day {@code period} covers: the month's, quarter's or year's last day; for weekly,
     * biweekly and daily data the period date itself (the week-ending Saturday, the day), since
     * those periods are named by their last day. A value cannot be published before this day.
     */
    public LocalDate lastDay(LocalDate period) {
        return switch (this) {
            case DAILY, WEEKLY, BIWEEKLY -> period;
            case MONTHLY -> period.withDayOfMonth(period.lengthOfMonth());
            case QUARTERLY -> period.plusMonths(3).withDayOfMonth(1).minusDays(1);
            case ANNUAL -> period.withDayOfYear(period.lengthOfYear());
        };
    }

    /** The period {@code n} steps after {@code period} (negative steps go back). */
    public LocalDate plus(LocalDate period, long n) {
        return switch (this) {
            case DAILY -> period.plusDays(n);
            case WEEKLY -> period.plusWeeks(n);
            case BIWEEKLY -> period.plusWeeks(2 * n);
            case MONTHLY -> period.plusMonths(n);
            case QUARTERLY -> period.plusMonths(3 * n);
            case ANNUAL -> period.plusYears(n);
        };
    }

    /** Whole periods from {@code from} to {@code to}; both must fit this frequency. */
    public long between(LocalDate from, LocalDate to) {
        return switch (this) {
            case DAILY -> ChronoUnit.DAYS.between(from, to);
            case WEEKLY -> ChronoUnit.WEEKS.between(from, to);
            case BIWEEKLY -> ChronoUnit.WEEKS.between(from, to) / 2;
            case MONTHLY -> ChronoUnit.MONTHS.between(from, to);
            case QUARTERLY -> ChronoUnit.MONTHS.between(from, to) / 3;
            case ANNUAL -> ChronoUnit.YEARS.between(from, to);
        };
    }
}
