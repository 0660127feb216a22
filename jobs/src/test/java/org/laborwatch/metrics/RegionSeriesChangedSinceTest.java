package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * {@link RegionSeries#changedSince} gives, for a range of months, the modification at which any of
 * them last changed: months stored after, before and far from the first one changed, and months
 * never changed (the set of series' change only).
 */
class RegionSeriesChangedSinceTest {

    private static final LocalDate VINTAGE = LocalDate.of(2024, 1, 5);

    private static long upsert(RegionSeries r, String month, String value) {
        r.upsert(Obs.rate("US-AZ", Obs.month(month), value, VINTAGE), 1000, 1000, null);
        return r.modifications();
    }

    private static long at(RegionSeries r, String month) {
        return r.changedSince(Obs.month(month), Obs.month(month));
    }

    @Test
    void eachMonthAnswersTheModificationThatLastChangedItWhereverItLies() {
        RegionSeries r = new RegionSeries();
        long first = upsert(r, "2020-06", "5.0");
        assertEquals(first, at(r, "2020-06"));
        assertEquals(first, at(r, "2020-05"), "a new series changes every month");
        long later = upsert(r, "2020-09", "5.5"); // the series' end moves: 2020-06 to 2020-09 change
        assertEquals(later, at(r, "2020-06"));
        assertEquals(later, at(r, "2020-08"));
        assertEquals(first, at(r, "2020-05"));
        // An earlier start changes every month (seriesChanged); the months grow at their start.
        long earlier = upsert(r, "1995-01", "7.1");
        assertEquals(earlier, r.seriesChanged());
        assertEquals(earlier, at(r, "2020-06"));
        long revisedEarly = upsert(r, "1995-01", "7.2");
        assertEquals(revisedEarly, at(r, "1995-01"), "the month at the grown start");
        assertEquals(earlier, at(r, "1995-02"));
        long revisedMiddle = upsert(r, "2020-08", "5.2"); // a new period inside the range
        assertEquals(revisedMiddle, at(r, "2020-08"), "a month moved by the growth");
        assertEquals(earlier, at(r, "2020-07"));
        assertEquals(earlier, at(r, "2020-09"));
        long farLater = upsert(r, "2031-03", "4.0"); // the end moves far: the months grow at their end
        assertEquals(farLater, at(r, "2031-03"));
        assertEquals(farLater, at(r, "2025-01"));
        assertEquals(farLater, at(r, "2020-09"));
        assertEquals(revisedMiddle, at(r, "2020-08"), "before the end that moved");
        assertEquals(farLater, r.changedSince(Obs.month("1990-01"), Obs.month("2040-12")), "the latest of a range");
        assertEquals(revisedEarly, r.changedSince(Obs.month("1994-01"), Obs.month("1995-06")));
        assertEquals(earlier, at(r, "1980-01"), "before every stored change");
        assertEquals(earlier, at(r, "2050-01"), "after every stored change");
    }
}
