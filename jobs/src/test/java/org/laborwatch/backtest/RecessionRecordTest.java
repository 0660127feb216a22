package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.backtest.RecessionRecord.Kind;
import org.laborwatch.backtest.RecessionRecord.Verdict;

/** Signals judged against NBER recession months, including data that end too soon to judge. */
class RecessionRecordTest {

    /** USREC from 1980-01 to {@code end}, with the 2020 recession (February to April). */
    private static RecessionRecord usrecTo(LocalDate end) {
        List<LocalDate> months = new ArrayList<>();
        for (LocalDate m = LocalDate.of(2020, 2, 1); !m.isAfter(LocalDate.of(2020, 4, 1)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return new RecessionRecord(months, LocalDate.of(1980, 1, 1), end);
    }

    @Test
    void aSignalWhoseWindowTheDataDoNotCoverIsUndecidedNotFalse() {
        Verdict v = usrecTo(LocalDate.of(2025, 12, 1)).judge(LocalDate.of(2024, 7, 1));
        assertEquals(Kind.UNDECIDED, v.kind());
        assertNull(v.monthsFromStart());
        assertTrue(v.text().startsWith("undecided: the data end before the 24-month window"), v.text());
        assertTrue(v.text().contains("2026-07-01"), v.text());
    }

    @Test
    void theSameSignalIsFalseOnceTheDataCoverTheWholeWindow() {
        Verdict v = usrecTo(LocalDate.of(2026, 7, 1)).judge(LocalDate.of(2024, 7, 1));
        assertEquals(Kind.FALSE_SIGNAL, v.kind());
        assertEquals("no recession start within 24 months: a false signal", v.text());
    }

    @Test
    void aRecessionStartInsideTheWindowDecidesEvenBeforeTheWindowEnds() {
        RecessionRecord r = usrecTo(LocalDate.of(2020, 6, 1));
        Verdict after = r.judge(LocalDate.of(2020, 4, 1));
        assertEquals(Kind.NEAR_RECESSION, after.kind());
        assertEquals(2L, after.monthsFromStart());
        assertEquals("2 months after the recession start", after.text());
        assertEquals(-1L, r.judge(LocalDate.of(2020, 1, 1)).monthsFromStart());
        assertEquals("in the first recession month", r.judge(LocalDate.of(2020, 2, 1)).text());
    }

    @Test
    void aSignalBeforeTheDataIsNotJudged() {
        Verdict v = usrecTo(LocalDate.of(2025, 12, 1)).judge(LocalDate.of(1975, 3, 1));
        assertEquals(Kind.BEFORE_DATA, v.kind());
        assertEquals("before the recession data (USREC input starts 1980-01-01)", v.text());
    }

    @Test
    void aRecessionOfSeveralMonthsHasOneStart() {
        assertEquals(List.of(LocalDate.of(2020, 2, 1)), usrecTo(LocalDate.of(2025, 12, 1)).starts());
    }

    @Test
    void aSignalSoonAfterTheDataStartIsUndecidedWhenNoStartIsSeen() {
        // A recession that began in 1979 would not be seen in USREC starting 1980-01.
        Verdict v = usrecTo(LocalDate.of(2025, 12, 1)).judge(LocalDate.of(1981, 6, 1));
        assertEquals(Kind.UNDECIDED, v.kind());
        assertTrue(v.text().startsWith("undecided: the data start inside the 24-month window"), v.text());
        assertEquals(Kind.FALSE_SIGNAL, usrecTo(LocalDate.of(2025, 12, 1)).judge(LocalDate.of(1982, 2, 1)).kind(),
                "from 24 months after the first covered month the window is covered");
    }

    @Test
    void aRecessionUnderWayInTheFirstCoveredMonthHasNoKnownStart() {
        RecessionRecord r = new RecessionRecord(List.of(LocalDate.of(1980, 1, 1), LocalDate.of(1980, 2, 1)),
                LocalDate.of(1980, 1, 1), LocalDate.of(2025, 12, 1));
        assertEquals(List.of(), r.starts());
    }
}
