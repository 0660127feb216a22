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
 * The 13-week insured unemployment rate of the EB trigger: {@code at / ce × 100} from ETA 539,
 * "computed to four decimal places and not otherwise rounded" (20 CFR 615.12): the digits after
 * the fourth are dropped, not rounded.
 */
public final class InsuredUnemploymentRate implements Metric {

    public static final String NAME = MetricNames.IUR_13WK;
    static final String AVERAGE = "insured_unemployed_13wk_avg";
    static final String COVERED = "covered_employment";
    static final String NSA = "nsa";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return series.is(AVERAGE, NSA) || series.is(COVERED, NSA);
    }

    @Override
    public int window(SeriesId series) {
        // The look-back metric reads this rate for the corresponding weeks two years back.
        return 2 * 53 + 1;
    }

    @Override
    public java.util.Set<SeriesId> partners(SeriesId series) {
        return java.util.Set.of(new SeriesId(series.is(AVERAGE, NSA) ? COVERED : AVERAGE, series.sector(), NSA));
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        return List.of(new Slot(series.sector(), period));
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        return compute(NAME, data, region, sector, t);
    }

    static Optional<MetricPoint> compute(String name, RegionSeries data, String region, String sector, LocalDate t) {
        SeriesId averageId = new SeriesId(AVERAGE, sector, NSA);
        SeriesId coveredId = new SeriesId(COVERED, sector, NSA);
        SeriesValue at = data.get(averageId, t);
        SeriesValue ce = data.get(coveredId, t);
        if (at != null && ce != null) {
            if (ce.value().signum() == 0) {
                return Optional.of(MetricPoint.unavailable(name, AVERAGE, region, sector, Frequency.WEEKLY, t,
                        "covered_employment is 0", Vintages.newest(at.vintage(), ce.vintage())));
            }
            BigDecimal iur = at.value().multiply(HUNDRED).divide(ce.value(), 4, RoundingMode.DOWN);
            return Optional.of(MetricPoint.ok(name, AVERAGE, region, sector, Frequency.WEEKLY, t, iur,
                    Vintages.newest(at.vintage(), ce.vintage())));
        }
        SeriesId missingId = at == null ? averageId : coveredId;
        String missing = missingId.indicator();
        LocalDate latestOfMissing = data.latest(missingId);
        boolean hole = (at != null || ce != null) && latestOfMissing != null && latestOfMissing.isAfter(t);
        if (!hole) {
            return Optional.empty();
        }
        return Optional.of(MetricPoint.unavailable(name, AVERAGE, region, sector, Frequency.WEEKLY, t,
                missing + " missing for " + t, (at != null ? at : ce).vintage()));
    }
}
