package org.laborwatch.job;

import java.io.Serializable;

/**
 * A trigger event owed to one subscriber, between the fan-out and the delivering operator (keyed by
 * subscriber).
 *
 * @param subscriber subscriber id
 * @param eventId the event id
 * @param region the event's region (its events are delivered in order)
 * @param body the event's JSON exactly as read from the triggers topic
 */
public record Delivery(String subscriber, String eventId, String region, String body) implements Serializable {

    private static final long serialVersionUID = 1L;
}
