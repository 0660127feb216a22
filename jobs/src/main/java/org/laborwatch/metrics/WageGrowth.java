package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code wage_growth_yoy}: the 12-month percent change of average hourly earnings (BLS CES, SA),
 * per sector ({@code ces:total-private}, {@code ces:production-nonsupervisory}):
 * (w(t) − w(t−12)) / w(t−12) × 100, rounded half-up to two decimals.
 */
public final class WageGrowth extends LaggedMetric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.WAGE_GROWTH_YOY;

    public WageGrowth() {
        super(NAME, "average_hourly_earnings", List.of("sa"), Frequency.MONTHLY, Frequency.MONTHLY, 0, 12);
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return percentChange(v[0], v[1]);
    }
}
