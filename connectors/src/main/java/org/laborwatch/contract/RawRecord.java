package org.laborwatch.contract;

/**
 * An input record as it arrived, before parsing: the bytes, where they came from (a Kafka
 * topic-partition@offset, or a file and line), so a dead letter can point back to it, and the Kafka
 * key it was sent under, checked against the series it carries.
 *
 * @param bytes the record's bytes, untouched
 * @param origin where it came from
 * @param key the Kafka record key as UTF-8 text, or {@code null} for an unkeyed record or a file
 */
public record RawRecord(byte[] bytes, String origin, String key) {

    /** A record with no key (from a file, or an unkeyed producer). */
    public RawRecord(byte[] bytes, String origin) {
        this(bytes, origin, null);
    }
}
