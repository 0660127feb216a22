package org.laborwatch.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The answer to a policy update on the policies-applied output: applied, or refused with the
 * reason (a bad policy never replaces a good one; an older version never replaces a newer).
 *
 * @param policy policy id, or null if the update was too broken to name one
 * @param version the version of the update
 * @param status {@code applied} or {@code refused}
 * @param reason why it was refused; null when applied
 */
@JsonPropertyOrder({"policy", "version", "status", "reason"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyAck(String policy, int version, String status, String reason) {

    public static PolicyAck applied(String policy, int version) {
        return new PolicyAck(policy, version, "applied", null);
    }

    /**
     * The most characters of a refusal kept: a reason lists the problems of a text that can be as
     * large as the policy topic accepts, and an acknowledgement must always fit its own topic.
     */
    static final int MAX_REASON = 4096;

    public static PolicyAck refused(String policy, int version, String reason) {
        String kept = reason == null || reason.length() <= MAX_REASON ? reason
                : reason.substring(0, MAX_REASON) + "…(" + reason.length() + " characters)";
        return new PolicyAck(policy, version, "refused", kept);
    }
}
