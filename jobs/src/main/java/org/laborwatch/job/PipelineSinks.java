package org.laborwatch.job;

import java.util.Objects;
import org.apache.flink.api.connector.sink2.Sink;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;

/**
 * Where the job graph writes: the demo gives files, the tests in-memory collectors, production
 * Kafka and InfluxDB. The graph is the same whichever is given.
 *
 * @param triggers trigger events (required)
 * @param metrics metric points (required)
 * @param deadLetters refused input records (required)
 * @param policyAcks acknowledgements of policy updates (optional)
 * @param observations accepted observations, for the {@code observation} measurement (optional)
 * @param metricSeries metric points again, for a time-series store such as InfluxDB next to
 *     {@code metrics} (optional; a second consumer of the metric stream)
 * @param triggerSeries trigger events again, for the {@code trigger} measurement next to
 *     {@code triggers} (optional; a second consumer of the trigger stream)
 * @param asPublishedSeries the metric points that carry their period's value as first published
 *     ({@link org.laborwatch.metrics.FirstPublication}), for a time-series store to keep next to
 *     the latest value (optional; roll-ups are not among them)
 */
public record PipelineSinks(
        Sink<TriggerEvent> triggers,
        Sink<MetricPoint> metrics,
        Sink<DeadLetter> deadLetters,
        Sink<PolicyAck> policyAcks,
        Sink<Observation> observations,
        Sink<MetricPoint> metricSeries,
        Sink<TriggerEvent> triggerSeries,
        Sink<MetricPoint> asPublishedSeries) {

    public static Builder builder() {
        return new Builder();
    }

    /** Fail-fast builder: the three required sinks must be set. */
    public static final class Builder {
        private Sink<TriggerEvent> triggers;
        private Sink<MetricPoint> metrics;
        private Sink<DeadLetter> deadLetters;
        private Sink<PolicyAck> policyAcks;
        private Sink<Observation> observations;
        private Sink<MetricPoint> metricSeries;
        private Sink<TriggerEvent> triggerSeries;
        private Sink<MetricPoint> asPublishedSeries;

        public Builder triggers(Sink<TriggerEvent> sink) {
            this.triggers = sink;
            return this;
        }

        public Builder metrics(Sink<MetricPoint> sink) {
            this.metrics = sink;
            return this;
        }

        public Builder deadLetters(Sink<DeadLetter> sink) {
            this.deadLetters = sink;
            return this;
        }

        public Builder policyAcks(Sink<PolicyAck> sink) {
            this.policyAcks = sink;
            return this;
        }

        public Builder observations(Sink<Observation> sink) {
            this.observations = sink;
            return this;
        }

        public Builder metricSeries(Sink<MetricPoint> sink) {
            this.metricSeries = sink;
            return this;
        }

        public Builder triggerSeries(Sink<TriggerEvent> sink) {
            this.triggerSeries = sink;
            return this;
        }

        public Builder asPublishedSeries(Sink<MetricPoint> sink) {
            this.asPublishedSeries = sink;
            return this;
        }

        public PipelineSinks build() {
            Objects.requireNonNull(triggers, "a sink for trigger events is required");
            Objects.requireNonNull(metrics, "a sink for metric points is required");
            Objects.requireNonNull(deadLetters, "a sink for dead letters is required: bad input must not be lost");
            return new PipelineSinks(triggers, metrics, deadLetters, policyAcks, observations, metricSeries, triggerSeries,
                    asPublishedSeries);
        }
    }
}
