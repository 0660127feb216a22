package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.laborwatch.policy.MetricNames;

/**
 * {@code tur_lookback_pct_1y} and {@code tur_lookback_pct_2y}: the 3-month TUR at t as a
 * percentage of the TUR of the same three months one or two years earlier (the EB TUR look-back,
 * 20 CFR 615.12(d); the trigger passes if either is ≥ 110).
 *
 * <p>From levels (see {@link Tur3Mo}): ratio = TUR(t) / TUR(t−12k), each TUR the exact
 * {@code ΣU / ΣLF} before its one-decimal rounding, so the ratio is
 * {@code ΣU(t)·ΣLF(b) / (ΣLF(t)·ΣU(b))}. Per UIPL 16-11 the ratio is "rounded to the hundredths
 * place … multiplied by 100 and reported as an integer": half-up to two decimals, then × 100; that
 * is the integer percent DOL prints on the notice ({@code tur_pct_of_prior_year}). Whether DOL
 * divides the printed one-decimal TURs or the unrounded ones is not stated; the unrounded ones are
 * used, and the choice can move a value by about one point.
 *
 * <p>Fallback from rates only ({@link TurMetric}): ratio = S(t) / S(t−12k), S the sum of the three
 * published rates, rounded the same way; the published rates are themselves rounded to 0.1, so near
 * a threshold this can differ from DOL's notice by a point.
 */
public final class TurLookback extends TurMetric {

    private static final long serialVersionUID = 1L;

    private final int years;

    /** The look-back over {@code years} (1 or 2) years. */
    public TurLookback(int years) {
        super(nameFor(years), 0, 1, 2, 12 * years, 12 * years + 1, 12 * years + 2);
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
        return percent(sum(v, 0, 3), sum(v, 3, 6));
    }

    @Override
    BigDecimal evaluateLevels(BigDecimal[] unemployed, BigDecimal[] laborForce) {
        BigDecimal lfNow = sum(laborForce, 0, 3);
        BigDecimal lfThen = sum(laborForce, 3, 6);
        if (lfNow.signum() == 0 || lfThen.signum() == 0) {
            return null;
        }
        return percent(sum(unemployed, 0, 3).multiply(lfThen), sum(unemployed, 3, 6).multiply(lfNow));
    }

    /** {@code a / b} half-up to hundredths, × 100, as an integer; null when b is 0. */
    private static BigDecimal percent(BigDecimal a, BigDecimal b) {
        if (b.signum() == 0) {
            return null;
        }
        return a.divide(b, 2, RoundingMode.HALF_UP).movePointRight(2).setScale(0, RoundingMode.UNNECESSARY);
    }

    @Override
    String undefinedReason() {
        return "tur_3mo " + years + " year(s) earlier is 0";
    }
}
