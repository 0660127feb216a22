package org.laborwatch.readers;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Indicator;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * Everything about a published series except its values: what a reader stamps on each observation.
 *
 * <p>The indicator must be in the {@link Indicator} catalogue with this unit, checked on
 * construction, so a mapping typo fails when the table is built instead of producing observations
 * that the validator would later refuse.
 *
 * @param indicator catalogue indicator name
 * @param region region code, {@code US} or {@code US-CA}
 * @param sector sector code, {@code all} or a named group such as {@code ces:total-private}
 * @param adjustment {@code sa} or {@code nsa}
 * @param frequency publication frequency; every period must fit it
 * @param unit unit of the values
 * @param source publisher code, such as {@code bls.cps}
 */
public record SeriesSpec(String indicator, String region, String sector, String adjustment,
        Frequency frequency, Unit unit, String source) {

    public SeriesSpec {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(source, "source");
        Indicator known = Indicator.byName(indicator)
                .orElseThrow(() -> new IllegalArgumentException("indicator not in the catalogue: " + indicator));
        if (known.unit() != unit) {
            throw new IllegalArgumentException(indicator + " is in " + known.unit().jsonName() + ", not " + unit);
        }
        if (!"sa".equals(adjustment) && !"nsa".equals(adjustment)) {
            throw new IllegalArgumentException("adjustment must be sa or nsa: " + adjustment);
        }
    }

    /** The same series for another region (state files build one spec per state from a template). */
    SeriesSpec inRegion(String otherRegion) {
        return new SeriesSpec(indicator, otherRegion, sector, adjustment, frequency, unit, source);
    }

    /**
     * An observation of this series, checked so that a held {@link Observation} is always valid.
     *
     * @param rows where the value was read, for the error message
     * @param name how to call the series in messages (the column or series id)
     */
    Observation observe(CsvRows rows, String name, LocalDate period, BigDecimal value, LocalDate vintage)
            throws ReaderException {
        if (!frequency.fits(period)) {
            throw rows.error(name + ": period " + period + " is not " + periodRule() + " as "
                    + frequency.jsonName() + " data need");
        }
        if (period.isAfter(vintage)) {
            throw rows.error(name + ": period " + period + " is after the vintage " + vintage
                    + "; the vintage must be when the data were published");
        }
        if (!unit.admits(value)) {
            throw rows.error(name + ": " + value.toPlainString() + " is outside " + unit.range() + " for "
                    + unit.jsonName());
        }
        return new Observation(indicator, region, sector, adjustment, frequency, period, value,
                unit.jsonName(), source, vintage);
    }

    private String periodRule() {
        return switch (frequency) {
            case DAILY -> "a day";
            case WEEKLY, BIWEEKLY -> "a week-ending Saturday";
            case MONTHLY -> "the first day of a month";
            case QUARTERLY -> "the first day of a quarter";
            case ANNUAL -> "January 1";
        };
    }
}
