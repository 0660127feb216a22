package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A refused input record: its original bytes and why it was refused.
 *
 * <p>The bytes are kept exactly (as base64 in JSON, since they need not be valid UTF-8) so that an
 * operator can fix the producer and resend the very record, up to a cap: a dead letter must always
 * fit its topic, or one large record would fail the sink and restart the job forever. Above the
 * cap ({@link #DEFAULT_ORIGINAL_CAP} by default, well under Kafka's default 1 MB message size even
 * after base64) only a prefix is kept, and {@code original_truncated} says so; the total size and
 * a SHA-256 of the whole record are always given, so the record can still be identified.
 *
 * @param reason the rejection code
 * @param detail a sentence naming the field and the problem
 * @param origin where the record came from (a topic-partition-offset or a file and line)
 * @param original the record's original bytes, or their first bytes when {@code originalSize} is larger
 * @param originalSize the size of the whole original record in bytes
 * @param originalSha256 the SHA-256 of the whole original record, lowercase hex
 */
@JsonPropertyOrder({"reason", "detail", "origin", "original_size", "original_sha256", "original_truncated",
        "original_base64", "original_text"})
public record DeadLetter(
        @JsonIgnore RejectReason reason,
        @JsonProperty("detail") String detail,
        @JsonProperty("origin") String origin,
        @JsonIgnore byte[] original,
        @JsonProperty("original_size") long originalSize,
        @JsonProperty("original_sha256") String originalSha256) {

    /**
     * The most original bytes a dead letter keeps by default: 256 KiB, which is about 342 KiB in
     * base64, so a dead letter stays far below Kafka's default 1 MB max.message.bytes and
     * max.request.size.
     */
    public static final int DEFAULT_ORIGINAL_CAP = 256 * 1024;

    /**
     * The most characters of a detail or origin kept: they come from the record or its transport.
     * A longer text is cut to this length with its mark of the full length included, so a text cut
     * once is kept as it is when the record is made again from its fields (as Flink does after every
     * network hop).
     */
    static final int MAX_TEXT = 1024;

    public DeadLetter {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(originalSha256, "originalSha256");
        original = original == null ? new byte[0] : original;
        detail = cut(detail);
        origin = origin == null ? null : cut(origin);
        if (originalSize < original.length) {
            throw new IllegalArgumentException("originalSize " + originalSize + " is below the " + original.length
                    + " bytes kept");
        }
    }

    /** A dead letter that keeps all of {@code original} (the {@linkplain #DEFAULT_ORIGINAL_CAP default cap} applies). */
    public DeadLetter(RejectReason reason, String detail, String origin, byte[] original) {
        this(reason, detail, origin, original, DEFAULT_ORIGINAL_CAP);
    }

    /** A dead letter that keeps at most {@code cap} bytes of {@code original}, with the size and hash of all. */
    public DeadLetter(RejectReason reason, String detail, String origin, byte[] original, int cap) {
        this(reason, detail, origin, prefix(original, cap), original == null ? 0 : original.length, sha256(original));
    }

    @JsonProperty("reason")
    public String reasonCode() {
        return reason.code();
    }

    /** Whether only a prefix of the original bytes is kept. */
    @JsonProperty("original_truncated")
    public boolean originalTruncated() {
        return originalSize > original.length;
    }

    /** The original bytes kept, base64: exact, whatever they were; a prefix when truncated. */
    @JsonProperty("original_base64")
    public String originalBase64() {
        return Base64.getEncoder().encodeToString(original);
    }

    /** The original bytes as text, for people reading the topic; lossy if they were not UTF-8. */
    @JsonProperty("original_text")
    public String originalText() {
        int shown = Math.min(original.length, 1024);
        String text = new String(original, 0, shown, StandardCharsets.UTF_8);
        return shown < originalSize ? text + "…(" + originalSize + " bytes)" : text;
    }

    private static byte[] prefix(byte[] bytes, int cap) {
        if (cap < 0) {
            throw new IllegalArgumentException("cap must not be negative: " + cap);
        }
        byte[] b = bytes == null ? new byte[0] : bytes;
        return b.length <= cap ? b : Arrays.copyOf(b, cap);
    }

    private static String cut(String s) {
        if (s.length() <= MAX_TEXT) {
            return s;
        }
        String mark = "…(" + s.length() + " chars)";
        return s.substring(0, MAX_TEXT - mark.length()) + mark;
    }

    /** The SHA-256 of {@code bytes} in lowercase hex. */
    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeadLetter d
                && reason == d.reason
                && detail.equals(d.detail)
                && Objects.equals(origin, d.origin)
                && Arrays.equals(original, d.original)
                && originalSize == d.originalSize
                && originalSha256.equals(d.originalSha256);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reason, detail, origin, Arrays.hashCode(original), originalSize, originalSha256);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + reason.code() + ": " + detail + " @ " + origin + "]";
    }
}
