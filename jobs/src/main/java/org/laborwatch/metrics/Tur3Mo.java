package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code tur_3mo}: the mean of the last three months of the seasonally adjusted monthly
 * unemployment rate (state or national), months t−2 … t, the "3-month SA TUR" of the EB trigger.
 *
 * <p>Exact: the sum of three published rates is a multiple of 0.1, so the mean is a multiple of
 * 1/30 and rounding it half-up to two decimals never carries it across a one-decimal threshold
 * (6.5, 8.0): mean ≥ 6.5 exactly when the rounded value is ≥ 6.50. No tie occurs (k/30 never ends
 * in 5 at the third decimal).
 */
public final class Tur3Mo extends LaggedMetric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.TUR_3MO;
    static final String INDICATOR = "unemployment_rate";

    public Tur3Mo() {
        super(NAME, INDICATOR, List.of("sa"), Frequency.MONTHLY, Frequency.MONTHLY, 0, 1, 2);
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return sum(v, 0, 3).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }
}
