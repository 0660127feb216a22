package org.laborwatch.notify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 symmetric signatures: {@code v1,} and the base64 HMAC-SHA256, keyed with
 * the secret's bytes, over {@code webhook-id.webhook-timestamp.body}. During a secret rotation the
 * header carries one signature per key, space-separated, and a receiver accepts any that matches.
 */
public final class WebhookSigner {

    /** The headers of a signed delivery. */
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSigner() {}

    /** The {@code webhook-signature} value: one {@code v1,...} per key, in the order given. */
    public static String signatures(List<byte[]> keys, String id, long timestampSeconds, byte[] body) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("at least one signing key is needed");
        }
        StringJoiner header = new StringJoiner(" ");
        for (byte[] key : keys) {
            header.add("v1," + Base64.getEncoder().encodeToString(hmac(key, id, timestampSeconds, body)));
        }
        return header.toString();
    }

    /** The raw HMAC-SHA256 of {@code id.timestamp.body}. */
    static byte[] hmac(byte[] key, String id, long timestampSeconds, byte[] body) {
        if (id.indexOf('.') >= 0) {
            // The spec: ids must not hold '.', or id/timestamp boundaries could be shifted.
            throw new IllegalArgumentException("a webhook id must not contain '.': " + id);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }
}
