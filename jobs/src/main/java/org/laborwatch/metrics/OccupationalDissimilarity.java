package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.laborwatch.policy.MetricNames;

/**
 * {@code occupational_dissimilarity}: the Yale Budget Lab dissimilarity index of the occupation
 * mix of insured unemployment against a baseline year, D(t) = 100 · ½ · Σ_g |s_g(t) − s_g(base)|,
 * over the SOC major groups of ETA 203 (not {@code soc:unknown}), s_g(base) being the mean of the
 * baseline year's twelve monthly shares (default 2019). Two decimals, half-up. 0 means the same
 * mix as the baseline, 100 a mix with no group in common. See {@link OccupationShareMetric} for
 * completeness and availability.
 */
public final class OccupationalDissimilarity extends OccupationShareMetric {

    private static final long serialVersionUID = 1L;
    public static final int DEFAULT_BASELINE_YEAR = 2019;
    /** Months of history kept, so the baseline stays readable ten years on. */
    public static final int DEFAULT_RETENTION_MONTHS = 120;

    public OccupationalDissimilarity() {
        this(DEFAULT_BASELINE_YEAR);
    }

    public OccupationalDissimilarity(int baselineYear) {
        super(MetricNames.OCCUPATIONAL_DISSIMILARITY, baselineYear, DEFAULT_RETENTION_MONTHS);
    }

    @Override
    BigDecimal evaluate(Map<String, BigDecimal> now, Map<String, BigDecimal> base) {
        BigDecimal sum = BigDecimal.ZERO;
        for (String g : union(now, base)) {
            sum = sum.add(now.getOrDefault(g, BigDecimal.ZERO).subtract(base.getOrDefault(g, BigDecimal.ZERO)).abs());
        }
        return sum.multiply(BigDecimal.valueOf(50)).setScale(2, RoundingMode.HALF_UP);
    }
}
