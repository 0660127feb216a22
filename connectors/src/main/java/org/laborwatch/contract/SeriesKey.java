package org.laborwatch.contract;

/**
 * Identifies a series: one indicator for one region and sector under one seasonal adjustment.
 *
 * @param indicator indicator name
 * @param region region code
 * @param sector sector code
 * @param adjustment {@code sa} or {@code nsa}
 */
public record SeriesKey(String indicator, String region, String sector, String adjustment) {

    /**
     * The Kafka record key of the series' observations, {@code indicator|region|sector|adjustment}:
     * what {@code laborwatch replay} writes and what the job checks a keyed record against.
     */
    public String kafkaKey() {
        return indicator + "|" + region + "|" + sector + "|" + adjustment;
    }

    @Override
    public String toString() {
        return indicator + "/" + region + "/" + sector + "/" + adjustment;
    }
}
