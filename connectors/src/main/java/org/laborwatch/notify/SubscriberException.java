package org.laborwatch.notify;

/** A subscriber definition that cannot be used: the message names the field and the fix. */
public final class SubscriberException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SubscriberException(String message) {
        super(message);
    }
}
