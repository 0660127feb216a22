package org.laborwatch.notify;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When to try again: exponential backoff ({@code initial}, doubled per attempt, at most
 * {@code max}) with ±20% jitter so failed deliveries do not return in lockstep, never sooner than a
 * {@code Retry-After} asks, and no retry later than {@code budget} after the first attempt: past it
 * the delivery is dead-lettered.
 *
 * @param initial the delay after the first failed attempt
 * @param max the longest delay between attempts
 * @param budget how long after the first attempt retries may still be made
 */
public record RetrySchedule(Duration initial, Duration max, Duration budget) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The share of a delay the jitter may add or take away. */
    public static final double JITTER = 0.2;

    /** Production: 5 s, doubling, at most 1 h between attempts, for 24 h. */
    public static RetrySchedule standard() {
        return new RetrySchedule(Duration.ofSeconds(5), Duration.ofHours(1), Duration.ofHours(24));
    }

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || budget.isNegative()) {
            throw new IllegalArgumentException("retry schedule needs 0 < initial <= max and budget >= 0, got initial "
                    + initial + ", max " + max + ", budget " + budget);
        }
    }

    /** The delay before attempt {@code failed + 1} without jitter. */
    public Duration base(int failed) {
        long millis = initial.toMillis();
        for (int i = 1; i < failed && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /**
     * The delay after {@code failed} failed attempts.
     *
     * @param retryAfter what the receiver asked for, or null
     * @param random a uniform number in [0, 1) for the jitter
     */
    public Duration delay(int failed, Duration retryAfter, double random) {
        long base = base(failed).toMillis();
        long jittered = Math.round(base * (1 - JITTER + 2 * JITTER * random));
        long asked = retryAfter == null ? 0 : retryAfter.toMillis();
        return Duration.ofMillis(Math.max(jittered, asked));
    }

    /** Whether an attempt at {@code next} is within the budget of a delivery first tried at {@code first}. */
    public boolean within(Instant first, Instant next) {
        return !next.isAfter(first.plus(budget));
    }

    /**
     * A {@code Retry-After} header as a delay from {@code now}: delta-seconds or an HTTP date; null
     * when absent or unreadable (then the schedule alone decides).
     */
    public static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String h = header.strip();
        if (h.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(h));
        }
        try {
            Duration d = Duration.between(now, ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return d.isNegative() ? Duration.ZERO : d;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
