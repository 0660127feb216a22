package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code postings_change_4wk} and {@code postings_change_52wk}: the percent change of the Indeed
 * job postings index (daily, SA) over 28 and 364 days, (x(t) − x(t−d)) / x(t−d) × 100, rounded
 * half-up to two decimals, per region and sector.
 *
 * <p>Emitted only for Saturdays (points are weekly, dated by the week-ending Saturday as the other
 * weekly series are): the index is already a 7-day trailing mean, so the Saturday value is the
 * week ending that day, and a point a day for every state and 46 occupational sectors would
 * multiply the output by seven for no information. 28 and 364 days are whole weeks, so both
 * ends are Saturdays.
 */
public final class PostingsChange extends LaggedMetric {

    private static final long serialVersionUID = 1L;

    private final int days;

    /** The change over {@code days}: 28 or 364. */
    public PostingsChange(int days) {
        super(nameFor(days), "job_postings_index", List.of("sa"), Frequency.DAILY, Frequency.WEEKLY, 0, days);
        this.days = days;
    }

    static String nameFor(int days) {
        return switch (days) {
            case 28 -> MetricNames.POSTINGS_CHANGE_4WK;
            case 364 -> MetricNames.POSTINGS_CHANGE_52WK;
            default -> throw new IllegalArgumentException("postings change is over 28 or 364 days, got " + days);
        };
    }

    @Override
    boolean emits(LocalDate t) {
        return t.getDayOfWeek() == DayOfWeek.SATURDAY;
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return percentChange(v[0], v[1]);
    }

    @Override
    String undefinedReason() {
        return "job_postings_index " + days + " days earlier is 0";
    }
}
