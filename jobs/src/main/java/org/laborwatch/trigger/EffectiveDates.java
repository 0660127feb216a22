package org.laborwatch.trigger;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.laborwatch.policy.Policy;

/**
 * When a decision takes effect.
 *
 * <p>With a lag in weeks (EB, 20 CFR 615.11): a period begins on the first day of the lag-th week
 * after the ON week and ends on the last day of the lag-th week after the first OFF week: with
 * {@code lag_weeks: 3, starts_on: sunday}, an ON week ending Saturday 2020-05-02 begins 2020-05-17
 * and an OFF week ending Saturday 2021-04-10 ends 2021-05-01. With a lag in months, likewise: it
 * begins on the first day of the lag-th month after the ON month and ends on the last day of the
 * lag-th month after the OFF month. Without a lag: the deciding period itself, ending the day before
 * the OFF period.
 */
public final class EffectiveDates {

    private EffectiveDates() {}

    /** The first day a decision made on {@code period} takes effect. */
    public static LocalDate from(Policy.Effective e, LocalDate period) {
        if (e.lagWeeks() > 0) {
            LocalDate start = period.plusDays(1 + 7L * (e.lagWeeks() - 1));
            return e.startsOn() == null ? start : start.with(TemporalAdjusters.nextOrSame(e.startsOn()));
        }
        if (e.lagMonths() > 0) {
            return period.plusMonths(e.lagMonths()).withDayOfMonth(1);
        }
        return period;
    }

    /**
     * The last day the ON state lasts when the first OFF period is {@code period}: the last day of
     * the lag-th week or month after it (so a decision never ends benefits before its data are
     * published), or the day before the OFF period without a lag.
     */
    public static LocalDate until(Policy.Effective e, LocalDate period) {
        if (e.lagWeeks() > 0) {
            return from(e, period).plusDays(6);
        }
        if (e.lagMonths() > 0) {
            return from(e, period).plusMonths(1).minusDays(1);
        }
        return period.minusDays(1);
    }
}
