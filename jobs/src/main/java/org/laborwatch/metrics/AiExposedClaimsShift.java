package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.laborwatch.policy.MetricNames;

/**
 * {@code ai_exposed_claims_shift}: how much the occupation mix of insured unemployment moved
 * towards AI-exposed occupations since a baseline year,
 * Σ_g s_g(t)·exposure_g − Σ_g s_g(base)·exposure_g, four decimals, half-up.
 *
 * <p>exposure_g is the AI exposure of SOC major group g, given to the constructor (DESIGN.md: the
 * OEWS-employment-weighted mean of Eloundou et al.'s {@code dv_rating_beta}, a share 0–1, so the
 * shift is in the same unit). Keys are sector codes {@code soc:NN}; {@code NN} and {@code NN-0000}
 * are accepted too. Shares are taken over the groups that have an exposure, so a group without one
 * (military, 55, has no OEWS employment) is left out of both sides rather than counted as 0. With an
 * empty map the metric reads nothing and emits nothing. See {@link OccupationShareMetric} for
 * completeness and availability.
 */
public final class AiExposedClaimsShift extends OccupationShareMetric {

    private static final long serialVersionUID = 1L;

    private final TreeMap<String, BigDecimal> exposure = new TreeMap<>();

    public AiExposedClaimsShift(Map<String, BigDecimal> exposure) {
        this(exposure, OccupationalDissimilarity.DEFAULT_BASELINE_YEAR);
    }

    public AiExposedClaimsShift(Map<String, BigDecimal> exposure, int baselineYear) {
        super(MetricNames.AI_EXPOSED_CLAIMS_SHIFT, baselineYear, OccupationalDissimilarity.DEFAULT_RETENTION_MONTHS);
        exposure.forEach((k, v) -> this.exposure.put(sectorCode(k), v));
    }

    /** {@code soc:15} from {@code soc:15}, {@code 15} or {@code 15-0000}. */
    static String sectorCode(String key) {
        String k = key.startsWith("soc:") ? key.substring(4) : key;
        if (k.length() < 2 || !Character.isDigit(k.charAt(0)) || !Character.isDigit(k.charAt(1))
                || (k.length() > 2 && k.charAt(2) != '-')) {
            throw new IllegalArgumentException("exposure key is not a SOC major group: '" + key + "'");
        }
        return "soc:" + k.substring(0, 2);
    }

    @Override
    boolean reads(String group) {
        return exposure.containsKey(group);
    }

    @Override
    BigDecimal evaluate(Map<String, BigDecimal> now, Map<String, BigDecimal> base) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String g : union(now, base)) {
            BigDecimal e = exposure.get(g);
            sum = sum.add(now.getOrDefault(g, BigDecimal.ZERO).subtract(base.getOrDefault(g, BigDecimal.ZERO)).multiply(e));
        }
        return sum.setScale(4, RoundingMode.HALF_UP);
    }
}
