package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a metric point has a value, or says explicitly that it cannot be computed. */
public enum MetricStatus {
    /** The point has a value. */
    OK,
    /** An input the metric needs is missing (never collected, suppressed, not yet published). */
    UNAVAILABLE;

    @JsonValue
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
