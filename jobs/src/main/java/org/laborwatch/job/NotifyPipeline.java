package org.laborwatch.job;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.laborwatch.notify.DeliveryAttempt;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.Subscriber;
import org.laborwatch.notify.SubscriberAck;
import org.laborwatch.notify.SubscriberBook;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;

/**
 * The notifier's job graph, separate from the trigger job (its own savepoints):
 *
 * <pre>
 * trigger events (read_committed) ─ fan out to matching subscribers ─► subscriber acks
 *        │ keyBy subscriber            (broadcast subscriber updates to both operators)
 *   outbox per subscriber, signed HTTP attempts ─► delivery log; dead letters
 * </pre>
 */
public final class NotifyPipeline {

    public static final String UID_FAN_OUT = "fan-out-to-subscribers";
    public static final String UID_DELIVER = "deliver-webhooks";
    public static final String UID_DELIVERY_SERIES = "sink-delivery-series";

    private NotifyPipeline() {}

    /**
     * Where the notifier writes.
     *
     * @param attempts the delivery log (required)
     * @param deadLetters undelivered events with their last response (required)
     * @param acks acknowledgements of subscriber updates (optional)
     * @param attemptSeries the delivery log again, for the {@code delivery} measurement (optional)
     */
    public record Sinks(Sink<DeliveryAttempt> attempts, Sink<WebhookDeadLetter> deadLetters, Sink<SubscriberAck> acks,
            Sink<DeliveryAttempt> attemptSeries) {
        public Sinks {
            Objects.requireNonNull(attempts, "a sink for the delivery log is required");
            Objects.requireNonNull(deadLetters, "a sink for undelivered events is required: nothing may be lost silently");
        }
    }

    /**
     * Adds the graph.
     *
     * @param triggers trigger events as JSON text
     * @param updates subscriber updates arriving at run time
     * @param initial the subscribers at start
     * @param illustrativePolicies ids of the illustrative policies (filters leave them out unless asked)
     * @param attemptsTap a testing seam on the delivery log (identity in production)
     */
    public static void build(DataStream<String> triggers, DataStream<SubscriberUpdate> updates, List<Subscriber> initial,
            Set<String> illustrativePolicies, DeliverySettings settings, Sinks sinks,
            UnaryOperator<DataStream<DeliveryAttempt>> attemptsTap) {
        SubscriberBook book = new SubscriberBook(initial);
        BroadcastStream<SubscriberUpdate> broadcast = updates.broadcast(SubscriberDescriptors.SUBSCRIBER_UPDATES);
        SingleOutputStreamOperator<Delivery> deliveries = triggers.connect(broadcast)
                .process(new FanOutToSubscribers(book, illustrativePolicies))
                .returns(TypeInformation.of(Delivery.class))
                .uid(UID_FAN_OUT).name("fan out to subscribers");
        SingleOutputStreamOperator<DeliveryAttempt> attempts = deliveries
                .keyBy(Delivery::subscriber)
                .connect(broadcast)
                .process(new DeliverWebhooks(book, settings))
                .returns(TypeInformation.of(DeliveryAttempt.class))
                .uid(UID_DELIVER).name("deliver webhooks");
        DataStream<DeliveryAttempt> log = attemptsTap.apply(attempts);
        log.sinkTo(sinks.attempts()).uid("sink-delivery-log").name("delivery log");
        if (sinks.attemptSeries() != null) {
            log.sinkTo(sinks.attemptSeries()).uid(UID_DELIVERY_SERIES).name("delivery series");
        }
        deliveries.getSideOutput(SubscriberDescriptors.DEAD_LETTERS)
                .union(attempts.getSideOutput(SubscriberDescriptors.DEAD_LETTERS))
                .sinkTo(sinks.deadLetters()).uid("sink-webhook-dead-letters").name("webhook dead letters");
        if (sinks.acks() != null) {
            deliveries.getSideOutput(SubscriberDescriptors.ACKS).sinkTo(sinks.acks()).uid("sink-subscriber-acks")
                    .name("subscriber acknowledgements");
        }
    }
}
