package org.laborwatch.contract;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What an operator may tune in observation validation; plain values, so a job can carry them to
 * its operators. The clock is not here: the job gives the system clock, tests a fixed one.
 *
 * @param maxBytes records larger than this are refused unread ({@code too_large})
 * @param deadLetterOriginalCap a dead letter keeps at most this many bytes of its record
 * @param futureVintageTolerance how far after the processing time a vintage may lie (time zones,
 *     a producer's clock, a release stamped with the next day)
 * @param extraRegions regions known in addition to the shipped lists (other countries, counties)
 * @param extraSectors sectors known in addition to the shipped lists (new groups)
 */
public record ValidationRules(int maxBytes, int deadLetterOriginalCap, Duration futureVintageTolerance,
        List<String> extraRegions, List<String> extraSectors) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default tolerance for a vintage after the processing time: two days. */
    public static final Duration DEFAULT_FUTURE_VINTAGE_TOLERANCE = Duration.ofDays(2);

    public ValidationRules {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
        }
        if (deadLetterOriginalCap < 0) {
            throw new IllegalArgumentException("the dead-letter cap must not be negative: " + deadLetterOriginalCap);
        }
        Objects.requireNonNull(futureVintageTolerance, "futureVintageTolerance");
        if (futureVintageTolerance.isNegative()) {
            throw new IllegalArgumentException("the future-vintage tolerance must not be negative: "
                    + futureVintageTolerance);
        }
        extraRegions = List.copyOf(extraRegions);
        extraSectors = List.copyOf(extraSectors);
    }

    /** 64 KiB records, 256 KiB of a record in a dead letter, two days of tolerance, no extra codes. */
    public static ValidationRules defaults() {
        return new ValidationRules(ObservationValidator.DEFAULT_MAX_BYTES, DeadLetter.DEFAULT_ORIGINAL_CAP,
                DEFAULT_FUTURE_VINTAGE_TOLERANCE, List.of(), List.of());
    }

    public ValidationRules withMaxBytes(int bytes) {
        return new ValidationRules(bytes, deadLetterOriginalCap, futureVintageTolerance, extraRegions, extraSectors);
    }

    public ValidationRules withDeadLetterOriginalCap(int bytes) {
        return new ValidationRules(maxBytes, bytes, futureVintageTolerance, extraRegions, extraSectors);
    }

    public ValidationRules withFutureVintageTolerance(Duration tolerance) {
        return new ValidationRules(maxBytes, deadLetterOriginalCap, tolerance, extraRegions, extraSectors);
    }

    public ValidationRules withExtraRegions(List<String> regions) {
        return new ValidationRules(maxBytes, deadLetterOriginalCap, futureVintageTolerance, regions, extraSectors);
    }

    public ValidationRules withExtraSectors(List<String> sectors) {
        return new ValidationRules(maxBytes, deadLetterOriginalCap, futureVintageTolerance, extraRegions, sectors);
    }
}
