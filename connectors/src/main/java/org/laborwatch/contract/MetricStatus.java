package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a metric point has a value, or says explicitly that it cannot be computed. */
public enum MetricStatus {
    /** The point has a value. */
    OK,
    /** An input the metric needs is missing (never collected, suppressed, not yet published). */
    UNAVAILABLE;

    /** The lower-case name, made once: asked for every record, it made a new string each time. */
    private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

    @JsonValue
    public String jsonName() {
        return lowerCaseName;
    }
}
