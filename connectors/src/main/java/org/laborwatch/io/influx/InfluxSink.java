package org.laborwatch.io.influx;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.AsyncSinkBase;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.streaming.api.connector.sink2.CommittableMessage;
import org.apache.flink.streaming.api.connector.sink2.CommittableWithLineage;
import org.apache.flink.streaming.api.connector.sink2.SupportsPostCommitTopology;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.laborwatch.contract.DeadLetter;

/**
 * A Flink Sink V2 that writes elements to InfluxDB as line protocol, through the
 * {@code /api/v2/write} API (InfluxDB 2.x, 3.x, and 1.8+ with its v2 compatibility endpoint).
 *
 * <p>Built on {@link AsyncSinkBase}: each element becomes one line (a {@code String}, so buffered
 * lines go into checkpoints as they are), lines are written in batches with
 * influxdb-client-java's blocking write API on the writer's own thread, and at most
 * {@code maxInFlightRequests} batches per subtask are outstanding, so a slow or absent InfluxDB
 * backpressures the job instead of piling up points in memory. At a checkpoint the writer waits
 * for the batches in flight and checkpoints the lines still buffered; at the end of input it waits
 * until every line is written.
 *
 * <p>Failures are classified by {@link InfluxResponses}: 429, 5xx, timeouts and connection errors
 * are retried with exponential backoff (the batch goes back to the head of the buffer) for up to
 * {@code maxRetryTime} of consecutive failures. A batch refused for itself (400 such as a field
 * type conflict, 413, other 4xx) is not written again: each of its lines becomes a
 * {@link DeadLetter} ({@code influx_rejected}, origin {@code influx-sink}, the status and response
 * body in the detail), counted in {@code numRecordsSendErrors}, and the job goes on. The refused
 * lines leave the writer's buffer as committables at the next checkpoint, so they never come back
 * after a restore; once that checkpoint completes they go to the {@linkplain Builder#refusals
 * dead-letter sink} given to the builder (without one they are logged and counted only). Only
 * answers after which every later write would fail too (401, 403, 404 of the bucket or org) fail
 * the job, with a message that says what to fix.
 *
 * <p>Delivery is at-least-once. A point is identified by measurement, tag set and timestamp, and
 * laborwatch timestamps points at their period start, so writing a point again overwrites it with
 * the same value: replays after a failure leave the data as if written once. With the default of
 * one request in flight, the points of a subtask are written in order, so a revision written after
 * its older value also lands after it.
 *
 * <p>Metrics, per writer subtask: {@code influxBatchesWritten}, {@code influxPointsWritten},
 * {@code influxWriteRetries}, {@code influxBatchesRefused}, {@code influxWriteFailures} and the
 * standard {@code numRecordsSendErrors} (lines refused), besides the base sink's
 * {@code numRecordsOut}, {@code numBytesOut} and {@code currentSendTime}.
 *
 * @param <T> the element type
 */
public final class InfluxSink<T> extends AsyncSinkBase<T, String>
        implements SupportsCommitter<DeadLetter>, SupportsPostCommitTopology<DeadLetter> {

    private static final long serialVersionUID = 1L;

    /** Turns an element into one line of line protocol timestamped at the given precision. */
    @FunctionalInterface
    public interface LineFunction<T> extends Serializable {
        String line(T element, TimeUnit precision);
    }

    private final InfluxSettings settings;
    private final Sink<DeadLetter> refusals;
    private final String refusalsUid;

    private InfluxSink(ElementConverter<T, String> converter, Builder<T> b, InfluxSettings settings) {
        super(converter, b.maxBatchSize, b.maxInFlightRequests, b.maxBufferedRequests, b.maxBatchSizeInBytes,
                b.maxTimeInBuffer.toMillis(), b.maxRecordSizeInBytes,
                // The base sink's own timeout sits above one attempt's worst case (HTTP timeout
                // plus the longest backoff); our retry time bounds the whole outage instead.
                b.httpTimeout.multipliedBy(2).plus(b.maxBackoff).toMillis(), false);
        this.settings = settings;
        this.refusals = b.refusals;
        this.refusalsUid = b.refusalsUid;
    }

    public static <T> Builder<T> builder() {
        return new Builder<>();
    }

    /** The connection and retry settings (the token redacted in its toString). */
    public InfluxSettings settings() {
        return settings;
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<String>> createWriter(WriterInitContext context) {
        return new InfluxSinkWriter<>(getElementConverter(), context, configuration(), settings, List.of());
    }

    @Override
    public StatefulSinkWriter<T, BufferedRequestState<String>> restoreWriter(WriterInitContext context,
            Collection<BufferedRequestState<String>> recoveredState) {
        return new InfluxSinkWriter<>(getElementConverter(), context, configuration(), settings, recoveredState);
    }

    @Override
    public SimpleVersionedSerializer<BufferedRequestState<String>> getWriterStateSerializer() {
        return new LineStateSerializer();
    }

    @Override
    public Committer<DeadLetter> createCommitter(CommitterInitContext context) {
        return new RefusedLineCommitter();
    }

    @Override
    public SimpleVersionedSerializer<DeadLetter> getCommittableSerializer() {
        return new RefusedLineSerializer();
    }

    /** Sends the refused lines, once their checkpoint is complete, to the dead-letter sink if one was given. */
    @Override
    public void addPostCommitTopology(DataStream<CommittableMessage<DeadLetter>> committables) {
        if (refusals == null) {
            return;
        }
        committables
                .filter(m -> m instanceof CommittableWithLineage<?>)
                .uid(refusalsUid + "-filter").name("refused lines")
                .map(m -> ((CommittableWithLineage<DeadLetter>) m).getCommittable())
                .returns(TypeInformation.of(DeadLetter.class))
                .uid(refusalsUid + "-map").name("refused lines as dead letters")
                .sinkTo(refusals).uid(refusalsUid).name("refused lines dead letters");
    }

    private org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration configuration() {
        return org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration.builder()
                .setMaxBatchSize(getMaxBatchSize())
                .setMaxBatchSizeInBytes(getMaxBatchSizeInBytes())
                .setMaxInFlightRequests(getMaxInFlightRequests())
                .setMaxBufferedRequests(getMaxBufferedRequests())
                .setMaxTimeInBufferMS(getMaxTimeInBufferMS())
                .setMaxRecordSizeInBytes(getMaxRecordSizeInBytes())
                .setRequestTimeoutMS(getRequestTimeoutMS())
                .setFailOnTimeout(getFailOnTimeout())
                .build();
    }

    /**
     * Where and how to write.
     *
     * @param url InfluxDB base URL, such as {@code http://127.0.0.1:8086}
     * @param org organization (InfluxDB 1.x ignores it)
     * @param bucket bucket (InfluxDB 1.x: {@code database/retention-policy} or {@code database})
     * @param token API token
     * @param precision timestamp precision of the lines
     * @param httpTimeout connect, read and write timeout of one request
     * @param initialBackoff first retry delay; doubles up to {@code maxBackoff}
     * @param maxBackoff longest retry delay
     * @param maxRetryTime how long writes may keep failing before the job fails
     */
    public record InfluxSettings(String url, String org, String bucket, InfluxToken token, TimeUnit precision,
            Duration httpTimeout, Duration initialBackoff, Duration maxBackoff, Duration maxRetryTime)
            implements Serializable {}

    /**
     * Fail-fast builder: URL, org, bucket, token and the line function are required; everything
     * else has a default suited to sparse labor data.
     */
    public static final class Builder<T> {
        private String url;
        private String org;
        private String bucket;
        private InfluxToken token;
        private LineFunction<T> lines;
        private TimeUnit precision = TimeUnit.SECONDS;
        private int maxBatchSize = 5000;
        private int maxInFlightRequests = 1;
        private int maxBufferedRequests = 50_000;
        private long maxBatchSizeInBytes = 4L << 20;
        private long maxRecordSizeInBytes = 64L << 10;
        private Duration maxTimeInBuffer = Duration.ofSeconds(1);
        private Duration httpTimeout = Duration.ofSeconds(10);
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration maxRetryTime = Duration.ofMinutes(10);
        private Sink<DeadLetter> refusals;
        private String refusalsUid;

        public Builder<T> url(String url) {
            this.url = url;
            return this;
        }

        public Builder<T> org(String org) {
            this.org = org;
            return this;
        }

        public Builder<T> bucket(String bucket) {
            this.bucket = bucket;
            return this;
        }

        public Builder<T> token(InfluxToken token) {
            this.token = token;
            return this;
        }

        /** How an element becomes a line (required); it must stamp the precision it is given. */
        public Builder<T> lines(LineFunction<T> lines) {
            this.lines = lines;
            return this;
        }

        /** Timestamp precision of the lines and the write (default seconds: periods are days). */
        public Builder<T> precision(TimeUnit precision) {
            this.precision = precision;
            return this;
        }

        public Builder<T> maxBatchSize(int n) {
            this.maxBatchSize = n;
            return this;
        }

        /**
         * Batches outstanding per subtask (default 1). More than one can reorder writes of the
         * same point, so a retried older value could land after a newer one.
         */
        public Builder<T> maxInFlightRequests(int n) {
            this.maxInFlightRequests = n;
            return this;
        }

        public Builder<T> maxBufferedRequests(int n) {
            this.maxBufferedRequests = n;
            return this;
        }

        public Builder<T> maxTimeInBuffer(Duration d) {
            this.maxTimeInBuffer = d;
            return this;
        }

        public Builder<T> httpTimeout(Duration d) {
            this.httpTimeout = d;
            return this;
        }

        public Builder<T> backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        public Builder<T> maxRetryTime(Duration d) {
            this.maxRetryTime = d;
            return this;
        }

        /**
         * Where lines InfluxDB refused for good go, as {@code influx_rejected} dead letters, after
         * the checkpoint that took them from the writer completes (at least once: a failure after
         * that checkpoint may send some again). Without it refused lines are logged and counted
         * only.
         *
         * @param sink the dead-letter sink; it is used by a second operator, so a transactional
         *     Kafka sink needs a transactional id prefix of its own
         * @param uid the stable uid of that operator (savepoints map its state by it)
         */
        public Builder<T> refusals(Sink<DeadLetter> sink, String uid) {
            this.refusals = Objects.requireNonNull(sink, "refusals sink");
            if (uid == null || uid.isBlank()) {
                throw new IllegalArgumentException("the refusals sink needs a stable uid");
            }
            this.refusalsUid = uid;
            return this;
        }

        public InfluxSink<T> build() {
            if (url == null || url.isBlank()) {
                throw new IllegalArgumentException("InfluxDB URL missing (e.g. http://127.0.0.1:8086)");
            }
            URI uri;
            try {
                uri = URI.create(url.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("InfluxDB URL '" + url + "' must be http(s)://host[:port]: " + e.getMessage(), e);
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("InfluxDB URL '" + url + "' must be http(s)://host[:port]");
            }
            if (uri.getUserInfo() != null) {
                throw new IllegalArgumentException("InfluxDB URL must not carry credentials; give the token from the environment or a file");
            }
            if (org == null || org.isBlank()) {
                throw new IllegalArgumentException("InfluxDB org missing");
            }
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("InfluxDB bucket missing");
            }
            Objects.requireNonNull(token, "InfluxDB token missing: set " + InfluxToken.ENV + " or give a token file");
            Objects.requireNonNull(lines, "a line function is required");
            if (precision != TimeUnit.NANOSECONDS && precision != TimeUnit.MICROSECONDS
                    && precision != TimeUnit.MILLISECONDS && precision != TimeUnit.SECONDS) {
                throw new IllegalArgumentException("InfluxDB accepts ns, us, ms or s precision, not " + precision);
            }
            positive("maxBatchSize", maxBatchSize);
            positive("maxInFlightRequests", maxInFlightRequests);
            if (maxBufferedRequests < maxBatchSize) {
                throw new IllegalArgumentException("maxBufferedRequests (" + maxBufferedRequests
                        + ") must be at least maxBatchSize (" + maxBatchSize + ")");
            }
            for (Duration d : List.of(maxTimeInBuffer, httpTimeout, initialBackoff, maxBackoff, maxRetryTime)) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("durations must be positive, got " + d);
                }
            }
            String base = url.strip().replaceAll("/+$", "");
            InfluxSettings settings = new InfluxSettings(base, org.strip(), bucket.strip(), token, precision,
                    httpTimeout, initialBackoff, maxBackoff, maxRetryTime);
            LineFunction<T> f = lines;
            TimeUnit p = precision;
            ElementConverter<T, String> converter = (element, context) -> f.line(element, p);
            return new InfluxSink<>(converter, this, settings);
        }

        private static void positive(String name, int n) {
            if (n < 1) {
                throw new IllegalArgumentException(name + " must be at least 1, got " + n);
            }
        }
    }
}
