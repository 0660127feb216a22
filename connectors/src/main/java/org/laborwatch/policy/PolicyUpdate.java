package org.laborwatch.policy;

import java.io.Serializable;

/**
 * A policy update as it arrives at run time: its text (YAML or JSON) and the key it was published
 * under on the compacted policy topic. The key must be the policy's id: under another key the
 * text would, at compaction, displace the stored text of a different policy.
 *
 * @param key the Kafka record key as text, or {@code null} when the record had none
 * @param text the policy text
 */
public record PolicyUpdate(String key, String text) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** An update with no key (tests, or a source without keys). */
    public static PolicyUpdate unkeyed(String text) {
        return new PolicyUpdate(null, text);
    }
}
