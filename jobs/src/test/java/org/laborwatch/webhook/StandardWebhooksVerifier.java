package org.laborwatch.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a Standard Webhooks 1.0 request, written from the spec (spec/standard-webhooks.md,
 * "Verifying signatures") and independently of the notifier's signer: the signed content is
 * {@code webhook-id.webhook-timestamp.body}, the key is the base64 after {@code whsec_}, the header
 * is a space-separated list of {@code version,signature}, of which any {@code v1} may match
 * (compared in constant time), and the timestamp must be within a tolerance of now.
 */
public final class StandardWebhooksVerifier {

    /** The tolerance the spec's reference libraries use. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final List<byte[]> keys;

    /** @param secrets the {@code whsec_...} secrets this receiver accepts */
    public StandardWebhooksVerifier(List<String> secrets) {
        this.keys = secrets.stream().map(s -> Base64.getDecoder().decode(s.substring("whsec_".length()))).toList();
    }

    /** Whether the request is authentic and fresh. */
    public boolean verify(String id, String timestamp, String signatureHeader, byte[] body, Instant now) {
        if (id == null || timestamp == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] signed = concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
        for (String candidate : signatureHeader.split(" ")) {
            int comma = candidate.indexOf(',');
            if (comma < 0 || !candidate.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(candidate.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (byte[] key : keys) {
                if (MessageDigest.isEqual(hmac(key, signed), given)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
