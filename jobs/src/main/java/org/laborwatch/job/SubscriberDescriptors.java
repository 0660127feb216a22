package org.laborwatch.job;

import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;
import org.laborwatch.notify.SubscriberAck;
import org.laborwatch.notify.SubscriberBook;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;

/** The broadcast state and side outputs of the notifier's operators. */
public final class SubscriberDescriptors {

    private SubscriberDescriptors() {}

    /** Applied subscriber updates by id, as their text (the checkpoint format stays plain strings). */
    public static final MapStateDescriptor<String, String> SUBSCRIBER_UPDATES =
            new MapStateDescriptor<>("subscriber-updates", Types.STRING, Types.STRING);

    /** Acknowledgements of subscriber updates. */
    public static final OutputTag<SubscriberAck> ACKS = new OutputTag<>("subscriber-acks", TypeInformation.of(SubscriberAck.class));

    /** Events not delivered, with the last response. */
    public static final OutputTag<WebhookDeadLetter> DEAD_LETTERS =
            new OutputTag<>("webhook-dead-letters", TypeInformation.of(WebhookDeadLetter.class));

    /**
     * Offers {@code update} to {@code book} against the definitions {@code held} in broadcast state,
     * and keeps its text there when applied: each notifier operator holds its own copy.
     */
    public static SubscriberBook.Decision apply(SubscriberBook book, SubscriberUpdate update,
            BroadcastState<String, String> held) throws Exception {
        SubscriberBook.Decision d = book.offer(update, id -> {
            try {
                return held.get(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, System.getenv());
        if (d.applied()) {
            held.put(d.id(), update.text());
        }
        return d;
    }
}
