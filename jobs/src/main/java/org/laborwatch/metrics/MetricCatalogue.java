package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.laborwatch.policy.MetricNames;

/** The metrics the job computes. */
public final class MetricCatalogue {

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
                new DisruptionIndex(DisruptionIndex.Config.defaults(exposure)), new VacancyGap()));
        return Collections.unmodifiableList(metrics);
    }

    /** The metrics of a name (claims metrics have one instance per indicator), in catalogue order. */
    public static List<Metric> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).toList();
    }

    /**
     * Metric name to a one-line definition, in catalogue order (owned by {@link MetricNames}): the
     * metrics {@code compute} can compute, so not the national roll-ups of policies, which policies
     * read but only trigger events make.
     */
    public static Map<String, String> definitions() {
        Map<String, String> d = new java.util.LinkedHashMap<>(MetricNames.definitions());
        d.keySet().removeAll(MetricNames.ROLL_UPS);
        return Collections.unmodifiableMap(d);
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
