package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The mean and population variance of decimals, each rounded to a {@link MathContext}, equal
 * (value and scale) to summing term by term in {@link BigDecimal}: the mean of the sum, and the
 * variance of the sum of the squared deviations from that rounded mean.
 *
 * <p>Why not term by term: the disruption index's 36-month baselines did about a hundred
 * {@code BigDecimal} operations each, a twelfth of a warm backtest. Here the sums of the
 * values and of their squares are taken in {@code long} (exact while they fit), and the sum of the
 * squared deviations follows exactly from them: Σ(x − m)² = Σx² − 2mΣx + nm². Both sides have the
 * same scale (twice the larger of the values' and the mean's), so the rounded variance is the same
 * decimal. Values whose sums would not fit a {@code long} are summed term by term.
 *
 * @param mean the mean, rounded to the context
 * @param variance the population variance, rounded to the context
 */
record Moments(BigDecimal mean, BigDecimal variance) {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** The moments of {@code xs} (at least one value). */
    static Moments of(BigDecimal[] xs, MathContext mc) {
        // BigDecimal.ZERO, where a term-by-term sum starts, has scale 0: the sum's scale is at least that.
        int scale = 0;
        for (BigDecimal x : xs) {
            scale = Math.max(scale, x.scale());
        }
        long sum = 0;
        long squares = 0;
        try {
            for (BigDecimal x : xs) {
                long u = x.unscaledValue().longValueExact();
                for (int s = x.scale(); s < scale; s++) {
                    u = Math.multiplyExact(u, 10L);
                }
                sum = Math.addExact(sum, u);
                squares = Math.addExact(squares, Math.multiplyExact(u, u));
            }
        } catch (ArithmeticException tooLarge) {
            return termByTerm(xs, mc);
        }
        BigDecimal n = BigDecimal.valueOf(xs.length);
        BigDecimal total = BigDecimal.valueOf(sum, scale);
        BigDecimal mean = total.divide(n, mc);
        BigDecimal deviations = BigDecimal.valueOf(squares, 2 * scale)
                .subtract(mean.multiply(total).multiply(TWO))
                .add(mean.multiply(mean).multiply(n));
        return new Moments(mean, deviations.divide(n, mc));
    }

    /** The definition: sums in {@link BigDecimal}, term by term. */
    static Moments termByTerm(BigDecimal[] xs, MathContext mc) {
        BigDecimal n = BigDecimal.valueOf(xs.length);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal x : xs) {
            sum = sum.add(x);
        }
        BigDecimal mean = sum.divide(n, mc);
        BigDecimal deviations = BigDecimal.ZERO;
        for (BigDecimal x : xs) {
            BigDecimal d = x.subtract(mean);
            deviations = deviations.add(d.multiply(d));
        }
        return new Moments(mean, deviations.divide(n, mc));
    }
}
