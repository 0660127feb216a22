package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.laborwatch.contract.MetricPoint;

/**
 * What the TUR metrics ({@code tur_3mo} and its look-backs) share: the EB "trigger value" of
 * 20 CFR 615.2, the 3-month sum of unemployed over the 3-month sum of the labor force, computed
 * from levels wherever the region has them, and the mean of the published rates only where it
 * has rates alone.
 *
 * <p>A region "has levels" once it holds both a seasonally adjusted {@code unemployed} and a
 * {@code labor_force} series (readers {@code bls-state-release}, {@code laus-levels}); from then on
 * every point is computed from levels, and a month missing from them is unavailable rather than
 * filled from rates, so one metric series never mixes methods. The method is the point's
 * indicator: {@value #LEVELS} for levels, {@code unemployment_rate} for the fallback (two values,
 * so the InfluxDB tag stays bounded). Points computed from rates before the levels arrived stay
 * under their own indicator; they are not withdrawn.
 */
abstract class TurMetric extends LaggedMetric {

    private static final long serialVersionUID = 1L;

    /** The point indicator of a TUR computed from levels. */
    static final String LEVELS = "unemployed/labor_force";
    static final String UNEMPLOYED = "unemployed";
    static final String LABOR_FORCE = "labor_force";
    private static final String SA = "sa";

    TurMetric(String name, int... lags) {
        super(name, Tur3Mo.INDICATOR, List.of(SA), org.laborwatch.contract.Frequency.MONTHLY,
                org.laborwatch.contract.Frequency.MONTHLY, lags);
    }

    /**
     * The metric from the levels at each lag (constructor order), unemployed and labor force in
     * the same unit, or null when undefined for these values.
     */
    abstract BigDecimal evaluateLevels(BigDecimal[] unemployed, BigDecimal[] laborForce);

    @Override
    public boolean dependsOn(SeriesId series) {
        return super.dependsOn(series) || series.is(UNEMPLOYED, SA) || series.is(LABOR_FORCE, SA);
    }

    /** Unemployed and labor force are read together, month by month. */
    @Override
    public Set<SeriesId> partners(SeriesId series) {
        if (series.is(UNEMPLOYED, SA)) {
            return Set.of(new SeriesId(LABOR_FORCE, series.sector(), SA));
        }
        if (series.is(LABOR_FORCE, SA)) {
            return Set.of(new SeriesId(UNEMPLOYED, series.sector(), SA));
        }
        return Set.of();
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate t) {
        SeriesId u = new SeriesId(UNEMPLOYED, sector, SA);
        SeriesId lf = new SeriesId(LABOR_FORCE, sector, SA);
        if (data.latest(u) == null || data.latest(lf) == null) {
            return super.compute(data, region, sector, t);
        }
        return fromLevels(data, region, sector, t, u, lf);
    }

    private Optional<MetricPoint> fromLevels(RegionSeries data, String region, String sector, LocalDate t,
            SeriesId u, SeriesId lf) {
        LocalDate latest = earlier(data.latest(u), data.latest(lf));
        LocalDate earliest = later(data.firstSeen(u), data.firstSeen(lf));
        // Nothing while the newest month is still arriving (one level without the other) or before history.
        if (!frequency().fits(t) || t.isAfter(latest) || frequency().plus(t, -maxLag()).isBefore(earliest)) {
            return Optional.empty();
        }
        int[] lags = lags();
        BigDecimal[] unemployed = new BigDecimal[lags.length];
        BigDecimal[] laborForce = new BigDecimal[lags.length];
        LocalDate vintage = null;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < lags.length; i++) {
            LocalDate p = frequency().plus(t, -lags[i]);
            SeriesValue vu = data.get(u, p);
            SeriesValue vlf = data.get(lf, p);
            if (vu == null) {
                missing.add("unemployed (sa) " + p.toString().substring(0, 7));
            }
            if (vlf == null) {
                missing.add("labor_force (sa) " + p.toString().substring(0, 7));
            }
            if (vu == null || vlf == null) {
                continue;
            }
            unemployed[i] = vu.value();
            laborForce[i] = vlf.value();
            vintage = Vintages.newest(Vintages.newest(vintage, vu.vintage()), vlf.vintage());
        }
        if (!missing.isEmpty()) {
            return Optional.of(MetricPoint.unavailable(name(), LEVELS, region, sector, outputFrequency(), t,
                    "missing " + String.join(", ", missing), vintage));
        }
        BigDecimal value = evaluateLevels(unemployed, laborForce);
        if (value == null) {
            return Optional.of(MetricPoint.unavailable(name(), LEVELS, region, sector, outputFrequency(), t,
                    undefinedReason(), vintage));
        }
        return Optional.of(MetricPoint.ok(name(), LEVELS, region, sector, outputFrequency(), t, value, vintage));
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
