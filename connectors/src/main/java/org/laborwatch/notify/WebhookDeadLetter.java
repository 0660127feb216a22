package org.laborwatch.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * An event that was not delivered to a subscriber, with the last response, for an operator to
 * resend or explain.
 *
 * @param subscriber subscriber id
 * @param eventId the event id
 * @param reason why it stopped: {@code rejected} (a 4xx other than 408/429, or 3xx), {@code budget}
 *     (retries for longer than the budget), {@code paused} (the subscriber was paused before it was
 *     delivered)
 * @param attempts attempts made
 * @param lastStatus the last HTTP status, 0 when none came
 * @param lastResponse the start of the last response body, or the last error
 * @param event the trigger event as it was sent
 */
@JsonPropertyOrder({"subscriber", "event_id", "reason", "attempts", "last_status", "last_response", "event"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeadLetter(
        @JsonProperty("subscriber") String subscriber,
        @JsonProperty("event_id") String eventId,
        @JsonProperty("reason") String reason,
        @JsonProperty("attempts") int attempts,
        @JsonProperty("last_status") int lastStatus,
        @JsonProperty("last_response") String lastResponse,
        @JsonProperty("event") @JsonRawValue String event) {
}
