package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code claims_4wk_avg}: the 4-week moving average of weekly claims (weeks t−3 … t), one instance
 * per indicator ({@code initial_claims}, {@code continued_claims}); the point's indicator says
 * which. Seasonally adjusted where the region has it (FRED ICSA/CCSA, national), else not
 * adjusted (ETA 539 by state).
 *
 * <p>Exact, not rounded. DOL's news release and FRED (IC4WSA, CC4WSA) publish the plain mean of
 * the four published weekly levels: the SA levels are rounded to thousands, so the mean is a
 * multiple of 250 (242,250; 6,144,250) and needs no rounding. CC4WSA 2009-05-30 = 6,553,000 and
 * 2020-05-09 = 21,962,000 are reproduced from the bundled CCSA. A quarter of an integer sum has at
 * most two decimals, so unadjusted state counts (.25, .5, .75) are kept exactly too; trailing
 * zeros are dropped (6553000, not 6553000.00).
 */
public final class ClaimsAverage extends LaggedMetric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.CLAIMS_4WK_AVG;

    /** The average of {@code initial_claims} or {@code continued_claims}. */
    public ClaimsAverage(String indicator) {
        super(NAME, indicator, List.of("sa", "nsa"), Frequency.WEEKLY, Frequency.WEEKLY, 0, 1, 2, 3);
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return plain(sum(v, 0, 4).divide(BigDecimal.valueOf(4)));
    }

    /** The value without trailing zeros and without an exponent (6553000, 1234.25). */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
