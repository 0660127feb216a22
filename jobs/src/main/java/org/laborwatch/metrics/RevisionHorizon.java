package org.laborwatch.metrics;

import org.laborwatch.contract.Frequency;

/**
 * How far back a revision is still applied. BLS revises seasonally adjusted CPS data five years
 * back each January, but a trigger only acts on recent periods, so laborwatch keeps two years of
 * revisable history per series (plus each metric's window); an older revision is refused as
 * {@link Upsert#TOO_OLD} and counted, which bounds state however long the job runs.
 */
public final class RevisionHorizon {

    private RevisionHorizon() {}

    /** Revisable periods for a series of this frequency. */
    public static int periods(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> 2 * 366;
            case WEEKLY -> 2 * 53;
            case BIWEEKLY -> 2 * 27;
            case MONTHLY -> 24;
            case QUARTERLY -> 8;
            case ANNUAL -> 2;
        };
    }
}
