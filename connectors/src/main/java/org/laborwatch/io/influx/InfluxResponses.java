package org.laborwatch.io.influx;

import com.influxdb.exceptions.InfluxException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * Classifies a failed InfluxDB write, after flink-connector-prometheus's response classifier
 * ({@code PrometheusSinkWriter}: retryable, non-retryable, fatal):
 *
 * <ul>
 *   <li>{@link Action#RETRY}: throttling (429, 408), server errors (5xx, including a proxy's
 *       502/503/504 while InfluxDB is down), timeouts and connection errors; the same batch is
 *       written again after a backoff.
 *   <li>{@link Action#DEAD_LETTER}: a client error about this batch only (400 such as a field type
 *       conflict or a malformed line, 413 too large, any other 4xx): writing it again would be
 *       refused again, but the next batch may be fine, so its lines go to the dead-letter output
 *       and the job goes on. (Prometheus' connector discards such a batch by default; we keep its
 *       lines.)
 *   <li>{@link Action#FAIL}: where every later write would fail too (401 wrong token, 403 no
 *       write permission, 404 no such bucket or org), or an error that is not InfluxDB's answer at
 *       all; the job fails with the fix in the message.
 * </ul>
 */
public final class InfluxResponses {

    private InfluxResponses() {}

    /** What the writer does about a failed batch. */
    public enum Action {
        /** Write the batch again after a backoff. */
        RETRY,
        /** Do not write the batch again: its lines go to the dead-letter output; the job goes on. */
        DEAD_LETTER,
        /** Fail the job: no later write can succeed until an operator fixes the configuration. */
        FAIL
    }

    /**
     * What to do about a failed write.
     *
     * @param action retry, dead-letter the batch, or fail the job
     * @param status the HTTP status InfluxDB answered, 0 when there was no answer
     * @param message what happened, with the response body: for the log, the dead letter or the job failure
     */
    public record Verdict(Action action, int status, String message) {

        /** Whether to write the batch again after a backoff. */
        public boolean retryable() {
            return action == Action.RETRY;
        }
    }

    /** The verdict for {@code error} thrown by a write to {@code bucket} in {@code org}. */
    public static Verdict classify(Throwable error, String url, String org, String bucket, InfluxToken token) {
        InfluxException influx = find(error, InfluxException.class);
        int status = influx == null ? 0 : influx.status();
        String server = influx == null ? String.valueOf(error) : serverMessage(influx);
        if (status == 0) {
            if (find(error, IOException.class) != null || find(error, UncheckedIOException.class) != null) {
                return new Verdict(Action.RETRY, 0, "cannot reach InfluxDB at " + url + ": " + rootMessage(error));
            }
            return new Verdict(Action.FAIL, 0, "InfluxDB write to " + url + " failed: " + error);
        }
        if (status == 429 || status == 408 || status >= 500) {
            return new Verdict(Action.RETRY, status, "InfluxDB at " + url + " answered " + status + " (will retry): " + server);
        }
        String what = switch (status) {
            case 400 -> "400 bad request — InfluxDB rejected the points (a field type conflict or a malformed line)";
            case 401 -> "401 unauthorized — check the token (" + token.origin() + ", LABORWATCH_INFLUX_TOKEN)";
            case 403 -> "403 forbidden — the token may not write to bucket '" + bucket + "': give it write permission";
            case 404 -> "404 bucket not found — bucket '" + bucket + "' in org '" + org
                    + "' does not exist: create it (InfluxDB 1.x: database/retention policy)";
            case 413 -> "413 request too large — lower the sink's batch size";
            default -> status + " — a client error that a retry cannot fix";
        };
        Action action = status == 401 || status == 403 || status == 404 ? Action.FAIL : Action.DEAD_LETTER;
        return new Verdict(action, status, "InfluxDB refused the write: " + what + "; " + url + " said: " + server);
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
