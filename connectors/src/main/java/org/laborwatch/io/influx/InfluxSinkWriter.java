package org.laborwatch.io.influx;

import com.influxdb.LogLevel;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.InfluxDBClientOptions;
import com.influxdb.client.WriteApiBlocking;
import com.influxdb.client.domain.WritePrecision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriter;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.ElementConverter;
import org.apache.flink.connector.base.sink.writer.ResultHandler;
import org.apache.flink.connector.base.sink.writer.config.AsyncSinkWriterConfiguration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.ThreadSafeSimpleCounter;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writer of {@link InfluxSink}: one blocking write per batch on a thread of its own, the
 * outcome handed back to the base writer (complete, retry after a backoff, or fail). A batch
 * InfluxDB refused for itself completes too, its lines kept as dead letters that
 * {@link #prepareCommit()} hands to the committer at the next checkpoint.
 */
final class InfluxSinkWriter<T> extends AsyncSinkWriter<T, String> implements CommittingSinkWriter<T, DeadLetter> {

    /** The origin of every dead letter this writer makes. */
    static final String ORIGIN = "influx-sink";

    private static final Logger LOG = LoggerFactory.getLogger(InfluxSinkWriter.class);

    private final InfluxSink.InfluxSettings settings;
    private final WritePrecision precision;
    private final InfluxDBClient client;
    private final WriteApiBlocking api;
    private final ExecutorService io;
    private final ScheduledExecutorService retryTimer;
    private final Counter batches;
    private final Counter points;
    private final Counter retries;
    private final Counter failures;
    private final Counter refusedBatches;
    private final Counter sendErrors;
    /** Refused lines since the last checkpoint: added by the io thread, taken by the task thread. */
    private final ConcurrentLinkedQueue<DeadLetter> refused = new ConcurrentLinkedQueue<>();

    /** Consecutive failed attempts and when the streak began; touched by the io thread only. */
    private int failedAttempts;
    private long failingSince;

    InfluxSinkWriter(ElementConverter<T, String> converter, WriterInitContext context,
            AsyncSinkWriterConfiguration configuration, InfluxSink.InfluxSettings settings,
            Collection<BufferedRequestState<String>> state) {
        super(converter, context, configuration, state);
        this.settings = settings;
        this.precision = switch (settings.precision()) {
            case NANOSECONDS -> WritePrecision.NS;
            case MICROSECONDS -> WritePrecision.US;
            case MILLISECONDS -> WritePrecision.MS;
            default -> WritePrecision.S;
        };
        long timeout = settings.httpTimeout().toMillis();
        InfluxDBClientOptions options = InfluxDBClientOptions.builder()
                .url(settings.url())
                .authenticateToken(settings.token().chars())
                .org(settings.org())
                .bucket(settings.bucket())
                .logLevel(LogLevel.NONE)
                .okHttpClient(new okhttp3.OkHttpClient.Builder()
                        .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                        .readTimeout(timeout, TimeUnit.MILLISECONDS)
                        .writeTimeout(timeout, TimeUnit.MILLISECONDS)
                        .retryOnConnectionFailure(false))
                .build();
        this.client = InfluxDBClientFactory.create(options);
        this.api = client.getWriteApiBlocking();
        int subtask = context.getTaskInfo().getIndexOfThisSubtask();
        this.io = Executors.newSingleThreadExecutor(r -> daemon(r, "influx-write-" + subtask));
        this.retryTimer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "influx-retry-" + subtask));
        this.sendErrors = context.metricGroup().getNumRecordsSendErrorsCounter();
        MetricGroup metrics = context.metricGroup();
        this.batches = metrics.counter("influxBatchesWritten", new ThreadSafeSimpleCounter());
        this.points = metrics.counter("influxPointsWritten", new ThreadSafeSimpleCounter());
        this.retries = metrics.counter("influxWriteRetries", new ThreadSafeSimpleCounter());
        this.failures = metrics.counter("influxWriteFailures", new ThreadSafeSimpleCounter());
        this.refusedBatches = metrics.counter("influxBatchesRefused", new ThreadSafeSimpleCounter());
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    protected void submitRequestEntries(List<String> lines, ResultHandler<String> result) {
        try {
            io.execute(() -> write(lines, result));
        } catch (RejectedExecutionException e) {
            // Closing: the batch stays unacknowledged, so a restore from a checkpoint has it.
            LOG.debug("writer closed; not writing {} points", lines.size());
        }
    }

    private void write(List<String> lines, ResultHandler<String> result) {
        try {
            api.writeRecords(settings.bucket(), settings.org(), precision, lines);
        } catch (Exception e) {
            failed(lines, result, e);
            return;
        }
        if (failedAttempts > 0) {
            LOG.info("InfluxDB at {} accepts writes again after {} failed attempts", settings.url(), failedAttempts);
        }
        failedAttempts = 0;
        batches.inc();
        points.inc(lines.size());
        result.complete();
    }

    private void failed(List<String> lines, ResultHandler<String> result, Exception e) {
        InfluxResponses.Verdict verdict = InfluxResponses.classify(e, settings.url(), settings.org(), settings.bucket(),
                settings.token());
        long now = System.nanoTime();
        if (failedAttempts == 0) {
            failingSince = now;
        }
        long failingFor = now - failingSince;
        if (verdict.action() == InfluxResponses.Action.DEAD_LETTER) {
            refuse(lines, verdict);
            result.complete();
            return;
        }
        if (verdict.action() == InfluxResponses.Action.FAIL) {
            failures.inc();
            result.completeExceptionally(new InfluxWriteException(verdict.message(), e));
            return;
        }
        if (failingFor > settings.maxRetryTime().toNanos()) {
            failures.inc();
            result.completeExceptionally(new InfluxWriteException("InfluxDB has not accepted a write for "
                    + TimeUnit.NANOSECONDS.toSeconds(failingFor) + " s (more than the sink's retry time of "
                    + settings.maxRetryTime() + "); last error: " + verdict.message(), e));
            return;
        }
        long backoff = Math.min(settings.maxBackoff().toMillis(),
                settings.initialBackoff().toMillis() << Math.min(failedAttempts, 20));
        failedAttempts++;
        retries.inc();
        if (failedAttempts == 1 || failedAttempts % 10 == 0) {
            LOG.warn("{}; retrying {} points in {} ms (attempt {})", verdict.message(), lines.size(), backoff,
                    failedAttempts);
        }
        try {
            retryTimer.schedule(() -> result.retryForEntries(lines), backoff, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            LOG.debug("writer closed; not retrying {} points", lines.size());
        }
    }

    /**
     * Keeps the lines of a batch InfluxDB refused for itself as dead letters. The failure streak
     * ends here: InfluxDB answered, so it is reachable, and the next batch starts afresh.
     */
    private void refuse(List<String> lines, InfluxResponses.Verdict verdict) {
        failedAttempts = 0;
        String detail = verdict.message() + " (HTTP " + verdict.status() + ", bucket '" + settings.bucket()
                + "', one of " + lines.size() + " lines of the refused batch)";
        for (String line : lines) {
            refused.add(new DeadLetter(RejectReason.INFLUX_REJECTED, detail, ORIGIN, line.getBytes(StandardCharsets.UTF_8)));
        }
        refusedBatches.inc();
        sendErrors.inc(lines.size());
        LOG.warn("{}; {} lines of the batch go to the dead-letter output, not written again", verdict.message(),
                lines.size());
    }

    /** The lines refused since the last checkpoint; the committer keeps them until they are dead letters. */
    @Override
    public Collection<DeadLetter> prepareCommit() {
        List<DeadLetter> taken = new ArrayList<>();
        for (DeadLetter d; (d = refused.poll()) != null; ) {
            taken.add(d);
        }
        return taken;
    }

    @Override
    protected long getSizeInBytes(String line) {
        return line.getBytes(StandardCharsets.UTF_8).length + 1L;
    }

    @Override
    public void close() {
        super.close();
        retryTimer.shutdownNow();
        io.shutdownNow();
        client.close();
    }
}
