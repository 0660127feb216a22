package org.laborwatch.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * One line of the delivery log: an attempt to deliver an event to a subscriber and what came of it.
 *
 * @param subscriber subscriber id
 * @param eventId the event id (the {@code webhook-id} sent)
 * @param region the event's region
 * @param attempt 1 for the first attempt
 * @param status the HTTP status, 0 when no response came
 * @param latencyMillis time to the answer or failure
 * @param outcome {@code delivered}, {@code retry}, {@code rejected}, {@code gone} or {@code dead}
 *     (budget spent, dead-lettered)
 * @param detail the error when no response came, else null
 * @param at when the answer came
 */
@JsonPropertyOrder({"subscriber", "event_id", "region", "attempt", "status", "latency_ms", "outcome", "detail", "at"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryAttempt(
        @JsonProperty("subscriber") String subscriber,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("region") String region,
        @JsonProperty("attempt") int attempt,
        @JsonProperty("status") int status,
        @JsonProperty("latency_ms") long latencyMillis,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("detail") String detail,
        @JsonProperty("at") Instant at) {

    public static final String DELIVERED = "delivered";
    public static final String RETRY = "retry";
    public static final String REJECTED = "rejected";
    public static final String GONE = "gone";
    public static final String DEAD = "dead";
}
