package org.laborwatch.notify;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One webhook subscriber: where to POST, how to sign, what to send. Built by
 * {@link SubscriberParser}, which checks every field.
 *
 * @param id stable id (also the key on the subscribers topic and the {@code subscriber} tag)
 * @param version raised on every change; an update must be newer than the one in effect
 * @param url HTTPS endpoint (plain HTTP only to a loopback address, for local tests)
 * @param secret where the current signing secret lives
 * @param previousSecret during a rotation, where the previous secret lives; null otherwise
 * @param filter which events it wants
 * @param maxInFlight the most requests under way to it at once
 */
public record Subscriber(String id, int version, URI url, SecretRef secret, SecretRef previousSecret,
        SubscriberFilter filter, int maxInFlight) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The in-flight bound when a definition gives none. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 4;

    /** The signing keys: the current secret first, then the previous one while a rotation is under way. */
    public List<byte[]> keys(Map<String, String> env) {
        List<byte[]> keys = new ArrayList<>(2);
        keys.add(secret.resolve(env));
        if (previousSecret != null) {
            keys.add(previousSecret.resolve(env));
        }
        return keys;
    }
}
