package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.MetricNames;

/**
 * The vacancy gap, the vacancy half of Michaillat and Saez's recession rule ("Has the Recession
 * Started?", 2024; the "Michez rule" {@code min(u, v) >= 0.29}): max(MA3(t−12) … MA3(t−1)) − MA3(t)
 * of the job-openings rate, the mirror of the Sahm gap (which measures a rise of unemployment, this
 * a fall of vacancies).
 *
 * <p>The rate is BLS JOLTS's job-openings rate, 100 × openings / (payroll employment + openings)
 * (JTSJOL and PAYEMS, both SA), rounded half-up to one decimal as BLS publishes it (JTSJOR).
 * Michaillat and Saez divide by the labour force instead, which the bundled national file lacks;
 * the two denominators differ by under 2 % in level (about 166 vs 168 million in 2019), so the gap is
 * close to theirs but not theirs. With one-decimal rates, the gap is (max S − S(t)) / 3 with S a
 * sum of three rates, rounded half-up to two decimals like the Sahm gap, and never meets a tie.
 */
public final class VacancyGap implements Metric {

    public static final String NAME = MetricNames.VACANCY_GAP;
    static final String OPENINGS = "job_openings";
    static final String EMPLOYMENT = "payroll_employment";
    static final String ADJUSTMENT = "sa";
    /** Months before t the rule reads: MA3(t−12) starts at t−14. */
    static final int WINDOW = 14;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal THREE = BigDecimal.valueOf(3);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.is(OPENINGS, ADJUSTMENT) || series.is(EMPLOYMENT, ADJUSTMENT);
    }

    @Override
    public int window(SeriesId series) {
        return WINDOW;
    }

    @Override
    public Set<SeriesId> partners(SeriesId series) {
        return Set.of(new SeriesId(series.is(OPENINGS, ADJUSTMENT) ? EMPLOYMENT : OPENINGS, series.sector(), ADJUSTMENT));
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        LocalDate latest = data.latest(series);
        List<Slot> slots = new ArrayList<>();
        for (LocalDate t = period; latest != null && !t.isAfter(period.plusMonths(WINDOW)) && !t.isAfter(latest);
                t = t.plusMonths(1)) {
            slots.add(new Slot(series.sector(), t));
        }
        return slots;
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        SeriesId openings = new SeriesId(OPENINGS, sector, ADJUSTMENT);
        SeriesId employment = new SeriesId(EMPLOYMENT, sector, ADJUSTMENT);
        LocalDate first = data.firstSeen(openings);
        LocalDate latestOpenings = data.latest(openings);
        LocalDate latestEmployment = data.latest(employment);
        if (first == null || latestEmployment == null || t.isAfter(latestOpenings) || t.isAfter(latestEmployment)
                || t.isBefore(first.plusMonths(WINDOW))) {
            return Optional.empty();
        }
        BigDecimal[] rates = new BigDecimal[WINDOW + 1];
        LocalDate vintage = null;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i <= WINDOW; i++) {
            LocalDate month = t.minusMonths(WINDOW - i);
            SeriesValue jo = data.get(openings, month);
            SeriesValue e = data.get(employment, month);
            if (jo == null || e == null) {
                missing.add((jo == null ? OPENINGS : EMPLOYMENT) + " " + month.toString().substring(0, 7));
                continue;
            }
            BigDecimal denominator = e.value().add(jo.value());
            if (denominator.signum() == 0) {
                missing.add("a zero denominator in " + month.toString().substring(0, 7));
                continue;
            }
            rates[i] = jo.value().multiply(HUNDRED).divide(denominator, 1, RoundingMode.HALF_UP);
            vintage = Vintages.newest(vintage, Vintages.newest(jo.vintage(), e.vintage()));
        }
        if (!missing.isEmpty()) {
            return Optional.of(MetricPoint.unavailable(NAME, OPENINGS, region, sector, Frequency.MONTHLY, t,
                    "job-openings rate missing: " + String.join(", ", missing), vintage));
        }
        // The mirror of the Sahm gap: the highest prior three-month level minus the current one.
        BigDecimal[] sums = SahmGap.threeMonthSums(rates);
        BigDecimal maxPrior = sums[0];
        for (int k = 1; k < sums.length - 1; k++) {
            maxPrior = sums[k].compareTo(maxPrior) > 0 ? sums[k] : maxPrior;
        }
        BigDecimal current = sums[sums.length - 1];
        BigDecimal gap = maxPrior.subtract(current).divide(THREE, 2, RoundingMode.HALF_UP);
        return Optional.of(MetricPoint.ok(NAME, OPENINGS, region, sector, Frequency.MONTHLY, t, gap, vintage));
    }
}
