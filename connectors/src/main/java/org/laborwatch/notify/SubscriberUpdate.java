package org.laborwatch.notify;

import java.io.Serializable;

/**
 * A subscriber update as it arrives on the compacted subscribers topic: its key and its text.
 *
 * @param key the record key (must be the subscriber id), or null when the record had none
 * @param text the definition, YAML or JSON
 */
public record SubscriberUpdate(String key, String text) implements Serializable {

    private static final long serialVersionUID = 1L;
}
