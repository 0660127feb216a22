package org.laborwatch.notify;

/**
 * What one delivery attempt got back: an HTTP status, or no answer at all.
 *
 * @param status the HTTP status, or 0 when no response came (timeout, refused connection)
 * @param retryAfter the {@code Retry-After} header as sent, or null
 * @param body the start of the response body (at most {@link #MAX_BODY} characters), or the error
 *     when there was no response
 * @param latencyMillis from sending to the answer (or the failure)
 */
public record Response(int status, String retryAfter, String body, long latencyMillis) {

    /** How much of a response body is kept for the dead-letter record and the log. */
    public static final int MAX_BODY = 512;

    public Response {
        body = body == null ? "" : body.length() <= MAX_BODY ? body : body.substring(0, MAX_BODY) + "…";
    }

    /** No response: {@code error} says why (timeout, connection refused). */
    public static Response none(String error, long latencyMillis) {
        return new Response(0, null, error, latencyMillis);
    }

    /** How the notifier treats this answer. */
    public Verdict verdict() {
        if (status >= 200 && status < 300) {
            return Verdict.DELIVERED;
        }
        if (status == 0 || status == 408 || status == 429 || status >= 500) {
            return Verdict.RETRY;
        }
        if (status == 410) {
            return Verdict.GONE;
        }
        return Verdict.REJECTED;
    }

    /** The classes of answers (Standard Webhooks 1.0, "Delivery success and failure"). */
    public enum Verdict {
        /** 2xx: the receiver has it. */
        DELIVERED,
        /** Timeout, no connection, 408, 429 or 5xx: try again later. */
        RETRY,
        /** 410 Gone: the receiver wants no more; the subscriber is paused. */
        GONE,
        /** Any other 3xx or 4xx: the request itself is refused, so a repeat would be too. */
        REJECTED
    }
}
