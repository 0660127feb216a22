package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;

/**
 * The 13-week insured unemployment rate of the EB trigger: {@code at / ce × 100} from ETA 539,
 * "computed to four decimal places and not otherwise rounded" (20 CFR 615.12): the digits after
 * the fourth are dropped, not rounded.
 */
public final class InsuredUnemploymentRate implements Metric {

    public static final String NAME = "iur_13wk";
    static final SeriesId AVERAGE = new SeriesId("insured_unemployed_13wk_avg", "nsa");
    static final SeriesId COVERED = new SeriesId("covered_employment", "nsa");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return AVERAGE.equals(series) || COVERED.equals(series);
    }

    @Override
    public int window(SeriesId series) {
        // The look-back metric reads this rate for the corresponding weeks two years back.
        return 2 * 53 + 1;
    }

    @Override
    public Collection<LocalDate> affected(SeriesId series, LocalDate period, RegionSeries data) {
        return List.of(period);
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        return compute(NAME, data, region, sector, t);
    }

    static Optional<MetricPoint> compute(String name, RegionSeries data, String region, String sector, LocalDate t) {
        SeriesValue at = data.get(AVERAGE.indicator(), AVERAGE.adjustment(), t);
        SeriesValue ce = data.get(COVERED.indicator(), COVERED.adjustment(), t);
        if (at != null && ce != null) {
            if (ce.value().signum() == 0) {
                return Optional.of(MetricPoint.unavailable(name, AVERAGE.indicator(), region, sector, Frequency.WEEKLY, t,
                        "covered_employment is 0", Vintages.newest(at.vintage(), ce.vintage())));
            }
            BigDecimal iur = at.value().multiply(HUNDRED).divide(ce.value(), 4, RoundingMode.DOWN);
            return Optional.of(MetricPoint.ok(name, AVERAGE.indicator(), region, sector, Frequency.WEEKLY, t, iur,
                    Vintages.newest(at.vintage(), ce.vintage())));
        }
        String missing = at == null ? AVERAGE.indicator() : COVERED.indicator();
        SeriesId missingId = at == null ? AVERAGE : COVERED;
        LocalDate latestOfMissing = data.latest(missingId.indicator(), missingId.adjustment());
        boolean hole = (at != null || ce != null) && latestOfMissing != null && latestOfMissing.isAfter(t);
        if (!hole) {
            return Optional.empty();
        }
        return Optional.of(MetricPoint.unavailable(name, AVERAGE.indicator(), region, sector, Frequency.WEEKLY, t,
                missing + " missing for " + t, (at != null ? at : ce).vintage()));
    }
}
