package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One value of one metric for one region, sector and period (DESIGN.md, "Metrics").
 *
 * <p>A point is either {@link MetricStatus#OK} with a value at the metric's documented precision,
 * or {@link MetricStatus#UNAVAILABLE} with no value and a reason: missing data is said, never
 * interpolated. The vintage is that of the newest input, so a revision can be told from new data.
 *
 * @param metric metric name, such as {@code sahm_gap}
 * @param indicator the input indicator the metric is computed from, or the main one for a composite
 * @param region region code
 * @param sector sector code
 * @param frequency the frequency of the metric's periods
 * @param period period start
 * @param value the value, or {@code null} when unavailable
 * @param status ok or unavailable
 * @param reason why it is unavailable, or {@code null}
 * @param vintage vintage of the newest input that went into the value
 */
@JsonPropertyOrder({"metric", "indicator", "region", "sector", "frequency", "period", "value", "status", "reason", "vintage"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MetricPoint(
        String metric,
        String indicator,
        String region,
        String sector,
        Frequency frequency,
        LocalDate period,
        BigDecimal value,
        MetricStatus status,
        String reason,
        LocalDate vintage) {

    public MetricPoint {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        if ((status == MetricStatus.OK) != (value != null)) {
            throw new IllegalArgumentException("an ok point has a value, an unavailable one has none: " + status + " " + value);
        }
    }

    /** A point with a value. */
    public static MetricPoint ok(String metric, String indicator, String region, String sector,
            Frequency frequency, LocalDate period, BigDecimal value, LocalDate vintage) {
        return new MetricPoint(metric, indicator, region, sector, frequency, period, value, MetricStatus.OK, null, vintage);
    }

    /** A point that says the metric cannot be computed for this period, and why. */
    public static MetricPoint unavailable(String metric, String indicator, String region, String sector,
            Frequency frequency, LocalDate period, String reason, LocalDate vintage) {
        return new MetricPoint(metric, indicator, region, sector, frequency, period, null, MetricStatus.UNAVAILABLE, reason, vintage);
    }

    public boolean isAvailable() {
        return status == MetricStatus.OK;
    }
}
