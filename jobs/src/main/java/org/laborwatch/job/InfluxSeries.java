package org.laborwatch.job;

import java.util.concurrent.TimeUnit;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.flink.api.connector.sink2.Sink;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.LineProtocol;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.io.influx.InfluxSink;
import org.laborwatch.io.influx.InfluxToken;

/**
 * The three InfluxDB measurements of DESIGN.md as pipeline sinks: {@code observation} (accepted
 * observations), {@code metric} (metric points: the latest {@code value} and, as a second field of
 * the same point, the {@code as_published} value) and {@code trigger} (trigger events), all
 * timestamped at their period start, so a replay overwrites instead of adding points.
 */
public final class InfluxSeries {

    private InfluxSeries() {}

    /**
     * Sets the {@code observations}, {@code metricSeries}, {@code asPublishedSeries} and {@code triggerSeries} sinks of
     * {@code sinks} to InfluxDB sinks writing to {@code bucket} in {@code org} at {@code url}.
     *
     * @param refusals where lines InfluxDB refused for good go, as {@code influx_rejected} dead
     *     letters (the job's dead-letter output; used by three operators, so not a transactional
     *     Kafka sink with one id prefix)
     * @param tuning applied to each sink builder before it is built (batching, backoff); may do nothing
     */
    public static PipelineSinks.Builder addTo(PipelineSinks.Builder sinks, String url, String org, String bucket,
            InfluxToken token, Sink<DeadLetter> refusals, Consumer<InfluxSink.Builder<?>> tuning) {
        Objects.requireNonNull(refusals, "a dead-letter sink for lines InfluxDB refuses is required: they must not be lost");
        // Distinct lambdas, not method references: javac conflates serializable method references
        // that differ only in their instantiated type.
        InfluxSink.Builder<Observation> observations = InfluxSink.<Observation>builder()
                .lines((Observation o, TimeUnit p) -> LineProtocol.observation(o, p));
        InfluxSink.Builder<MetricPoint> metrics = InfluxSink.<MetricPoint>builder()
                .lines((MetricPoint m, TimeUnit p) -> LineProtocol.metric(m, p));
        InfluxSink.Builder<MetricPoint> asPublished = InfluxSink.<MetricPoint>builder()
                .lines((MetricPoint m, TimeUnit p) -> LineProtocol.metricAsPublished(m, p));
        InfluxSink.Builder<TriggerEvent> triggers = InfluxSink.<TriggerEvent>builder()
                .lines((TriggerEvent e, TimeUnit p) -> LineProtocol.trigger(e, p));
        observations.refusals(refusals, LaborwatchPipeline.UID_OBSERVATION_SERIES + "-refused");
        metrics.refusals(refusals, LaborwatchPipeline.UID_METRIC_SERIES + "-refused");
        asPublished.refusals(refusals, LaborwatchPipeline.UID_AS_PUBLISHED_SERIES + "-refused");
        triggers.refusals(refusals, LaborwatchPipeline.UID_TRIGGER_SERIES + "-refused");
        for (InfluxSink.Builder<?> b : java.util.List.<InfluxSink.Builder<?>>of(observations, metrics, asPublished, triggers)) {
            b.url(url).org(org).bucket(bucket).token(token);
            tuning.accept(b);
        }
        return sinks.observations(observations.build()).metricSeries(metrics.build())
                .asPublishedSeries(asPublished.build()).triggerSeries(triggers.build());
    }
}
