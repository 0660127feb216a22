package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A refused input record: its original bytes, untouched, and why it was refused.
 *
 * <p>The bytes are kept exactly (as base64 in JSON, since they need not be valid UTF-8) so that an
 * operator can fix the producer and resend the very record.
 *
 * @param reason the rejection code
 * @param detail a sentence naming the field and the problem
 * @param origin where the record came from (a topic-partition-offset or a file and line)
 * @param original the record's original bytes
 */
@JsonPropertyOrder({"reason", "detail", "origin", "original_base64", "original_text"})
public record DeadLetter(
        @JsonIgnore RejectReason reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("origin") String origin,
        @JsonIgnore byte[] original) {

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        original = original == null ? new byte[0] : original;
    }

    @JsonProperty("reason")
    public String reasonCode() {
        return reason.code();
    }

    /** The original bytes, base64: exact, whatever they were. */
    @JsonProperty("original_base64")
    public String originalBase64() {
        return Base64.getEncoder().encodeToString(original);
    }

    /** The original bytes as text, for people reading the topic; lossy if they were not UTF-8. */
    @JsonProperty("original_text")
    public String originalText() {
        int shown = Math.min(original.length, 1024);
        String text = new String(original, 0, shown, StandardCharsets.UTF_8);
        return shown < original.length ? text + "…(" + original.length + " bytes)" : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && reason == d.reason
                && detail.equals(d.detail)
                && Objects.equals(origin, d.origin)
                && Arrays.equals(original, d.original);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, origin, Arrays.hashCode(original));
    }

    @Override
    public String toString() {
        return "DeadLetter[" + reason.code() + ": " + detail + " @ " + origin + "]";
    }
}
