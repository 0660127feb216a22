package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metrics the job computes. */
public final class MetricCatalogue {

    private static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();

    static {
        DEFINITIONS.put(SahmGap.NAME, "MA3(t) - min(MA3(t-12..t-1)) of the SA unemployment rate, 2 decimals");
        DEFINITIONS.put(InsuredUnemploymentRate.NAME, "ETA 539 at / ce x 100, 4 decimals truncated");
        DEFINITIONS.put(IurLookback.NAME, "iur_13wk as % of the prior two years' corresponding weeks, 2 decimals truncated");
        DEFINITIONS.put(Tur3Mo.NAME, "mean of the last 3 months of the SA unemployment rate, 2 decimals");
        DEFINITIONS.put(TurLookback.nameFor(1), "3-month rate sum as % of the same months 1 year earlier (UIPL 16-11 integer)");
        DEFINITIONS.put(TurLookback.nameFor(2), "3-month rate sum as % of the same months 2 years earlier (UIPL 16-11 integer)");
        DEFINITIONS.put(ClaimsAverage.NAME, "4-week moving average of initial / continued claims, exact");
        DEFINITIONS.put(ClaimsYoy.NAME, "% change of claims_4wk_avg on 52 weeks earlier, 2 decimals");
        DEFINITIONS.put(WageGrowth.NAME, "12-month % change of average hourly earnings per sector, 2 decimals");
        DEFINITIONS.put(PostingsChange.nameFor(28), "% change of the Indeed postings index over 28 days, Saturdays, 2 decimals");
        DEFINITIONS.put(PostingsChange.nameFor(364), "% change of the Indeed postings index over 364 days, Saturdays, 2 decimals");
        DEFINITIONS.put(org.laborwatch.policy.MetricNames.AI_USE_RATE, "Census BTOS share of businesses using AI, as published");
        DEFINITIONS.put(org.laborwatch.policy.MetricNames.AI_USE_CHANGE, "ai_use_rate(t) - ai_use_rate 6 biweekly periods earlier, pp");
        DEFINITIONS.put(org.laborwatch.policy.MetricNames.OCCUPATIONAL_DISSIMILARITY,
                "100 x 1/2 x sum |share_g(t) - share_g(2019)| of ETA 203 SOC groups, 2 decimals");
        DEFINITIONS.put(org.laborwatch.policy.MetricNames.AI_EXPOSED_CLAIMS_SHIFT,
                "sum share_g(t) x exposure_g - the same for 2019 (ETA 203 SOC groups), 4 decimals");
        DEFINITIONS.put(DisruptionIndex.NAME, "illustrative: weighted mean of component z-scores vs the prior 36 months, 2 decimals");
    }

    private MetricCatalogue() {}

    /** Every implemented metric, in a fixed order so output order is deterministic. */
    public static List<Metric> all() {
        Map<String, BigDecimal> exposure = aiExposure();
        List<Metric> metrics = new ArrayList<>(List.of(new SahmGap(), new InsuredUnemploymentRate(), new IurLookback(),
                new Tur3Mo(), new TurLookback(1), new TurLookback(2),
                new ClaimsAverage("initial_claims"), new ClaimsAverage("continued_claims"),
                new ClaimsYoy("initial_claims"), new ClaimsYoy("continued_claims"),
                new WageGrowth(), new PostingsChange(28), new PostingsChange(364), AiUse.rate(), AiUse.change(),
                new OccupationalDissimilarity(), aiExposedClaimsShift(exposure),
                new DisruptionIndex(DisruptionIndex.Config.defaults(exposure))));
        return Collections.unmodifiableList(metrics);
    }

    /** The metrics of a name (claims metrics have one instance per indicator), in catalogue order. */
    public static List<Metric> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).toList();
    }

    /** Metric name to a one-line definition, in catalogue order. */
    public static Map<String, String> definitions() {
        return Collections.unmodifiableMap(DEFINITIONS);
    }

    /**
     * The AI exposure by SOC major group ({@code soc:15} ...) used by {@code ai_exposed_claims_shift}
     * and the disruption index: Eloundou et al.'s {@code dv_rating_beta}, weighted by OEWS May 2021
     * employment (org.laborwatch.reference.OccupationExposure, from the tables the jar carries).
     */
    public static Map<String, BigDecimal> aiExposure() {
        return ExposureHolder.EXPOSURE;
    }

    /** Loaded once per JVM, on first use. */
    private static final class ExposureHolder {
        static final Map<String, BigDecimal> EXPOSURE;

        static {
            try {
                EXPOSURE = new java.util.TreeMap<>(org.laborwatch.reference.OccupationExposure.load().byGroup());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot load the AI exposure reference tables", e);
            }
        }
    }

    /** {@code ai_exposed_claims_shift} over an exposure map (see {@link #aiExposure}). */
    public static AiExposedClaimsShift aiExposedClaimsShift(Map<String, BigDecimal> exposure) {
        return new AiExposedClaimsShift(exposure);
    }
}
