package org.laborwatch.policy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The one owner of the metric names (DESIGN.md, "Metrics"): each name is declared here once, with
 * its one-line definition. The metric implementations take their names from these constants, the
 * policy language accepts exactly these names (a condition on any other name is rejected when the
 * policy is loaded, so a typo cannot silently make a trigger never fire), and a test checks that
 * every name declared here is emitted by some implemented metric.
 */
public final class MetricNames {

    /** Declaration order: the order of the catalogue and of {@code compute --help}. */
    private static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();

    public static final String SAHM_GAP = define("sahm_gap",
            "MA3(t) - min(MA3(t-12..t-1)) of the SA unemployment rate, 2 decimals");
    public static final String IUR_13WK = define("iur_13wk", "ETA 539 at / ce x 100, 4 decimals truncated");
    public static final String IUR_LOOKBACK_PCT = define("iur_lookback_pct",
            "iur_13wk as % of the prior two years' corresponding weeks, 2 decimals truncated");
    public static final String TUR_3MO = define("tur_3mo", "3-month SA TUR, 100 x 3-month sum of unemployed / of labor force (20 CFR 615.2), 1 decimal; "
            + "mean of 3 SA rates, 2 decimals, where a region has rates only (indicator unemployment_rate)");
    public static final String TUR_LOOKBACK_PCT_1Y = define("tur_lookback_pct_1y",
            "tur_3mo as % of the same months 1 year earlier, from levels or rates as tur_3mo (UIPL 16-11 integer)");
    public static final String TUR_LOOKBACK_PCT_2Y = define("tur_lookback_pct_2y",
            "tur_3mo as % of the same months 2 years earlier, from levels or rates as tur_3mo (UIPL 16-11 integer)");
    public static final String CLAIMS_4WK_AVG = define("claims_4wk_avg",
            "4-week moving average of initial / continued claims, exact");
    public static final String CLAIMS_YOY_PCT = define("claims_yoy_pct", "% change of claims_4wk_avg on 52 weeks earlier, 2 decimals");
    public static final String WAGE_GROWTH_YOY = define("wage_growth_yoy",
            "12-month % change of average hourly earnings per sector, 2 decimals");
    public static final String POSTINGS_CHANGE_4WK = define("postings_change_4wk",
            "% change of the Indeed postings index over 28 days, Saturdays, 2 decimals");
    public static final String POSTINGS_CHANGE_52WK = define("postings_change_52wk",
            "% change of the Indeed postings index over 364 days, Saturdays, 2 decimals");
    public static final String AI_USE_RATE = define("ai_use_rate", "Census BTOS share of businesses using AI, as published");
    public static final String AI_USE_CHANGE = define("ai_use_change",
            "ai_use_rate(t) - ai_use_rate 6 biweekly periods earlier, pp");
    public static final String OCCUPATIONAL_DISSIMILARITY = define("occupational_dissimilarity",
            "100 x 1/2 x sum |share_g(t) - share_g(2019)| of ETA 203 SOC groups, 2 decimals");
    public static final String AI_EXPOSED_CLAIMS_SHIFT = define("ai_exposed_claims_shift",
            "sum share_g(t) x exposure_g - the same for 2019 (ETA 203 SOC groups), 4 decimals");
    public static final String DISRUPTION_INDEX = define("disruption_index",
            "illustrative: weighted mean of component z-scores vs the prior 36 months, 2 decimals");

    public static final String VACANCY_GAP = define("vacancy_gap",
            "max(MA3(t-12..t-1)) - MA3(t) of the job-openings rate 100 x JTSJOL / (PAYEMS + JTSJOL), 1 decimal, "
            + "2 decimals (Michaillat-Saez v)");

    /** National roll-up of a policy (region US, sector {@code policy:<id>}): how many regions are ON. */
    public static final String REGIONS_ON = define("regions_on",
            "roll-up of a policy, region US, sector policy:<id>: how many regions are ON, exact");
    /** National roll-up of a policy: the ON regions' share of US covered employment. */
    public static final String REGIONS_ON_SHARE_PCT = define("regions_on_share_pct",
            "roll-up of a policy, region US, sector policy:<id>: ON regions' % of US covered employment (QCEW 2019 Q3), 2 decimals");

    /** Every known metric name, sorted (so error messages list them in a stable order). */
    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(DEFINITIONS.keySet()));

    private MetricNames() {}

    private static String define(String name, String definition) {
        if (DEFINITIONS.putIfAbsent(name, definition) != null) {
            throw new IllegalStateException("metric name declared twice: " + name);
        }
        return name;
    }

    /** The names of the national roll-ups, which policies read as metrics of the sector {@code policy:<id>}. */
    public static final java.util.Set<String> ROLL_UPS = java.util.Set.of(REGIONS_ON, REGIONS_ON_SHARE_PCT);

    /** Whether {@code name} is a known metric. */
    public static boolean isKnown(String name) {
        return name != null && ALL.contains(name);
    }

    /** Metric name to its one-line definition, in declaration order. */
    public static Map<String, String> definitions() {
        return Collections.unmodifiableMap(DEFINITIONS);
    }
}
