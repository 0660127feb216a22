package org.laborwatch.metrics;

/**
 * A series within one region and sector: the indicator and its seasonal adjustment.
 *
 * @param indicator indicator name
 * @param adjustment {@code sa} or {@code nsa}
 */
public record SeriesId(String indicator, String adjustment) implements Comparable<SeriesId> {

    @Override
    public int compareTo(SeriesId o) {
        int c = indicator.compareTo(o.indicator);
        return c != 0 ? c : adjustment.compareTo(o.adjustment);
    }

    @Override
    public String toString() {
        return indicator + "/" + adjustment;
    }
}
