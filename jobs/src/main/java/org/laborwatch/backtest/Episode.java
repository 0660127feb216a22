package org.laborwatch.backtest;

import java.time.LocalDate;

/**
 * One ON spell of a policy for a region and sector.
 *
 * @param policy policy id
 * @param region region code
 * @param sector sector code
 * @param enterPeriod the period whose data turned it on
 * @param effectiveFrom the first day it took effect
 * @param exitPeriod the first OFF period, or null if still on at the end of the data
 * @param effectiveUntil the last day it was in effect, or null if still on
 * @param durationPeriods periods it was on (to the end of the data if still on)
 * @param maxTier the highest tier reached ({@code base} without tiers)
 */
public record Episode(String policy, String region, String sector, LocalDate enterPeriod, LocalDate effectiveFrom,
        LocalDate exitPeriod, LocalDate effectiveUntil, long durationPeriods, String maxTier) {

    /** The CSV header of {@link #csv()}. */
    public static final String CSV_HEADER =
            "policy,region,sector,enter_period,effective_from,exit_period,effective_until,duration_periods,max_tier";

    /** One CSV row; exit columns are empty while still on. */
    public String csv() {
        return String.join(",", policy, region, sector, str(enterPeriod), str(effectiveFrom), str(exitPeriod),
                str(effectiveUntil), Long.toString(durationPeriods), maxTier);
    }

    public boolean open() {
        return exitPeriod == null;
    }

    private static String str(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}
