package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.MetricNames;

/**
 * The EB look-back: the 13-week IUR as a percentage of the average 13-week IUR of the
 * corresponding weeks in the two prior years (20 CFR 615.12(b)).
 *
 * <p>When the state reported that average on its ETA 539 ({@code ar}, indicator
 * {@code iur_prior_2yr_avg}) it is used, as DOL does; otherwise the series' own history of
 * {@code iur_13wk} gives it. The ratio is computed to four decimal places and not otherwise
 * rounded, so the percentage has two decimals, truncated.
 *
 * <p>{@link #asPrinted()} divides the IUR as DOL prints it on the trigger notice, truncated to two
 * decimals: the notice's integer percentage is that ratio's, truncated (notice 2020-52: Alaska
 * 6.37 / 2.635 → 241, where 6.3794 / 2.635 gives 242: on notice 2020-52 the four-decimal IUR gives the
 * printed percentage in 26 of 53 rows, the two-decimal one in 48, the other 5 being reports revised since).
 */
public final class IurLookback implements Metric {

    public static final String NAME = MetricNames.IUR_LOOKBACK_PCT;
    static final String REPORTED = "iur_prior_2yr_avg";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);
    private static final int RATE_SCALE = 4;

    /** Decimals of the IUR the ratio divides: 4 (the metric) or 2 ({@link #asPrinted()}). */
    private final int iurScale;

    /** The metric: the IUR to four decimals over the prior years' average. */
    public IurLookback() {
        this(RATE_SCALE);
    }

    private IurLookback(int iurScale) {
        this.iurScale = iurScale;
    }

    /** The look-back as DOL's trigger notice computes it: the printed two-decimal IUR over the prior years' average. */
    public static IurLookback asPrinted() {
        return new IurLookback(2);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.is(REPORTED, InsuredUnemploymentRate.NSA)
                || series.is(InsuredUnemploymentRate.AVERAGE, InsuredUnemploymentRate.NSA)
                || series.is(InsuredUnemploymentRate.COVERED, InsuredUnemploymentRate.NSA);
    }

    @Override
    public int window(SeriesId series) {
        return series.indicator().equals(REPORTED) ? 1 : 2 * 53 + 1;
    }

    @Override
    public java.util.Set<SeriesId> partners(SeriesId series) {
        java.util.Set<SeriesId> all = new java.util.HashSet<>(java.util.Set.of(
                new SeriesId(REPORTED, series.sector(), InsuredUnemploymentRate.NSA),
                new SeriesId(InsuredUnemploymentRate.AVERAGE, series.sector(), InsuredUnemploymentRate.NSA),
                new SeriesId(InsuredUnemploymentRate.COVERED, series.sector(), InsuredUnemploymentRate.NSA)));
        all.remove(series);
        return all;
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        if (series.indicator().equals(REPORTED)) {
            return List.of(new Slot(series.sector(), period));
        }
        // A prior-year rate is the denominator of the corresponding weeks one and two years on.
        return List.of(new Slot(series.sector(), period), new Slot(series.sector(), UiWeeks.corresponding(period, -1)),
                new Slot(series.sector(), UiWeeks.corresponding(period, -2)));
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        Optional<MetricPoint> current = InsuredUnemploymentRate.compute(NAME, data, region, sector, t);
        if (current.isEmpty() || !current.get().isAvailable()) {
            return current;
        }
        BigDecimal iur = current.get().value().setScale(iurScale, RoundingMode.DOWN);
        LocalDate vintage = current.get().vintage();
        SeriesId reportedId = new SeriesId(REPORTED, sector, InsuredUnemploymentRate.NSA);
        SeriesValue reported = data.get(reportedId, t);
        BigDecimal base;
        if (reported != null) {
            base = reported.value();
            vintage = Vintages.newest(vintage, reported.vintage());
        } else {
            Optional<MetricPoint> y1 = InsuredUnemploymentRate.compute(NAME, data, region, sector, UiWeeks.corresponding(t, 1));
            Optional<MetricPoint> y2 = InsuredUnemploymentRate.compute(NAME, data, region, sector, UiWeeks.corresponding(t, 2));
            if (y1.isEmpty() || y2.isEmpty() || !y1.get().isAvailable() || !y2.get().isAvailable()) {
                LocalDate latestReported = data.latest(reportedId);
                if (latestReported == null || !latestReported.isAfter(t)) {
                    // The reported average may still arrive (with this week's row, or as a series
                    // that lags): only a gap in it is a missing value.
                    return Optional.empty();
                }
                return Optional.of(MetricPoint.unavailable(NAME, InsuredUnemploymentRate.AVERAGE, region, sector,
                        Frequency.WEEKLY, t, "no reported prior-years IUR and no 13-week IUR for the corresponding weeks "
                                + UiWeeks.corresponding(t, 1) + " and " + UiWeeks.corresponding(t, 2), vintage));
            }
            base = y1.get().value().setScale(iurScale, RoundingMode.DOWN)
                    .add(y2.get().value().setScale(iurScale, RoundingMode.DOWN)).divide(TWO);
            vintage = Vintages.newest(vintage, Vintages.newest(y1.get().vintage(), y2.get().vintage()));
        }
        if (base.signum() == 0) {
            return Optional.of(MetricPoint.unavailable(NAME, InsuredUnemploymentRate.AVERAGE, region, sector,
                    Frequency.WEEKLY, t, "prior-years IUR is 0", vintage));
        }
        BigDecimal ratio = iur.divide(base, 4, RoundingMode.DOWN);
        return Optional.of(MetricPoint.ok(NAME, InsuredUnemploymentRate.AVERAGE, region, sector,
                Frequency.WEEKLY, t, ratio.multiply(HUNDRED).setScale(2), vintage));
    }
}
