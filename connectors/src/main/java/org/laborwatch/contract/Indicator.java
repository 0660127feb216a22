package org.laborwatch.contract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue of indicators laborwatch accepts. An observation naming any other indicator is
 * rejected with {@link RejectReason#UNKNOWN_INDICATOR}, so a typo in a producer shows up in the
 * dead-letter topic instead of as a silently empty dashboard.
 *
 * @param name the indicator name used in observations
 * @param unit the unit its values must be in
 * @param description what it is and who publishes it
 */
public record Indicator(String name, Unit unit, String description) {

    private static final Map<String, Indicator> CATALOGUE = new LinkedHashMap<>();

    static {
        add("unemployment_rate", Unit.PERCENT, "Unemployment rate (BLS CPS national, BLS LAUS state/county)");
        add("unemployed", Unit.THOUSANDS, "Unemployed persons, levels in thousands (BLS CPS UNEMPLOY; BLS LAUS state levels, SA, persons / 1,000)");
        add("labor_force", Unit.THOUSANDS, "Civilian labor force, levels in thousands (BLS; BLS LAUS state levels, SA, persons / 1,000)");
        add("labor_force_participation_rate", Unit.PERCENT, "Labor force participation rate (BLS CIVPART)");
        add("u6_rate", Unit.PERCENT, "U-6 total unemployed plus marginally attached and part time for economic reasons (BLS)");
        add("payroll_employment", Unit.THOUSANDS, "All employees, nonfarm or by industry (BLS CES)");
        add("average_hourly_earnings", Unit.USD_PER_HOUR, "Average hourly earnings (BLS CES)");
        add("job_openings", Unit.THOUSANDS, "Job openings (BLS JOLTS JTSJOL)");
        add("recession", Unit.FLAG, "NBER recession indicator, 1 in a recession month (FRED USREC)");
        add("initial_claims", Unit.COUNT, "UI initial claims (DOL ETA 539 ic; FRED ICSA)");
        add("continued_claims", Unit.COUNT, "UI continued weeks claimed (DOL ETA 539 cw; FRED CCSA)");
        add("insured_unemployed_13wk_avg", Unit.COUNT, "13-week average of adjusted continued weeks claimed (DOL ETA 539 at)");
        add("covered_employment", Unit.COUNT, "Covered employment, the IUR denominator (DOL ETA 539 ce)");
        add("iur_prior_2yr_avg", Unit.PERCENT, "State-reported average 13-week IUR of the corresponding weeks in the two prior years (DOL ETA 539 ar)");
        add("insured_unemployed", Unit.COUNT, "Insured unemployed claimants in a characteristic group (DOL ETA 203)");
        add("job_postings_index", Unit.INDEX, "Indeed job postings index, 2020-02-01 = 100 (Indeed Hiring Lab)");
        add("ai_use_rate", Unit.PERCENT, "Share of businesses that used AI in the last two weeks (Census BTOS question 7)");
        add("ai_use_expected_rate", Unit.PERCENT, "Share of businesses that expect to use AI in six months (Census BTOS question 26)");
    }

    private static void add(String name, Unit unit, String description) {
        CATALOGUE.put(name, new Indicator(name, unit, description));
    }

    /** Looks an indicator up by name. */
    public static Optional<Indicator> byName(String name) {
        return Optional.ofNullable(CATALOGUE.get(name));
    }

    /** Every known indicator, in catalogue order. */
    public static Map<String, Indicator> all() {
        return Collections.unmodifiableMap(CATALOGUE);
    }
}
