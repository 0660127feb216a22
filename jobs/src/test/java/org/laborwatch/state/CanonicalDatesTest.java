package org.laborwatch.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.ObservationValidator;

/** {@link CanonicalDates}: one object per day in the observations' years, the right date everywhere. */
class CanonicalDatesTest {

    @Test
    void theSameDayIsTheSameObject() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(ObservationValidator.MIN_YEAR, 1, 1), LocalDate.of(2020, 2, 29),
                LocalDate.of(ObservationValidator.MAX_YEAR, 12, 31)}) {
            LocalDate first = CanonicalDates.ofEpochDay(d.toEpochDay());
            assertEquals(d, first);
            assertSame(first, CanonicalDates.ofEpochDay(d.toEpochDay()), d.toString());
        }
    }

    @Test
    void daysOutsideTheObservationsYearsAreStillTheirDates() {
        for (LocalDate d : new LocalDate[] {LocalDate.of(ObservationValidator.MIN_YEAR - 1, 12, 31),
                LocalDate.of(ObservationValidator.MAX_YEAR + 1, 1, 1), LocalDate.MIN, LocalDate.MAX}) {
            assertEquals(d, CanonicalDates.ofEpochDay(d.toEpochDay()));
        }
    }
}
