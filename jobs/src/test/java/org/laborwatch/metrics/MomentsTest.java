package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Moments#of} gives the same decimals as the term-by-term definition, value and scale
 * ({@link BigDecimal#equals}), so the disruption index's baselines, and every index value and
 * golden output derived from them, are unchanged.
 */
class MomentsTest {

    private static final MathContext MC = MathContext.DECIMAL64;

    @Test
    void equalsTheTermByTermSumsForDecimalsOfMixedScales() {
        Random random = new Random(36);
        for (int run = 0; run < 20_000; run++) {
            BigDecimal[] xs = new BigDecimal[2 + random.nextInt(40)];
            for (int i = 0; i < xs.length; i++) {
                // Rates, percent changes and z-like values: signed, scales -2 to 6, sometimes all equal.
                long unscaled = run % 50 == 0 ? 1234 : random.nextLong() % 10_000_000L;
                xs[i] = BigDecimal.valueOf(unscaled, random.nextInt(9) - 2);
            }
            assertEquals(Moments.termByTerm(xs, MC), Moments.of(xs, MC), () -> java.util.Arrays.toString(xs));
        }
    }

    @Test
    void valuesTooLargeForLongSumsAreSummedTermByTerm() {
        BigDecimal[] xs = {new BigDecimal("98765432109876543210.5"), new BigDecimal("-3.25"), new BigDecimal("4000000000.125")};
        assertEquals(Moments.termByTerm(xs, MC), Moments.of(xs, MC));
        BigDecimal[] squares = {BigDecimal.valueOf(4_000_000_000L), BigDecimal.valueOf(3_999_999_999L)};
        assertEquals(Moments.termByTerm(squares, MC), Moments.of(squares, MC), "squares past a long");
    }

    @Test
    void aConstantSeriesHasVarianceZero() {
        BigDecimal[] xs = {new BigDecimal("4.10"), new BigDecimal("4.1"), new BigDecimal("4.100")};
        assertEquals(0, Moments.of(xs, MC).variance().signum());
        assertEquals(Moments.termByTerm(xs, MC), Moments.of(xs, MC));
    }
}
