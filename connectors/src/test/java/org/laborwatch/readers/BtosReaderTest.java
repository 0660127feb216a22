package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class BtosReaderTest {

    private static final ReaderOptions DEFAULTS = ReaderOptions.defaults();
    private static final String HEADER = "state,question_id,answer,period_yyyypp,pct_of_businesses,suppression_flag\n";

    @Test
    void periodsAreTheSaturdayOfTheSecondWeek() {
        // 2023-19 was collected 2023-09-11 (Mon) … 2023-09-24 (Sun); 2023-18 2023-08-28 … 2023-09-10.
        assertEquals(LocalDate.of(2023, 9, 23), BtosReader.periodSaturday(2023, 19));
        assertEquals(LocalDate.of(2023, 9, 9), BtosReader.periodSaturday(2023, 18));
        assertEquals(LocalDate.of(2023, 1, 14), BtosReader.periodSaturday(2023, 1));
        assertEquals(LocalDate.of(2023, 12, 30), BtosReader.periodSaturday(2023, 26));
        // Back to back: 2024-01 follows 2023-26, 2025-01 follows 2024-26 (and starts 2024-12-30).
        assertEquals(LocalDate.of(2024, 1, 13), BtosReader.periodSaturday(2024, 1));
        assertEquals(LocalDate.of(2024, 12, 28), BtosReader.periodSaturday(2024, 26));
        assertEquals(LocalDate.of(2025, 1, 11), BtosReader.periodSaturday(2025, 1));
        for (int year = 2023; year <= 2030; year++) {
            LocalDate first = BtosReader.periodSaturday(year, 1);
            assertEquals(DayOfWeek.SATURDAY, first.getDayOfWeek());
            assertTrue(Math.abs(first.minusDays(12).toEpochDay() - LocalDate.of(year, 1, 1).toEpochDay()) <= 7,
                    "period 1 of " + year + " starts within a week of January 1: " + first);
        }
        assertThrows(IllegalArgumentException.class, () -> BtosReader.periodSaturday(2022, 30));
        assertThrows(IllegalArgumentException.class, () -> BtosReader.periodSaturday(2024, 28));
    }

    @Test
    void yesAnswersOfBothQuestions() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.BTOS, DEFAULTS, "btos_sample.csv");
        assertEquals(new ReadReport(9, 3, 3, List.of(
                "vintage per row: the period's Saturday + 12 days (approximately the Thursday Census publishes"
                        + " the period's results)",
                "3 Yes cells suppressed (suppression_flag S or no percentage): missing, not zero",
                "skipped 1 Yes rows with state XX (not a state; probably the national estimate, unconfirmed)",
                "skipped rows of other answers: Do not know (1), No (1)")), r.report());
        Observation use = r.one("ai_use_rate", "US-CA", "nsa", "2023-09-23");
        assertEquals(new Observation("ai_use_rate", "US-CA", "all", "nsa", Frequency.BIWEEKLY, LocalDate.of(2023, 9, 23),
                use.value(), "percent", "census.btos", LocalDate.of(2023, 10, 5)), use);
        assertValue("4.9", use);
        assertEquals(DayOfWeek.THURSDAY, use.vintage().getDayOfWeek());
        assertValue("8.1", r.one("ai_use_expected_rate", "US-CA", "nsa", "2023-09-23"));
        // 2025-10: collected 2025-05-05 … 2025-05-18
        assertValue("9.8", r.one("ai_use_rate", "US-CA", "nsa", "2025-05-17"));
        assertTrue(r.where(o -> o.region().equals("US-AK") || o.region().equals("US-DC")).isEmpty());
    }

    @Test
    void explicitVintage() throws Exception {
        LocalDate pulled = LocalDate.of(2025, 7, 1);
        ReadResult r = ReadResult.fixture(PublishedFormat.BTOS, ReaderOptions.withVintage(pulled), "btos_sample.csv");
        assertTrue(r.observations().stream().allMatch(o -> o.vintage().equals(pulled)));
    }

    @Test
    void emptyPercentageWithoutFlagIsMissingToo() throws Exception {
        ReadResult r = ReadResult.text(PublishedFormat.BTOS, DEFAULTS, "btos.csv", HEADER + "CA,7,Yes,202401,,\n");
        assertEquals(0, r.report().observations());
        assertEquals(1, r.report().skippedMissing());
    }

    @Test
    void badRowsAreErrorsWithTheirLine() {
        ReaderException period = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.BTOS,
                DEFAULTS, "btos.csv", HEADER + "CA,7,Yes,202401,6.3,\nCA,7,Yes,2024-02,6.4,\n"));
        assertEquals(3, period.line());
        assertTrue(period.getMessage().contains("period_yyyypp"), period.getMessage());
        ReaderException number = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.BTOS,
                DEFAULTS, "btos.csv", HEADER + "CA,7,Yes,202428,6.3,\n"));
        assertTrue(number.getMessage().contains("1 to 27"), number.getMessage());
        ReaderException percent = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.BTOS,
                DEFAULTS, "btos.csv", HEADER + "CA,7,Yes,202401,106.3,\n"));
        assertTrue(percent.getMessage().contains("outside"), percent.getMessage());
        ReaderException flag = assertThrows(ReaderException.class, () -> ReadResult.text(PublishedFormat.BTOS,
                DEFAULTS, "btos.csv", HEADER + "CA,7,Yes,202401,6.3,D\n"));
        assertTrue(flag.getMessage().contains("suppression_flag"), flag.getMessage());
    }
}
