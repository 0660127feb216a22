package org.laborwatch.metrics;

/** What storing an observation did. */
public enum Upsert {
    /** A period seen for the first time. */
    NEW,
    /** A newer vintage replaced the stored value. */
    REVISED,
    /** The same vintage again, or a newer one with the same value: nothing to recompute. */
    UNCHANGED,
    /** An older vintage than the stored one: ignored, the newer publication stands. */
    STALE,
    /** Older than the history kept for the series, so no metric can use it. */
    TOO_OLD
}
