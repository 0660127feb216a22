package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One published value of one series for one period: the input contract (DESIGN.md, "Observation").
 *
 * <p>Values are {@link BigDecimal} because agencies publish decimals (a rate of 5.2 is exactly
 * 5.2) and the trigger rules compare them exactly. Instances are only made by readers and by
 * {@link ObservationValidator}, so a held instance is always valid.
 *
 * @param indicator an indicator of the {@link Indicator} catalogue
 * @param region {@code US}, an ISO 3166-2 subdivision such as {@code US-CA}, or a county {@code US-CA-06037}
 * @param sector {@code all}, {@code naics:72}, {@code soc:15-1252} or a named group
 * @param adjustment {@code sa} (seasonally adjusted) or {@code nsa}
 * @param frequency how often the series is published
 * @param period the period start (week-ending Saturday for weekly data)
 * @param value the published value
 * @param unit the unit of the value
 * @param source who published it, such as {@code bls.laus} or {@code dol.eta539}
 * @param vintage the publication date; a newer vintage of the same series and period is a revision
 */
@JsonPropertyOrder({"indicator", "region", "sector", "adjustment", "frequency", "period", "value", "unit", "source", "vintage"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Observation(
        String indicator,
        String region,
        String sector,
        String adjustment,
        Frequency frequency,
        LocalDate period,
        BigDecimal value,
        String unit,
        String source,
        LocalDate vintage) {

    public Observation {
        Objects.requireNonNull(indicator, "indicator");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(adjustment, "adjustment");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(vintage, "vintage");
    }

    /** The series this observation belongs to. */
    public SeriesKey series() {
        return new SeriesKey(indicator, region, sector, adjustment);
    }
}
