package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;

/** Pairing real-time and latest-data episodes, and naming what moves. */
class RealTimeComparisonTest {

    private static final RealTimeComparison.FrequencyOf MONTHLY = (p, r, s) -> Frequency.MONTHLY;

    private static Episode episode(String region, String enter, String exit, String tier) {
        LocalDate on = LocalDate.parse(enter + "-01");
        LocalDate off = exit == null ? null : LocalDate.parse(exit + "-01");
        return new Episode("p", region, "all", on, on.plusMonths(1), off, off == null ? null : off.plusMonths(1),
                off == null ? 1 : java.time.temporal.ChronoUnit.MONTHS.between(on, off), tier);
    }

    @Test
    void overlappingEpisodesArePairedAndTheirShiftsCountedInPeriods() {
        List<RealTimeComparison.Row> rows = RealTimeComparison.compare(
                List.of(episode("US", "2008-04", "2010-06", "base"), episode("US", "2020-04", "2021-04", "base")),
                List.of(episode("US", "2008-02", "2010-07", "base"), episode("US", "2020-04", "2021-04", "base")), MONTHLY);
        assertEquals(2, rows.size());
        assertEquals("enters 2 months later in real time; exits 1 month earlier in real time", rows.get(0).moves());
        assertEquals("same", rows.get(1).moves());
        assertFalse(rows.get(1).moved());
    }

    @Test
    void anEpisodeWithoutCounterpartAppearsOrVanishes() {
        List<RealTimeComparison.Row> rows = RealTimeComparison.compare(
                List.of(episode("US", "2001-06", "2002-11", "base"), episode("US", "2005-01", "2005-03", "base")),
                List.of(episode("US", "2001-06", "2002-11", "base"), episode("US", "2003-07", "2003-09", "base")), MONTHLY);
        assertEquals(3, rows.size());
        assertEquals("same", rows.get(0).moves());
        assertNull(rows.get(1).realTime());
        assertEquals(RealTimeComparison.LATEST_ONLY, rows.get(1).moves());
        assertNull(rows.get(2).latest());
        assertEquals(RealTimeComparison.REAL_TIME_ONLY, rows.get(2).moves());
    }

    @Test
    void episodesOfOtherRegionsAreNeverPaired() {
        List<RealTimeComparison.Row> rows = RealTimeComparison.compare(List.of(episode("US-AZ", "2020-05", null, "base")),
                List.of(episode("US-NE", "2020-05", null, "base")), MONTHLY);
        assertEquals(2, rows.size());
        assertEquals(RealTimeComparison.REAL_TIME_ONLY, rows.get(0).moves());
        assertEquals(RealTimeComparison.LATEST_ONLY, rows.get(1).moves());
    }

    @Test
    void anEpisodeStillOnInOneRunOnlyAndADifferentTierAreNamed() {
        List<RealTimeComparison.Row> rows = RealTimeComparison.compare(List.of(episode("US", "2020-04", null, "high")),
                List.of(episode("US", "2020-04", "2021-04", "base")), MONTHLY);
        assertEquals("still on in real time only; highest tier high in real time, base on the latest data",
                rows.get(0).moves());
    }
}
