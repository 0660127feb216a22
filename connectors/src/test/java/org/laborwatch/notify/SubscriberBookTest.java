package org.laborwatch.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

class SubscriberBookTest {

    static final Map<String, String> ENV = Map.of("NEWS_SECRET", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

    static String definition(int version, String url, String extra) {
        return "id: newsroom\nversion: " + version + "\nurl: " + url + "\nsecret: env:NEWS_SECRET\n" + extra;
    }

    static TriggerEvent event(String policy, String region, Transition t, String tier) {
        LocalDate period = LocalDate.of(2020, 4, 1);
        return new TriggerEvent(TriggerEvent.idFor(policy, 1, region, "all", period, t, tier), policy, 1, region, "all", t, tier,
                t == Transition.EXIT ? 0 : 1, period, Frequency.MONTHLY, period, null, new TreeMap<>(Map.of("x", BigDecimal.ONE)),
                new TreeMap<>(), null, period, null);
    }

    @Test
    void theFilterSelectsByPolicyRegionGlobTransitionTierAndIllustrative() {
        Subscriber s = SubscriberParser.parse(definition(1, "https://hooks.example.org/x",
                "filter:\n  policies: [eb-iur]\n  regions: [\"US-C*\", US-NE]\n  transitions: [enter]\n  tiers: [base]\n"));
        SubscriberFilter f = s.filter();
        assertTrue(f.matches(event("eb-iur", "US-CA", Transition.ENTER, "base"), false));
        assertTrue(f.matches(event("eb-iur", "US-NE", Transition.ENTER, "base"), false));
        assertFalse(f.matches(event("eb-iur", "US-AZ", Transition.ENTER, "base"), false), "region outside the globs");
        assertFalse(f.matches(event("eb-iur", "US-CA", Transition.EXIT, "off"), false), "transition");
        assertFalse(f.matches(event("sahm-national", "US-CA", Transition.ENTER, "base"), false), "policy");
        assertFalse(f.matches(event("eb-iur", "US-CA", Transition.ENTER, "base"), true), "illustrative not asked for");
        SubscriberFilter all = SubscriberParser.parse(definition(1, "https://h.example/x", "filter:\n  illustrative: true\n")).filter();
        assertTrue(all.matches(event("disruption-index", "US-CA", Transition.ENTER, "severe"), true));
    }

    @Test
    void badDefinitionsAreRefusedWithTheFieldAndTheFix() {
        assertMessage("plain HTTP", definition(1, "http://hooks.example.org/x", ""));
        assertMessage("unknown field", definition(1, "https://h.example/x", "filter:\n  region: [US]\n"));
        assertMessage("must never be in a subscriber", "id: a\nversion: 1\nurl: https://h.example/x\nsecret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\n");
        assertMessage("version", definition(0, "https://h.example/x", ""));
        assertMessage("not one of", definition(1, "https://h.example/x", "filter:\n  transitions: [START]\n"));
        // Loopback is the one place plain HTTP is allowed (tests, the local try-out).
        assertEquals("http", SubscriberParser.parse(definition(1, "http://127.0.0.1:9000/x", "")).url().getScheme());
    }

    private static void assertMessage(String expected, String text) {
        SubscriberException e = assertThrows(SubscriberException.class, () -> SubscriberParser.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aRefusedUpdateKeepsTheSubscriberInEffect() {
        SubscriberBook book = new SubscriberBook(List.of(SubscriberParser.parse(definition(1, "https://a.example/x", ""))));
        Map<String, String> held = new HashMap<>();
        String v2 = definition(2, "https://b.example/x", "");
        SubscriberBook.Decision applied = book.offer(new SubscriberUpdate("newsroom", v2), held::get, ENV);
        assertTrue(applied.applied(), applied.refusal());
        held.put("newsroom", v2);

        List<SubscriberUpdate> refused = List.of(
                new SubscriberUpdate("newsroom", definition(2, "https://c.example/x", "")),            // not newer
                new SubscriberUpdate("other", definition(3, "https://c.example/x", "")),               // wrong key
                new SubscriberUpdate("newsroom", definition(3, "http://c.example/x", "")),             // plain http
                new SubscriberUpdate("newsroom", definition(3, "https://c.example/x", "").replace("NEWS_SECRET", "UNSET"))); // secret
        for (SubscriberUpdate u : refused) {
            SubscriberBook.Decision d = book.offer(u, held::get, ENV);
            assertFalse(d.applied(), u.toString());
            assertEquals("newsroom", d.id());
            SubscriberAck ack = SubscriberAck.of(d);
            assertEquals("refused", ack.status());
            assertFalse(ack.reason().contains("whsec_"), "no secret in an acknowledgement");
        }
        assertEquals("https://b.example/x", book.current("newsroom", held.get("newsroom")).url().toString());
        assertNull(SubscriberAck.of(applied).reason());
    }
}
