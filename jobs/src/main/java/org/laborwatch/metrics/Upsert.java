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
    /**
     * Older than the revisable history kept for the series ({@link RevisionHorizon}), so no
     * metric it touches could be recomputed exactly: refused, with a reason.
     */
    TOO_OLD,
    /**
     * The same vintage with another value, and the larger value was already held: kept, and the
     * conflict reported. Larger wins so the outcome does not depend on arrival order.
     */
    CONFLICT_KEPT,
    /** The same vintage with a larger value than the one held: replaced, and the conflict reported. */
    CONFLICT_REPLACED;

    /** Whether the stored data changed, so dependent metrics must be recomputed. */
    public boolean changedData() {
        return this == NEW || this == REVISED || this == CONFLICT_REPLACED;
    }

    /** Whether the observation was refused or conflicts, which the job reports with a reason. */
    public boolean reported() {
        return this == TOO_OLD || this == CONFLICT_KEPT || this == CONFLICT_REPLACED;
    }
}
