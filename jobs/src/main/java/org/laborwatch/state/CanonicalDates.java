package org.laborwatch.state;

import java.time.LocalDate;
import org.laborwatch.contract.ObservationValidator;

/**
 * One {@link LocalDate} object per day of the years observations can have, shared by every
 * decoded record and state object.
 *
 * <p>Why: a region's state holds a period and a vintage date per value, and each record decoded
 * between operators, or each region read from RocksDB, made new date objects for the same few
 * months and release days. On the heap backend they all survived into the old generation, and the
 * collector's threads were a quarter of the all-county workload's CPU (#13).
 * Dates are immutable values compared with {@code equals}, so sharing changes nothing else.
 *
 * <p>Thread-safe: a slot is filled at most a few times by racing threads with equal dates, and a
 * {@code LocalDate}'s fields are final, so a date read from the table is always complete.
 */
public final class CanonicalDates {

    private static final long FIRST = LocalDate.of(ObservationValidator.MIN_YEAR, 1, 1).toEpochDay();
    private static final long LAST = LocalDate.of(ObservationValidator.MAX_YEAR, 12, 31).toEpochDay();
    private static final LocalDate[] DAYS = new LocalDate[(int) (LAST - FIRST + 1)];

    private CanonicalDates() {}

    /** The date of an epoch day: the shared object in the years observations can have, else a new one. */
    public static LocalDate ofEpochDay(long epochDay) {
        if (epochDay < FIRST || epochDay > LAST) {
            return LocalDate.ofEpochDay(epochDay);
        }
        int i = (int) (epochDay - FIRST);
        LocalDate d = DAYS[i];
        if (d == null) {
            d = LocalDate.ofEpochDay(epochDay);
            DAYS[i] = d;
        }
        return d;
    }
}
