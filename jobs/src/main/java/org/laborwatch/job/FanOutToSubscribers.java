package org.laborwatch.job;

import java.util.Map;
import java.util.Set;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.notify.Subscriber;
import org.laborwatch.notify.SubscriberAck;
import org.laborwatch.notify.SubscriberBook;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;

/**
 * Sends each trigger event on to every subscriber whose filter matches it. Subscriber updates
 * arrive as broadcast text, are decided by {@link SubscriberBook} identically on every instance, and
 * are acknowledged once (by subtask 0). A record on the triggers topic that is not a trigger event
 * goes to the dead letters, not silently away.
 */
public final class FanOutToSubscribers extends BroadcastProcessFunction<String, SubscriberUpdate, Delivery> {

    private static final long serialVersionUID = 1L;

    private final SubscriberBook book;
    private final Set<String> illustrativePolicies;

    public FanOutToSubscribers(SubscriberBook book, Set<String> illustrativePolicies) {
        this.book = book;
        this.illustrativePolicies = Set.copyOf(illustrativePolicies);
    }

    @Override
    public void processElement(String json, ReadOnlyContext ctx, Collector<Delivery> out) throws Exception {
        TriggerEvent e;
        try {
            e = Json.read(json, TriggerEvent.class);
        } catch (RuntimeException ex) {
            ctx.output(SubscriberDescriptors.DEAD_LETTERS, new WebhookDeadLetter("*", null, "not a trigger event", 0, 0,
                    String.valueOf(ex.getMessage()), Json.write(json)));
            return;
        }
        Map<String, String> held = PolicyDescriptors.copy(ctx.getBroadcastState(SubscriberDescriptors.SUBSCRIBER_UPDATES));
        for (Subscriber s : book.all(held)) {
            if (s.filter().matches(e, illustrativePolicies.contains(e.policy()))) {
                out.collect(new Delivery(s.id(), e.eventId(), e.region(), json));
            }
        }
    }

    @Override
    public void processBroadcastElement(SubscriberUpdate update, Context ctx, Collector<Delivery> out) throws Exception {
        SubscriberBook.Decision d = SubscriberDescriptors.apply(book, update,
                ctx.getBroadcastState(SubscriberDescriptors.SUBSCRIBER_UPDATES));
        if (getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            ctx.output(SubscriberDescriptors.ACKS, SubscriberAck.of(d));
        }
    }
}
