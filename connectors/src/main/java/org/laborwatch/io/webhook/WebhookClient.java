package org.laborwatch.io.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.laborwatch.notify.Response;
import org.laborwatch.notify.WebhookSigner;

/**
 * The HTTP edge of the notifier: one signed POST per attempt, never throwing, always completing
 * with a {@link Response} (a status, or none with the reason). Redirects are not followed
 * (Standard Webhooks: a 3xx is a failure; the subscriber should update its URL).
 */
public final class WebhookClient {

    /** The user agent receivers see. */
    public static final String USER_AGENT = "laborwatch-notify";

    private final HttpClient http;
    private final Duration timeout;

    /** @param timeout how long an attempt may take, connection included, before it counts as failed */
    public WebhookClient(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("request timeout must be positive, got " + timeout);
        }
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Sends one attempt.
     *
     * @param keys the signing keys, the current one first
     * @param timestampSeconds the {@code webhook-timestamp}: the time of this attempt
     */
    public CompletableFuture<Response> post(URI url, String id, long timestampSeconds, byte[] body, List<byte[]> keys) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("content-type", "application/json")
                .header("user-agent", USER_AGENT)
                .header(WebhookSigner.ID, id)
                .header(WebhookSigner.TIMESTAMP, Long.toString(timestampSeconds))
                .header(WebhookSigner.SIGNATURE, WebhookSigner.signatures(keys, id, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .handle((r, failure) -> {
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    if (failure != null) {
                        return Response.none(describe(failure), millis);
                    }
                    byte[] b = r.body() == null ? new byte[0] : r.body();
                    String text = new String(b, 0, Math.min(b.length, Response.MAX_BODY * 4), StandardCharsets.UTF_8);
                    return new Response(r.statusCode(), r.headers().firstValue("retry-after").orElse(null), text, millis);
                });
    }

    private String describe(Throwable failure) {
        Throwable t = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (t instanceof HttpTimeoutException) {
            return "timeout after " + timeout.toMillis() + " ms";
        }
        if (t instanceof IOException) {
            return "no response: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : " " + t.getMessage());
        }
        return "no response: " + t;
    }
}
