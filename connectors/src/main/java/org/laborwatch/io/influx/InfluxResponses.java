package org.laborwatch.io.influx;

import com.influxdb.exceptions.InfluxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Classifies a failed InfluxDB write, after flink-connector-prometheus's response classifier:
 * throttling (429), server errors (5xx, including a proxy's 502/503/504 while InfluxDB is down),
 * timeouts and connection errors are retried; anything else the server refused (400, 401, 403,
 * 404, 413, other 4xx) would be refused again, so it fails the job with a message that says what to
 * fix.
 */
public final class InfluxResponses {

    private InfluxResponses() {}

    /**
     * What to do about a failed write.
     *
     * @param retryable whether to write the batch again after a backoff
     * @param message what happened, for the log or the job failure
     */
    public record Verdict(boolean retryable, String message) {}

    /** The verdict for {@code error} thrown by a write to {@code bucket} in {@code org}. */
    public static Verdict classify(Throwable error, String url, String org, String bucket, InfluxToken token) {
        InfluxException influx = find(error, InfluxException.class);
        int status = influx == null ? 0 : influx.status();
        String server = influx == null ? String.valueOf(error) : serverMessage(influx);
        if (status == 0) {
            if (find(error, IOException.class) != null || find(error, UncheckedIOException.class) != null) {
                return new Verdict(true, "cannot reach InfluxDB at " + url + ": " + rootMessage(error));
            }
            return new Verdict(false, "InfluxDB write to " + url + " failed: " + error);
        }
        if (status == 429 || status == 408 || status >= 500) {
            return new Verdict(true, "InfluxDB at " + url + " answered " + status + " (will retry): " + server);
        }
        String what = switch (status) {
            case 400 -> "400 bad request — InfluxDB rejected the points (a field type conflict or a malformed line)";
            case 401 -> "401 unauthorized — check the token (" + token.origin() + ", LABORWATCH_INFLUX_TOKEN)";
            case 403 -> "403 forbidden — the token may not write to bucket '" + bucket + "'";
            case 404 -> "404 bucket not found — bucket '" + bucket + "' in org '" + org
                    + "' does not exist (InfluxDB 1.x: database/retention policy)";
            case 413 -> "413 request too large — lower the sink's batch size";
            default -> status + " — a client error that a retry cannot fix";
        };
        return new Verdict(false, "InfluxDB refused the write: " + what + "; " + url + " said: " + server);
    }

    private static String serverMessage(InfluxException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? "(no message)" : m.strip();
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return root.getClass().getSimpleName() + (m == null ? "" : ": " + m.toLowerCase(Locale.ROOT).strip());
    }

    private static <E extends Throwable> E find(Throwable t, Class<E> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
