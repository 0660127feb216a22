package org.laborwatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /**
     * The test vector of the Standard Webhooks reference libraries; the same signature comes out of
     * the openssl one-liner in docs/subscribers.md.
     */
    @Test
    void signsTheReferenceVector() {
        byte[] key = SecretRef.decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "test");
        String header = WebhookSigner.signatures(List.of(key), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
    }

    @Test
    void aRotationSendsOneSignaturePerKeyCurrentFirst() {
        byte[] current = SecretRef.decode("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "current");
        byte[] previous = SecretRef.decode("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]), "previous");
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String both = WebhookSigner.signatures(List.of(current, previous), "abc", 1, body);
        String[] parts = both.split(" ");
        assertEquals(2, parts.length);
        assertEquals(WebhookSigner.signatures(List.of(current), "abc", 1, body), parts[0]);
        assertEquals(WebhookSigner.signatures(List.of(previous), "abc", 1, body), parts[1]);
    }

    @Test
    void secretsAreReferencedNeverInlined() {
        SubscriberException inline = assertThrows(SubscriberException.class, () -> new SecretRef("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));
        assertTrue(inline.getMessage().contains("must never be in a subscriber definition"), inline.getMessage());
        SubscriberException unset = assertThrows(SubscriberException.class, () -> new SecretRef("env:NOT_SET").resolve(Map.of()));
        assertTrue(unset.getMessage().contains("env:NOT_SET") && !unset.getMessage().contains("whsec_"), unset.getMessage());
        SubscriberException shortKey = assertThrows(SubscriberException.class,
                () -> new SecretRef("env:S").resolve(Map.of("S", "whsec_AAAA")));
        assertTrue(shortKey.getMessage().contains("3 bytes"), shortKey.getMessage());
        assertEquals(24, new SecretRef("env:S").resolve(Map.of("S", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n")).length);
    }

    @Test
    void anIdWithAFullStopIsRefused() {
        byte[] key = new byte[32];
        assertThrows(IllegalArgumentException.class, () -> WebhookSigner.signatures(List.of(key), "a.b", 1, new byte[0]));
    }
}
