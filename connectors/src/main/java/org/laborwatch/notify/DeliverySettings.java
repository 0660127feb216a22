package org.laborwatch.notify;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * How the notifier delivers: the retry schedule, how long one request may take, and how often it
 * looks at the answers under way.
 *
 * @param schedule backoff and retry budget
 * @param requestTimeout how long one attempt may take (Standard Webhooks recommends 15 to 30 s)
 * @param tick how often answers under way are collected
 */
public record DeliverySettings(RetrySchedule schedule, Duration requestTimeout, Duration tick) implements Serializable {

    private static final long serialVersionUID = 1L;

    public DeliverySettings {
        Objects.requireNonNull(schedule, "schedule");
        if (requestTimeout.isNegative() || requestTimeout.isZero() || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("request timeout and tick must be positive, got " + requestTimeout + ", " + tick);
        }
    }

    /** Production: the standard schedule, 30 s per request, answers collected every 50 ms. */
    public static DeliverySettings standard() {
        return new DeliverySettings(RetrySchedule.standard(), Duration.ofSeconds(30), Duration.ofMillis(50));
    }
}
