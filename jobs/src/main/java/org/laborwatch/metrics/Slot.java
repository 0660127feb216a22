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
    @Override
    public int compareTo(Slot o) {
        int c = sector.compareTo(o.sector);
        return c != 0 ? c : period.compareTo(o.period);
    }
}
