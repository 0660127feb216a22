package org.laborwatch.metrics;

/**
 * A series within one region: the indicator, the sector and the seasonal adjustment.
 *
 * @param indicator indicator name
 * @param sector sector code ({@code all}, {@code soc:15}, {@code naics:72}, ...)
 * @param adjustment {@code sa} or {@code nsa}
 */
public record SeriesId(String indicator, String sector, String adjustment) implements Comparable<SeriesId> {

    /** The same indicator and adjustment in another sector. */
    public SeriesId inSector(String otherSector) {
        return new SeriesId(indicator, otherSector, adjustment);
    }

    /** Whether this is the given indicator and adjustment, in any sector. */
    public boolean is(String indicatorName, String adjustmentCode) {
        return indicator.equals(indicatorName) && adjustment.equals(adjustmentCode);
    }

    /**
     * The record's hash written out: series are looked up by id for every period a metric reads,
     * and the generated {@code hashCode} showed as a twentieth of a warm backtest.
     */
    @Override
    public int hashCode() {
        return (31 * indicator.hashCode() + sector.hashCode()) * 31 + adjustment.hashCode();
    }

    /**
     * The record's equality written out: through the generated method handles it showed as a
     * fourteenth of the streaming job's metric operator.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof SeriesId other && indicator.equals(other.indicator)
                && sector.equals(other.sector) && adjustment.equals(other.adjustment);
    }

    @Override
    public int compareTo(SeriesId o) {
        int c = indicator.compareTo(o.indicator);
        if (c == 0) {
            c = sector.compareTo(o.sector);
        }
        return c != 0 ? c : adjustment.compareTo(o.adjustment);
    }

    @Override
    public String toString() {
        return indicator + "/" + sector + "/" + adjustment;
    }
}
