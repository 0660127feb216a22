package org.laborwatch.notify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofSeconds(30));
    static final Response OK = new Response(200, null, "", 5);
    static final Response UNAVAILABLE = new Response(503, null, "busy", 5);

    private static List<String> ids(List<Outbox.Pending> ps) {
        return ps.stream().map(Outbox.Pending::eventId).toList();
    }

    @Test
    void oneRegionIsDeliveredInOrderAndInFlightIsBounded() {
        Outbox box = new Outbox("s");
        box.enqueue("a1", "US-AZ", "{}");
        box.enqueue("a2", "US-AZ", "{}");
        box.enqueue("c1", "US-CA", "{}");
        box.enqueue("n1", "US-NE", "{}");
        List<Outbox.Pending> first = box.due(0, 2, id -> true);
        assertEquals(List.of("a1", "c1"), ids(first), "region heads only, at most 2 under way");
        assertEquals(List.of(), ids(box.due(0, 2, id -> true)), "the bound holds while both are under way");
        box.complete("a1", "US-AZ", OK, 10, SCHEDULE, 0.5);
        assertEquals(List.of("a2"), ids(box.due(10, 2, id -> true)), "a2 only after a1 was delivered");
    }

    @Test
    void retriesBackOffHonourRetryAfterThenDeadLetterAndPause() {
        Outbox box = new Outbox("s");
        box.enqueue("a1", "US-AZ", "{\"event_id\":\"a1\"}");
        box.enqueue("a2", "US-AZ", "{}");
        box.due(0, 4, id -> true);
        Outbox.Step retry = box.complete("a1", "US-AZ", UNAVAILABLE, 100, SCHEDULE, 0.5);
        assertEquals(DeliveryAttempt.RETRY, retry.attempt().outcome());
        assertEquals(1100, box.nextAttemptAt(), "1 s after the first failure (no jitter at 0.5)");
        assertEquals(List.of(), ids(box.due(1099, 4, id -> true)));
        assertEquals(List.of("a1"), ids(box.due(1100, 4, id -> true)));
        Outbox.Step later = box.complete("a1", "US-AZ", new Response(429, "20", "slow down", 5), 1200, SCHEDULE, 0.5);
        assertEquals(DeliveryAttempt.RETRY, later.attempt().outcome());
        assertEquals(21_200, box.nextAttemptAt(), "Retry-After 20 s beats the 2 s backoff");
        box.due(21_200, 4, id -> true);
        Outbox.Step dead = box.complete("a1", "US-AZ", Response.none("timeout after 100 ms", 100), 31_000, SCHEDULE, 0.5);
        assertEquals(DeliveryAttempt.DEAD, dead.attempt().outcome(), "the next retry would be past the 30 s budget");
        assertEquals(2, dead.deadLetters().size(), "the event, then what the paused subscriber is still owed");
        assertEquals("budget", dead.deadLetters().get(0).reason());
        assertEquals(3, dead.deadLetters().get(0).attempts());
        assertEquals("timeout after 100 ms", dead.deadLetters().get(0).lastResponse());
        assertEquals("paused", dead.deadLetters().get(1).reason());
        assertNotNull(box.enqueue("a3", "US-AZ", "{}"), "a paused subscriber's new events go to the dead letters");
        box.resume();
        assertNull(box.enqueue("a4", "US-AZ", "{}"));
    }

    @Test
    void aClientErrorIsNotRetriedButTimeoutsAnd408AreAnd410PausesTheSubscriber() {
        assertEquals(Response.Verdict.REJECTED, new Response(401, null, "", 1).verdict());
        assertEquals(Response.Verdict.REJECTED, new Response(301, null, "", 1).verdict());
        assertEquals(Response.Verdict.RETRY, new Response(408, null, "", 1).verdict());
        assertEquals(Response.Verdict.RETRY, new Response(429, null, "", 1).verdict());
        assertEquals(Response.Verdict.RETRY, new Response(500, null, "", 1).verdict());
        assertEquals(Response.Verdict.RETRY, Response.none("timeout", 1).verdict());
        Outbox box = new Outbox("s");
        box.enqueue("a1", "US-AZ", "{}");
        box.due(0, 1, id -> true);
        assertEquals(DeliveryAttempt.REJECTED, box.complete("a1", "US-AZ", new Response(401, null, "bad signature", 1), 1,
                SCHEDULE, 0.5).attempt().outcome());
        assertNull(box.pausedBecause(), "one refused request does not pause the subscriber");
        box.enqueue("a2", "US-AZ", "{}");
        box.due(2, 1, id -> true);
        box.complete("a2", "US-AZ", new Response(410, null, "", 1), 3, SCHEDULE, 0.5);
        assertTrue(box.pausedBecause().contains("410"));
    }

    @Test
    void anAttemptUnderWayAtACheckpointIsSentAgainAfterARestore() throws IOException {
        Outbox box = new Outbox("s");
        box.enqueue("a1", "US-AZ", "{}");
        box.due(0, 4, id -> true);
        Outbox restored = roundTrip(box);
        assertEquals(List.of(), ids(restored.due(5, 4, id -> true)), "still under way in this process");
        Outbox.Pending again = restored.due(5, 4, id -> false).get(0);
        assertEquals("a1", again.eventId());
        assertEquals(2, again.attempt(), "a new attempt of the same event (same webhook-id)");
        assertNull(restored.complete("a9", "US-AZ", OK, 6, SCHEDULE, 0.5), "an answer for nothing under way is ignored");
    }

    /** The saved form is the savepoint format: these bytes must keep reading as this outbox. */
    @Test
    void theSavedFormIsStable() throws IOException {
        Outbox box = new Outbox("news");
        box.enqueue("e1", "US", "{\"a\":1}");
        box.due(1000, 4, id -> true);
        box.complete("e1", "US", UNAVAILABLE, 2000, SCHEDULE, 0.5);
        String golden = "0100046e657773000000000100025553000000010002653100000007"
                + "7b2261223a317d0000000100000000000003e80000000000000bb800000001f7"
                + "01000462757379";
        assertEquals(golden, HexFormat.of().formatHex(bytes(box)));
        Outbox read = Outbox.readFrom(new DataInputStream(new ByteArrayInputStream(HexFormat.of().parseHex(golden))));
        assertArrayEquals(HexFormat.of().parseHex(golden), bytes(read));
        assertEquals(List.of("e1"), read.owed());
        assertEquals(3000, read.nextAttemptAt());
    }

    private static byte[] bytes(Outbox box) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        box.writeTo(new DataOutputStream(out));
        return out.toByteArray();
    }

    private static Outbox roundTrip(Outbox box) throws IOException {
        return Outbox.readFrom(new DataInputStream(new ByteArrayInputStream(bytes(box))));
    }
}
