package org.laborwatch.notify;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The deliveries still owed to one subscriber: a queue per region, of which only the head is ever
 * under way, so one region's events arrive in order; at most {@code maxInFlight} heads are under
 * way at once, so one subscriber's backlog never grows into unbounded concurrent requests. Once a
 * delivery has spent its retry budget (or the receiver answers 410 Gone) the subscriber is paused:
 * what it is still owed, and what arrives for it later, goes to the dead letters until a new
 * version of its definition resumes it.
 *
 * <p>The whole outbox is state that a checkpoint saves ({@link #writeTo}); a delivery under way at
 * a checkpoint is saved as under way and sent again after a restore, with the same
 * {@code webhook-id}. Plain Java: the delivery rules are tested without Flink and without HTTP.
 */
public final class Outbox {

    /** The first byte of the saved form; raise it when the layout changes, and keep reading the old one. */
    static final byte FORMAT = 1;

    private final String subscriber;
    private final Map<String, ArrayDeque<Pending>> queues = new LinkedHashMap<>();
    private String pausedBecause;

    public Outbox(String subscriber) {
        this.subscriber = Objects.requireNonNull(subscriber, "subscriber");
    }

    /** One event owed to the subscriber. Mutable: it lives in exactly one outbox. */
    public static final class Pending {
        final String eventId;
        final String region;
        final String body;
        int attempts;
        long firstAttemptAt;
        long nextAttemptAt;
        boolean inFlight;
        int lastStatus;
        String lastResponse;

        Pending(String eventId, String region, String body) {
            this.eventId = eventId;
            this.region = region;
            this.body = body;
        }

        public String eventId() {
            return eventId;
        }

        public String region() {
            return region;
        }

        /** The request body: the trigger event's JSON, exactly as signed and sent. */
        public byte[] body() {
            return body.getBytes(StandardCharsets.UTF_8);
        }

        /** The number of this attempt (1 for the first). */
        public int attempt() {
            return attempts;
        }
    }

    /** What a completed attempt led to: its log line and any dead letters (several when it paused the subscriber). */
    public record Step(DeliveryAttempt attempt, List<WebhookDeadLetter> deadLetters) {}

    public String subscriber() {
        return subscriber;
    }

    /** Why the subscriber is paused, or null while it is served. */
    public String pausedBecause() {
        return pausedBecause;
    }

    /**
     * Queues an event behind the earlier ones of its region. A paused subscriber gets it straight in
     * the dead letters (returned), so a dead endpoint does not make state grow without end.
     */
    public WebhookDeadLetter enqueue(String eventId, String region, String body) {
        if (pausedBecause != null) {
            return new WebhookDeadLetter(subscriber, eventId, "paused", 0, 0, pausedBecause, body);
        }
        for (Pending p : queues.getOrDefault(region, new ArrayDeque<>())) {
            if (p.eventId.equals(eventId)) {
                return null; // already owed: the event was read again (a replay of the trigger topic)
            }
        }
        queues.computeIfAbsent(region, r -> new ArrayDeque<>()).add(new Pending(eventId, region, body));
        return null;
    }

    /**
     * The attempts to start now, marked as under way: region heads whose time has come, and heads
     * saved as under way that {@code running} does not know (they were under way before a restart),
     * at most {@code maxInFlight} under way in all.
     */
    public List<Pending> due(long nowMillis, int maxInFlight, Predicate<String> running) {
        List<Pending> start = new ArrayList<>();
        int underWay = 0;
        for (ArrayDeque<Pending> q : queues.values()) {
            Pending head = q.peekFirst();
            if (head != null && head.inFlight && running.test(head.eventId)) {
                underWay++;
            }
        }
        for (ArrayDeque<Pending> q : queues.values()) {
            Pending head = q.peekFirst();
            if (underWay >= maxInFlight) {
                break;
            }
            if (head == null || (head.inFlight && running.test(head.eventId))) {
                continue;
            }
            if (head.inFlight || head.nextAttemptAt <= nowMillis) {
                if (head.attempts == 0) {
                    head.firstAttemptAt = nowMillis;
                }
                head.attempts++;
                head.inFlight = true;
                start.add(head);
                underWay++;
            }
        }
        return start;
    }

    /**
     * Records the answer to the attempt under way for {@code eventId}; null when there is none (an
     * answer that arrives after a restore already re-sent it is not counted twice).
     *
     * @param random a uniform number in [0, 1) for the retry jitter
     */
    public Step complete(String eventId, String region, Response r, long nowMillis, RetrySchedule schedule, double random) {
        ArrayDeque<Pending> q = queues.get(region);
        Pending p = q == null ? null : q.peekFirst();
        if (p == null || !p.eventId.equals(eventId) || !p.inFlight) {
            return null;
        }
        p.inFlight = false;
        p.lastStatus = r.status();
        p.lastResponse = r.body();
        Instant now = Instant.ofEpochMilli(nowMillis);
        List<WebhookDeadLetter> dead = new ArrayList<>();
        String outcome;
        switch (r.verdict()) {
            case DELIVERED -> {
                outcome = DeliveryAttempt.DELIVERED;
                remove(q, region);
            }
            case REJECTED -> {
                outcome = DeliveryAttempt.REJECTED;
                dead.add(deadLetter(p, "rejected"));
                remove(q, region);
            }
            case GONE -> {
                outcome = DeliveryAttempt.GONE;
                dead.add(deadLetter(p, "gone"));
                remove(q, region);
                dead.addAll(pause("the receiver answered 410 Gone"));
            }
            default -> {
                Duration wait = schedule.delay(p.attempts, RetrySchedule.retryAfter(r.retryAfter(), now), random);
                Instant next = now.plus(wait);
                if (schedule.within(Instant.ofEpochMilli(p.firstAttemptAt), next)) {
                    outcome = DeliveryAttempt.RETRY;
                    p.nextAttemptAt = next.toEpochMilli();
                } else {
                    outcome = DeliveryAttempt.DEAD;
                    dead.add(deadLetter(p, "budget"));
                    remove(q, region);
                    dead.addAll(pause("event " + eventId + " was not delivered within the retry budget of "
                            + schedule.budget()));
                }
            }
        }
        DeliveryAttempt log = new DeliveryAttempt(subscriber, eventId, region, p.attempts, r.status(), r.latencyMillis(),
                outcome, r.status() == 0 ? r.body() : null, now);
        return new Step(log, dead);
    }

    /** Pauses the subscriber; everything it is still owed becomes a dead letter (returned). */
    public List<WebhookDeadLetter> pause(String because) {
        pausedBecause = because;
        List<WebhookDeadLetter> dead = new ArrayList<>();
        for (ArrayDeque<Pending> q : queues.values()) {
            for (Pending p : q) {
                dead.add(deadLetter(p, "paused"));
            }
        }
        queues.clear();
        return dead;
    }

    /** Serves the subscriber again (a new version of its definition was applied). */
    public void resume() {
        pausedBecause = null;
    }

    /** When the next attempt that waits for its time is due, or {@link Long#MAX_VALUE} when none waits. */
    public long nextAttemptAt() {
        long next = Long.MAX_VALUE;
        for (ArrayDeque<Pending> q : queues.values()) {
            Pending head = q.peekFirst();
            if (head != null && !head.inFlight) {
                next = Math.min(next, head.nextAttemptAt);
            }
        }
        return next;
    }

    /** Whether an attempt is under way. */
    public boolean anyInFlight() {
        return queues.values().stream().anyMatch(q -> !q.isEmpty() && q.peekFirst().inFlight);
    }

    /** Events still owed. */
    public int size() {
        return queues.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    public boolean isEmpty() {
        return queues.isEmpty() && pausedBecause == null;
    }

    private void remove(ArrayDeque<Pending> q, String region) {
        q.pollFirst();
        if (q.isEmpty()) {
            queues.remove(region);
        }
    }

    private WebhookDeadLetter deadLetter(Pending p, String reason) {
        return new WebhookDeadLetter(subscriber, p.eventId, reason, p.attempts, p.lastStatus, p.lastResponse, p.body);
    }

    /** The saved form: a format byte, then the subscriber, the pause and every queue in order. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT);
        out.writeUTF(subscriber);
        writeNullable(out, pausedBecause);
        out.writeInt(queues.size());
        for (Map.Entry<String, ArrayDeque<Pending>> e : queues.entrySet()) {
            out.writeUTF(e.getKey());
            out.writeInt(e.getValue().size());
            for (Pending p : e.getValue()) {
                out.writeUTF(p.eventId);
                byte[] body = p.body.getBytes(StandardCharsets.UTF_8);
                out.writeInt(body.length);
                out.write(body);
                out.writeInt(p.attempts);
                out.writeLong(p.firstAttemptAt);
                out.writeLong(p.nextAttemptAt);
                out.writeBoolean(p.inFlight);
                out.writeInt(p.lastStatus);
                writeNullable(out, p.lastResponse);
            }
        }
    }

    public static Outbox readFrom(DataInput in) throws IOException {
        byte format = in.readByte();
        if (format != FORMAT) {
            throw new IOException("outbox state has format " + format + "; this notifier reads format " + FORMAT);
        }
        Outbox o = new Outbox(in.readUTF());
        o.pausedBecause = readNullable(in);
        int regions = in.readInt();
        for (int i = 0; i < regions; i++) {
            String region = in.readUTF();
            int n = in.readInt();
            ArrayDeque<Pending> q = new ArrayDeque<>(n);
            for (int j = 0; j < n; j++) {
                String id = in.readUTF();
                byte[] body = new byte[in.readInt()];
                in.readFully(body);
                Pending p = new Pending(id, region, new String(body, StandardCharsets.UTF_8));
                p.attempts = in.readInt();
                p.firstAttemptAt = in.readLong();
                p.nextAttemptAt = in.readLong();
                p.inFlight = in.readBoolean();
                p.lastStatus = in.readInt();
                p.lastResponse = readNullable(in);
                q.add(p);
            }
            o.queues.put(region, q);
        }
        return o;
    }

    private static void writeNullable(DataOutput out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s.length() > 8000 ? s.substring(0, 8000) : s);
        }
    }

    private static String readNullable(DataInput in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    /** The events owed, region by region, for tests and diagnostics. */
    public List<String> owed() {
        List<String> ids = new ArrayList<>();
        queues.values().forEach(q -> q.forEach(p -> ids.add(p.eventId)));
        return ids;
    }
}
