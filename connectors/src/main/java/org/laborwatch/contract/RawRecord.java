package org.laborwatch.contract;

/**
 * An input record as it arrived, before parsing: the bytes and where they came from (a Kafka
 * topic-partition@offset, or a file and line), so a dead letter can point back to it.
 *
 * @param bytes the record's bytes, untouched
 * @param origin where it came from
 */
public record RawRecord(byte[] bytes, String origin) {}
