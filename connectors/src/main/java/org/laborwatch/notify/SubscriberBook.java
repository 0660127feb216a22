package org.laborwatch.notify;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The subscribers in effect: those of the start file, overridden by runtime updates, decided the
 * way {@code PolicyBook} decides policies. The caller keeps applied update texts (in Flink,
 * broadcast state); an update applies only if it parses, is published under its id, is newer than
 * the definition in effect, and its secrets can be read by the notifier. A refused update keeps
 * the subscriber as it was.
 */
public final class SubscriberBook implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Map<String, Subscriber> initial = new LinkedHashMap<>();
    private transient Map<String, Subscriber> parsed;

    public SubscriberBook(Collection<Subscriber> initial) {
        initial.forEach(s -> this.initial.put(s.id(), s));
    }

    /**
     * The decision on an update.
     *
     * @param subscriber the parsed definition when applied, else null
     * @param id the subscriber id, or null if the text names none
     * @param version the update's version, or 0
     * @param refusal why it was refused; null when applied
     */
    public record Decision(Subscriber subscriber, String id, int version, String refusal) {
        public boolean applied() {
            return refusal == null;
        }
    }

    /**
     * Decides on an update.
     *
     * @param heldText the update text held for an id, or null
     * @param env the notifier's environment, where {@code env:} secrets are looked up
     */
    public Decision offer(SubscriberUpdate update, Function<String, String> heldText, Map<String, String> env) {
        Subscriber s;
        try {
            s = parse(update.text());
        } catch (SubscriberException e) {
            SubscriberParser.Identity who = SubscriberParser.identify(update.text());
            return new Decision(null, who.id(), who.version(), e.getMessage() + "; the subscriber in effect is kept");
        }
        if (update.key() != null && !update.key().equals(s.id())) {
            return new Decision(null, s.id(), s.version(), "the Kafka key '" + update.key().replaceAll("\\p{Cntrl}", "?")
                    + "' is not the subscriber id '" + s.id() + "': publish a subscriber under its id, or compaction would"
                    + " replace the definition stored under that key; the subscriber in effect is kept");
        }
        Subscriber held = current(s.id(), heldText.apply(s.id()));
        if (held != null && s.version() <= held.version()) {
            return new Decision(null, s.id(), s.version(), "version " + s.version()
                    + " is not newer than the version in effect (" + held.version() + ")");
        }
        try {
            s.keys(env);
        } catch (SubscriberException e) {
            return new Decision(null, s.id(), s.version(), e.getMessage() + "; the subscriber in effect is kept");
        }
        return new Decision(s, s.id(), s.version(), null);
    }

    /** The definition in effect for an id given the held text (or null), or null if there is none. */
    public Subscriber current(String id, String heldText) {
        return heldText != null ? parse(heldText) : initial.get(id);
    }

    /** Every subscriber in effect, given the held texts by id. */
    public List<Subscriber> all(Map<String, String> heldTexts) {
        Map<String, Subscriber> all = new LinkedHashMap<>(initial);
        heldTexts.forEach((id, text) -> all.put(id, parse(text)));
        return new ArrayList<>(all.values());
    }

    private Subscriber parse(String text) {
        if (parsed == null) {
            parsed = new HashMap<>();
        }
        Subscriber s = parsed.get(text);
        if (s == null) {
            s = SubscriberParser.parse(text);
            parsed.put(text, s);
        }
        return s;
    }
}
