package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.MetricNames;

/**
 * The Sahm rule gap: MA3(t) − min(MA3(t−12) … MA3(t−1)), where MA3 is the three-month mean of the
 * seasonally adjusted monthly unemployment rate (FRED SAHMCURRENT / SAHMREALTIME).
 *
 * <p>The window excludes month t (verified against FRED: 2021-04 = −0.07). Arithmetic is exact:
 * with S the sum of three published rates, gap = (S(t) − min S) / 3, rounded half-up only at the
 * end, so 1957-10 is exactly 0.50 where doubles give 0.4999….
 *
 * <p>The precision follows the source. With p the most decimals any of the 15 rates read carries
 * (BLS, ONS and Statistics Canada print one; the OECD prints most countries to one and some, such
 * as Australia, unrounded to six), the rates are whole multiples of 10^−p, the gap is a multiple
 * of 1/(3·10^p), and it is rounded to max(p, 1) + 1 decimals: two for one-decimal sources, as FRED
 * prints SAHMCURRENT, seven for six-decimal OECD rates. A multiple of 1/(3·10^p) never lies
 * half-way between two numbers of p + 1 decimals, so the rounding never meets a tie and the gap is
 * the exact one at the published precision.
 */
public final class SahmGap implements Metric {

    public static final String NAME = MetricNames.SAHM_GAP;
    static final String INDICATOR = "unemployment_rate";
    static final String ADJUSTMENT = "sa";
    /** Months before t the rule reads: MA3(t−12) starts at t−14. */
    static final int WINDOW = 14;
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.is(INDICATOR, ADJUSTMENT);
    }

    @Override
    public int window(SeriesId series) {
        return WINDOW;
    }

    /** The first point is {@link #WINDOW} months after the series' first month ({@link #compute}). */
    @Override
    public boolean silentWhile(SeriesId series, LocalDate first, LocalDate newest) {
        return newest.isBefore(first.plusMonths(WINDOW));
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate latest = data.latest(series);
        if (latest == null) {
            return List.of();
        }
        LocalDate from = firstOfGapBefore(series, period, data);
        List<Slot> slots = new ArrayList<>();
        for (LocalDate t = from; !t.isAfter(period.plusMonths(WINDOW)) && !t.isAfter(latest); t = t.plusMonths(1)) {
            slots.add(new Slot(series.sector(), t));
        }
        return slots;
    }

    /** A value after a gap also makes the gap months themselves unavailable. */
    private static LocalDate firstOfGapBefore(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate t = period.minusMonths(1);
        LocalDate earliest = data.firstSeen(series);
        while (earliest != null && t.isAfter(earliest) && data.get(series, t) == null) {
            t = t.minusMonths(1);
        }
        return t.plusMonths(1).isBefore(period) ? t.plusMonths(1) : period;
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        SeriesId input = new SeriesId(INDICATOR, sector, ADJUSTMENT);
        LocalDate earliest = data.firstSeen(input);
        LocalDate latest = data.latest(input);
        if (earliest == null || t.isAfter(latest) || t.isBefore(earliest.plusMonths(WINDOW))) {
            return Optional.empty();
        }
        BigDecimal[] rates = new BigDecimal[WINDOW + 1];
        LocalDate vintage = null;
        List<LocalDate> missing = new ArrayList<>();
        for (int i = 0; i <= WINDOW; i++) {
            LocalDate month = t.minusMonths(WINDOW - i);
            SeriesValue v = data.get(input, month);
            if (v == null) {
                missing.add(month);
                continue;
            }
            rates[i] = v.value();
            vintage = vintage == null || v.vintage().isAfter(vintage) ? v.vintage() : vintage;
        }
        if (!missing.isEmpty()) {
            return Optional.of(MetricPoint.unavailable(NAME, INDICATOR, region, sector, Frequency.MONTHLY, t,
                    "unemployment_rate (sa) missing for " + months(missing), vintage));
        }
        BigDecimal[] sums = threeMonthSums(rates);
        BigDecimal minPrior = sums[0];
        for (int k = 1; k < sums.length - 1; k++) {
            minPrior = sums[k].compareTo(minPrior) < 0 ? sums[k] : minPrior;
        }
        BigDecimal current = sums[sums.length - 1];
        BigDecimal gap = current.subtract(minPrior).divide(THREE, gapScale(rates), RoundingMode.HALF_UP);
        return Optional.of(MetricPoint.ok(NAME, INDICATOR, region, sector, Frequency.MONTHLY, t, gap, vintage));
    }

    /**
     * The three-month sums of a 15-month window ({@code rates[i]} is month t−14+i): the sums ending
     * in each of the 12 months before t, oldest first, then the sum ending in t. Sums rather than
     * averages, so the comparison stays exact and one division rounds the gap.
     */
    static BigDecimal[] threeMonthSums(BigDecimal[] rates) {
        BigDecimal[] sums = new BigDecimal[rates.length - 2];
        for (int k = 2; k < rates.length; k++) {
            sums[k - 2] = rates[k - 2].add(rates[k - 1]).add(rates[k]);
        }
        return sums;
    }

    /** max(p, 1) + 1, with p the most decimals a rate in the window carries (trailing zeros do not count). */
    static int gapScale(BigDecimal[] rates) {
        int p = 1;
        for (BigDecimal r : rates) {
            p = Math.max(p, r.stripTrailingZeros().scale());
        }
        return p + 1;
    }

    private static String months(List<LocalDate> months) {
        List<String> s = new ArrayList<>();
        months.forEach(m -> s.add(m.toString().substring(0, 7)));
        return String.join(", ", s);
    }
}
