package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * {@code tur_lookback_pct_1y} and {@code tur_lookback_pct_2y}: {@code tur_3mo}(t) as a percentage
 * of {@code tur_3mo} of the same three months one or two years earlier (the EB TUR look-back,
 * 20 CFR 615.12(d); the trigger passes if either is ≥ 110).
 *
 * <p>Computed from exact sums, ratio = S(t) / S(t−12k) with S the sum of the three published rates,
 * so the mean's own rounding never enters. Per UIPL 16-11 the ratio is "rounded to the hundredths
 * place … multiplied by 100 and reported as an integer": half-up to two decimals, then × 100.
 *
 * <p>An approximation: DOL's Trigger Value (20 CFR 615.2, 81 FR 57764) is a ratio of summed
 * levels, three months of SA unemployed over three months of SA labor force, not a mean of the
 * published rates; the published rates are themselves rounded to 0.1, so near a threshold this
 * can differ from DOL's notice by a point.
 */
public final class TurLookback extends LaggedMetric {

    private static final long serialVersionUID = 1L;

    private final int years;

    /** The look-back over {@code years} (1 or 2) years. */
    public TurLookback(int years) {
        super(nameFor(years), Tur3Mo.INDICATOR, List.of("sa"), Frequency.MONTHLY, Frequency.MONTHLY,
                0, 1, 2, 12 * years, 12 * years + 1, 12 * years + 2);
        this.years = years;
    }

    static String nameFor(int years) {
        return switch (years) {
            case 1 -> MetricNames.TUR_LOOKBACK_PCT_1Y;
            case 2 -> MetricNames.TUR_LOOKBACK_PCT_2Y;
            default -> throw new IllegalArgumentException("the TUR look-back is 1 or 2 years, got " + years);
        };
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        BigDecimal base = sum(v, 3, 6);
        if (base.signum() == 0) {
            return null;
        }
        return sum(v, 0, 3).divide(base, 2, RoundingMode.HALF_UP).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
    }

    @Override
    String undefinedReason() {
        return "tur_3mo " + years + " year(s) earlier is 0";
    }
}
