package org.laborwatch.policy;

import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The metric names a policy condition may read (DESIGN.md, "Metrics"). A condition on any other
 * name is rejected when the policy is loaded, so a typo cannot silently make a trigger never fire.
 */
public final class MetricNames {

    public static final String SAHM_GAP = "sahm_gap";
    public static final String IUR_13WK = "iur_13wk";
    public static final String IUR_LOOKBACK_PCT = "iur_lookback_pct";
    public static final String TUR_3MO = "tur_3mo";
    public static final String TUR_LOOKBACK_PCT_1Y = "tur_lookback_pct_1y";
    public static final String TUR_LOOKBACK_PCT_2Y = "tur_lookback_pct_2y";
    public static final String CLAIMS_4WK_AVG = "claims_4wk_avg";
    public static final String CLAIMS_YOY_PCT = "claims_yoy_pct";
    public static final String WAGE_GROWTH_YOY = "wage_growth_yoy";
    public static final String POSTINGS_CHANGE_4WK = "postings_change_4wk";
    public static final String POSTINGS_CHANGE_52WK = "postings_change_52wk";
    public static final String AI_USE_RATE = "ai_use_rate";
    public static final String AI_USE_CHANGE = "ai_use_change";
    public static final String AI_EXPOSED_CLAIMS_SHIFT = "ai_exposed_claims_shift";
    public static final String OCCUPATIONAL_DISSIMILARITY = "occupational_dissimilarity";
    public static final String DISRUPTION_INDEX = "disruption_index";
    public static final String UNEMPLOYMENT_RATE = "unemployment_rate";

    /** Every known metric name, sorted (so error messages list them in a stable order). */
    public static final SortedSet<String> ALL = Collections.unmodifiableSortedSet(new TreeSet<>(Set.of(
            SAHM_GAP,
            IUR_13WK,
            IUR_LOOKBACK_PCT,
            TUR_3MO,
            TUR_LOOKBACK_PCT_1Y,
            TUR_LOOKBACK_PCT_2Y,
            CLAIMS_4WK_AVG,
            CLAIMS_YOY_PCT,
            WAGE_GROWTH_YOY,
            POSTINGS_CHANGE_4WK,
            POSTINGS_CHANGE_52WK,
            AI_USE_RATE,
            AI_USE_CHANGE,
            AI_EXPOSED_CLAIMS_SHIFT,
            OCCUPATIONAL_DISSIMILARITY,
            DISRUPTION_INDEX,
            UNEMPLOYMENT_RATE)));

    private MetricNames() {}

    /** Whether {@code name} is a known metric. */
    public static boolean isKnown(String name) {
        return name != null && ALL.contains(name);
    }
}
