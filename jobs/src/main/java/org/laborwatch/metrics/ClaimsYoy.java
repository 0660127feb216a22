package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code claims_yoy_pct}: the percent change of {@code claims_4wk_avg} on the same average 52 weeks
 * earlier, (A(t) − A(t−52)) / A(t−52) × 100, rounded half-up to two decimals. Computed from the
 * exact four-week sums (the averages' ratio), one instance per indicator, seasonally adjusted
 * where the region has it, else not adjusted. Reads weeks t−55 … t.
 */
public final class ClaimsYoy extends LaggedMetric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.CLAIMS_YOY_PCT;

    /** The change of {@code initial_claims} or {@code continued_claims}. */
    public ClaimsYoy(String indicator) {
        super(NAME, indicator, List.of("sa", "nsa"), Frequency.WEEKLY, Frequency.WEEKLY, 0, 1, 2, 3, 52, 53, 54, 55);
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return percentChange(sum(v, 0, 4), sum(v, 4, 8));
    }

    @Override
    String undefinedReason() {
        return "the 4-week average 52 weeks earlier is 0";
    }
}
