package org.laborwatch.contract;

import java.util.Locale;

/**
 * Why an input record was refused. Each refused record goes to the dead-letter output with one of
 * these codes and a sentence that names the offending field and value. One reason,
 * {@link #INFLUX_REJECTED}, is about an output line rather than an input record.
 */
public enum RejectReason {
    /**
     * The bytes are not a JSON object: truncated, invalid UTF-8 or JSON, a duplicate key, nesting
     * beyond the reader's limit, content after the object, an array or a scalar.
     */
    MALFORMED_JSON,
    /** A required field is absent or null. */
    MISSING_FIELD,
    /** A field has the wrong JSON type, such as a number given for {@code region}. */
    WRONG_TYPE,
    /**
     * {@code value} is not a decimal number laborwatch can hold: a string, a number too long for
     * the reader, or one with more than 20 decimal places.
     */
    UNPARSABLE_VALUE,
    /** {@code value} is NaN or infinite. */
    NON_FINITE_VALUE,
    /**
     * {@code value} lies outside what its unit allows (a percent below 0 or above 100), or its
     * magnitude is 1e15 or more.
     */
    VALUE_OUT_OF_RANGE,
    /** {@code period} or {@code vintage} is not an existing ISO date (YYYY-MM-DD) in 1800–2199. */
    INVALID_DATE,
    /** {@code period} is not a valid date for the frequency (a monthly period not on the 1st). */
    PERIOD_FREQUENCY_MISMATCH,
    /** {@code frequency} is not one of the known frequencies. */
    UNKNOWN_FREQUENCY,
    /** {@code indicator} is not in the catalogue. */
    UNKNOWN_INDICATOR,
    /** {@code unit} does not match the unit of the indicator. */
    UNIT_MISMATCH,
    /**
     * {@code region}, {@code sector}, {@code adjustment} or {@code source} is not of the documented
     * form; the forms keep InfluxDB tag values free of separators and control characters.
     */
    INVALID_CODE,
    /** The record is larger than the accepted maximum. */
    TOO_LARGE,
    /**
     * {@code region} is of the documented form but not a region laborwatch knows: not in the
     * shipped reference lists (US states and territories, US county FIPS codes) nor added by
     * configuration ({@code --extra-regions}).
     */
    UNKNOWN_REGION,
    /**
     * {@code sector} is of the documented form but not in the shipped code lists (NAICS sectors,
     * SOC major groups and detailed codes, the groups the readers define) nor added by
     * configuration ({@code --extra-sectors}).
     */
    UNKNOWN_SECTOR,
    /** {@code vintage} lies after the time the record is processed, beyond the stated tolerance. */
    FUTURE_VINTAGE,
    /**
     * {@code vintage} precedes the last day of {@code period}: a value cannot be published before
     * its period ends (a month on its last day; weekly and daily periods on their own date).
     */
    VINTAGE_BEFORE_PERIOD_END,
    /**
     * The record's Kafka key is not the key of the series it carries
     * ({@code indicator|region|sector|adjustment}); it would land on another series' partition.
     */
    KEY_MISMATCH,
    /**
     * A valid observation whose period lies before the revisable history kept for its series
     * (history sent after newer data, beyond the source's documented revision window); refused
     * by the series state, since no metric it touches could be recomputed exactly.
     */
    BEYOND_REVISION_HORIZON,
    /**
     * A valid observation with the same series, period and vintage as one already held but
     * another value. Reported by the series state with both values; the larger is held, so the
     * outcome does not depend on arrival order.
     */
    CONFLICTING_DUPLICATE,
    /**
     * A line of line protocol that InfluxDB refused for good (400, 413 or another client error a
     * retry cannot fix, such as a field type conflict): the batch it was in is not written again,
     * so the line goes to the dead-letter output, with the response status and body in the
     * detail, and the job goes on. Origin {@code influx-sink}.
     */
    INFLUX_REJECTED;

    /** The code, made once: asked for every dead letter, it made a new string each time. */
    private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

    /**
     * Whether {@link ObservationValidator} gives this reason (the record alone decides it); the
     * others come from the series state, for observations that are valid on their own.
     */
    public boolean fromValidator() {
        return this != BEYOND_REVISION_HORIZON && this != CONFLICTING_DUPLICATE && this != INFLUX_REJECTED;
    }

    /** The code as written in dead letters, such as {@code missing_field}. */
    public String code() {
        return lowerCaseName;
    }
}
