package org.laborwatch.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to a subscriber update on the subscribers-applied topic: applied, or refused with the
 * reason (the definition in effect is kept). Same shape as the policy acknowledgements.
 *
 * @param subscriber subscriber id, or null if the update was too broken to name one
 * @param version the version of the update
 * @param status {@code applied} or {@code refused}
 * @param reason why it was refused; null when applied
 */
@JsonPropertyOrder({"subscriber", "version", "status", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberAck(String subscriber, int version, String status, String reason) {

    /** The most characters of a reason kept, so an acknowledgement always fits its topic. */
    static final int MAX_REASON = 4096;

    public static SubscriberAck of(SubscriberBook.Decision d) {
        if (d.applied()) {
            return new SubscriberAck(d.id(), d.version(), "applied", null);
        }
        String r = d.refusal();
        String kept = r.length() <= MAX_REASON ? r : r.substring(0, MAX_REASON) + "…(" + r.length() + " characters)";
        return new SubscriberAck(d.id(), d.version(), "refused", kept);
    }
}
