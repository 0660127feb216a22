package org.laborwatch.job;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.io.webhook.WebhookClient;
import org.laborwatch.notify.DeliveryAttempt;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.Outbox;
import org.laborwatch.notify.Response;
import org.laborwatch.notify.Subscriber;
import org.laborwatch.notify.SubscriberBook;
import org.laborwatch.notify.SubscriberException;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;

/**
 * Keyed by subscriber: keeps what the subscriber is owed in an {@link Outbox} (checkpointed), sends
 * the attempts that are due over HTTP without waiting for them, and collects their answers on a
 * processing-time tick. Waiting on one subscriber therefore never holds up another, and a restore
 * re-sends exactly the attempts that were under way or due at the checkpoint.
 *
 * <p>The HTTP answers complete on the client's threads; they are handed to the operator's thread
 * through a queue per subscriber and applied in {@link #onTimer}, where state may be touched.
 */
public final class DeliverWebhooks extends KeyedBroadcastProcessFunction<String, Delivery, SubscriberUpdate, DeliveryAttempt> {

    private static final long serialVersionUID = 1L;

    /** The state's name; part of the savepoint format. */
    public static final String STATE = "webhook-outbox";

    private final SubscriberBook book;
    private final DeliverySettings settings;

    private transient ValueState<Outbox> outboxes;
    private transient WebhookClient client;
    private transient Random random;
    /** Answers not yet applied, by subscriber. */
    private transient ConcurrentHashMap<String, Queue<Answer>> answers;
    /** Attempts this instance has under way, as {@code subscriber|eventId}. */
    private transient Set<String> running;

    public DeliverWebhooks(SubscriberBook book, DeliverySettings settings) {
        this.book = book;
        this.settings = settings;
    }

    private record Answer(String eventId, String region, Response response) {}

    static ValueStateDescriptor<Outbox> descriptor() {
        return new ValueStateDescriptor<>(STATE, new OutboxSerializer());
    }

    @Override
    public void open(OpenContext openContext) {
        outboxes = getRuntimeContext().getState(descriptor());
        client = new WebhookClient(settings.requestTimeout());
        random = new Random();
        answers = new ConcurrentHashMap<>();
        running = ConcurrentHashMap.newKeySet();
    }

    @Override
    public void processElement(Delivery d, ReadOnlyContext ctx, Collector<DeliveryAttempt> out) throws Exception {
        Outbox box = outboxes.value();
        if (box == null) {
            box = new Outbox(d.subscriber());
        }
        WebhookDeadLetter dead = box.enqueue(d.eventId(), d.region(), d.body());
        if (dead != null) {
            ctx.output(SubscriberDescriptors.DEAD_LETTERS, dead);
        }
        Subscriber s = subscriber(d.subscriber(), ctx.getBroadcastState(SubscriberDescriptors.SUBSCRIBER_UPDATES));
        pump(box, s, ctx.timerService());
        outboxes.update(box);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<DeliveryAttempt> out) throws Exception {
        Outbox box = outboxes.value();
        if (box == null) {
            return;
        }
        String key = ctx.getCurrentKey();
        Queue<Answer> done = answers.get(key);
        for (Answer a; done != null && (a = done.poll()) != null; ) {
            running.remove(key + "|" + a.eventId());
            Outbox.Step step = box.complete(a.eventId(), a.region(), a.response(), System.currentTimeMillis(),
                    settings.schedule(), random.nextDouble());
            if (step != null) {
                out.collect(step.attempt());
                step.deadLetters().forEach(dl -> ctx.output(SubscriberDescriptors.DEAD_LETTERS, dl));
            }
        }
        Subscriber s = subscriber(key, ctx.getBroadcastState(SubscriberDescriptors.SUBSCRIBER_UPDATES));
        pump(box, s, ctx.timerService());
        if (box.isEmpty()) {
            outboxes.clear();
        } else {
            outboxes.update(box);
        }
    }

    @Override
    public void processBroadcastElement(SubscriberUpdate update, Context ctx, Collector<DeliveryAttempt> out) throws Exception {
        SubscriberBook.Decision d = SubscriberDescriptors.apply(book, update,
                ctx.getBroadcastState(SubscriberDescriptors.SUBSCRIBER_UPDATES));
        if (!d.applied()) {
            return; // the fan-out acknowledges; the definition in effect stays
        }
        // A new version serves a paused subscriber again; its next event starts it.
        ctx.applyToKeyedState(descriptor(), (key, keyed) -> {
            Outbox box = keyed.value();
            if (key.equals(d.id()) && box != null && box.pausedBecause() != null) {
                box.resume();
                keyed.update(box);
            }
        });
    }

    private Subscriber subscriber(String id, ReadOnlyBroadcastState<String, String> held) throws Exception {
        return book.current(id, held.get(id));
    }

    /** Starts what is due and arranges to look again: soon while answers are awaited, else at the next retry. */
    private void pump(Outbox box, Subscriber s, TimerService timers) {
        long now = timers.currentProcessingTime();
        if (s != null && box.pausedBecause() == null) {
            String key = box.subscriber();
            List<Outbox.Pending> start = box.due(now, s.maxInFlight(), id -> running.contains(key + "|" + id));
            for (Outbox.Pending p : start) {
                send(key, s, p);
            }
        }
        long tick = settings.tick().toMillis();
        long next = box.anyInFlight() ? now + tick : box.nextAttemptAt();
        if (next != Long.MAX_VALUE) {
            // Rounded to the tick, so one subscriber never holds more than one timer per tick.
            timers.registerProcessingTimeTimer(((Math.max(next, now) / tick) + 1) * tick);
        }
    }

    private void send(String key, Subscriber s, Outbox.Pending p) {
        running.add(key + "|" + p.eventId());
        Queue<Answer> done = answers.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
        List<byte[]> keys;
        try {
            keys = s.keys(System.getenv());
        } catch (SubscriberException e) {
            // The secret went missing after the subscriber was accepted: no request can be signed,
            // so the attempt fails like an unreachable endpoint and is retried within the budget.
            done.add(new Answer(p.eventId(), p.region(), Response.none(e.getMessage(), 0)));
            return;
        }
        client.post(s.url(), p.eventId(), Instant.now().getEpochSecond(), p.body(), keys)
                .thenAccept(r -> done.add(new Answer(p.eventId(), p.region(), r)));
    }
}
