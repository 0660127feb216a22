package org.laborwatch.metrics;

import java.time.LocalDate;

/**
 * A metric value's place within a region: its sector and period. A metric may read one sector
 * and write another (occupation shares are read from {@code soc:*} sectors and written to
 * {@code all}).
 *
 * @param sector sector of the metric point
 * @param period period of the metric point
 */
public record Slot(String sector, LocalDate period) implements Comparable<Slot> {

    /**
     * By a day number (372 per year, 31 per month: one apart per day, 31 per month, so consecutive
     * periods of any frequency spread over a table's low bits), not {@link LocalDate#hashCode}: that
     * puts the year above bit 10, so in a hash table of up to 2,048 buckets the same calendar month
     * of 32 years shares a bucket, and maps of a region's monthly slots (the composites waiting for
     * a flush) became trees. Read from the date's fields: {@code toEpochDay}, leap years and all,
     * was a fifteenth of the streaming job's metric operator.
     */
    @Override
    public int hashCode() {
        return 31 * sector.hashCode() + period.getYear() * 372 + period.getMonthValue() * 31 + period.getDayOfMonth();
    }

    /** Written out, as {@link SeriesId#equals}: slots are compared in every evaluation. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Slot other && period.equals(other.period) && sector.equals(other.sector);
    }

    @Override
    public int compareTo(Slot o) {
        int c = sector.compareTo(o.sector);
        return c != 0 ? c : period.compareTo(o.period);
    }
}
