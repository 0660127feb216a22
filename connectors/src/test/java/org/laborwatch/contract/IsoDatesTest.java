package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The direct reading of {@code YYYY-MM-DD} agrees with {@link LocalDate#parse}, for dates and for non-dates. */
class IsoDatesTest {

    @Test
    void everyDayOfFourYearsReadsAsTheFormatterReadsIt() {
        for (LocalDate d = LocalDate.of(1999, 12, 1); d.isBefore(LocalDate.of(2004, 3, 1)); d = d.plusDays(1)) {
            assertEquals(LocalDate.parse(d.toString()), IsoDates.parseOrNull(d.toString()));
        }
        assertEquals(LocalDate.of(1, 1, 1), IsoDates.parseOrNull("0001-01-01"));
    }

    @Test
    void whatTheFormatterRefusesIsNotADate() {
        for (String text : new String[] {"2023-02-29", "2024-02-30", "2023-13-01", "2023-00-10", "2023-04-31",
                "2023-04-00", "2023-04-32", "2023-4-01", "2023/04/01", "20230401", "2023-04-0x", "", "2023-04-01T00:00",
                " 2023-04-01", "2023-04-01 ", "+2023-04-01", "٢٠٢٣-04-01"}) {
            assertThrows(DateTimeException.class, () -> LocalDate.parse(text), text);
            assertNull(IsoDates.parseOrNull(text), text);
        }
        assertNull(IsoDates.parseOrNull(null));
    }
}
