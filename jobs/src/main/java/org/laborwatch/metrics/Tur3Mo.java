package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.laborwatch.policy.MetricNames;

/**
 * {@code tur_3mo}: the 3-month seasonally adjusted total unemployment rate of the EB trigger,
 * months t−2 … t.
 *
 * <p>From levels (20 CFR 615.2, the "trigger value"): {@code 100 × (U1+U2+U3) / (LF1+LF2+LF3)},
 * rounded half-up to one decimal, as DOL prints it on its trigger notices and compares it with the
 * 6.5 and 8.0 thresholds. Point indicator {@value TurMetric#LEVELS}.
 *
 * <p>Fallback where the region has rates only (see {@link TurMetric}): the mean of the three
 * published rates, point indicator {@code unemployment_rate}, kept at two decimals as before.
 * Exact: the sum of three published rates is a multiple of 0.1, so the mean is a multiple of 1/30
 * and rounding it half-up to two decimals never carries it across a one-decimal threshold (6.5,
 * 8.0): mean ≥ 6.5 exactly when the rounded value is ≥ 6.50. No tie occurs (k/30 never ends in 5
 * at the third decimal). The mean of rounded rates is not DOL's figure: near a threshold it can
 * differ from the notice.
 */
public final class Tur3Mo extends TurMetric {

    private static final long serialVersionUID = 1L;
    public static final String NAME = MetricNames.TUR_3MO;
    static final String INDICATOR = "unemployment_rate";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public Tur3Mo() {
        super(NAME, 0, 1, 2);
    }

    /**
     * The newest month whose levels (both unemployed and labor force, seasonally adjusted) the
     * region holds in {@code sector}, or null when it has no levels: the last month a TUR from
     * levels can end on.
     */
    public static LocalDate latestLevelsMonth(RegionSeries data, String sector) {
        LocalDate u = data.latest(new SeriesId(UNEMPLOYED, sector, "sa"));
        LocalDate lf = data.latest(new SeriesId(LABOR_FORCE, sector, "sa"));
        return u == null || lf == null ? null : u.isBefore(lf) ? u : lf;
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return sum(v, 0, 3).divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
    }

    @Override
    BigDecimal evaluateLevels(BigDecimal[] unemployed, BigDecimal[] laborForce) {
        BigDecimal lf = sum(laborForce, 0, 3);
        if (lf.signum() == 0) {
            return null;
        }
        return rate(sum(unemployed, 0, 3), lf, 1);
    }

    /** {@code 100 × u / lf} rounded half-up to {@code scale} decimals, from the exact quotient. */
    static BigDecimal rate(BigDecimal u, BigDecimal lf, int scale) {
        return u.multiply(HUNDRED).divide(lf, scale, RoundingMode.HALF_UP);
    }

    @Override
    String undefinedReason() {
        return "the labor force is 0";
    }
}
