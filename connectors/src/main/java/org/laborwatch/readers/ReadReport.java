package org.laborwatch.readers;

import java.util.List;

/**
 * What one {@link ObservationReader#read} did.
 *
 * @param rows data rows read (the header excluded), including rows that were skipped
 * @param observations observations emitted
 * @param skippedMissing cells of mapped series that held no value (FRED's {@code .} or an empty
 *     cell) and so produced no observation; never turned into a zero
 * @param notes human-readable remarks: rows skipped on purpose, unmapped series, the vintage rule used
 */
public record ReadReport(long rows, long observations, long skippedMissing, List<String> notes) {

    public ReadReport {
        notes = List.copyOf(notes);
    }
}
