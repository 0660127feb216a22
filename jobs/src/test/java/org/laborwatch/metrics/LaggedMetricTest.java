package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

/** What {@link LaggedMetric#affected} returns, and the ascending lags it relies on. */
class LaggedMetricTest {

    private static final String CLAIMS = "initial_claims";

    /** Weekly claims, lags 0..3 and 52..55, as {@link ClaimsYoy}. */
    private final LaggedMetric yoy = new ClaimsYoy(CLAIMS);

    private static Observation week(LocalDate w, long value) {
        return Obs.of(CLAIMS, "US-CA", "all", "nsa", Frequency.WEEKLY, w, String.valueOf(value), "count", Obs.V1);
    }

    private static final LocalDate FIRST = LocalDate.of(2024, 1, 6);

    /** Weeks 0 to 59 from {@link #FIRST}, one value each. */
    private RegionSeries sixtyWeeks() {
        RegionSeries data = new RegionSeries();
        MetricEngine engine = new MetricEngine(List.of(yoy));
        for (int i = 0; i < 60; i++) {
            engine.apply(data, week(FIRST.plusWeeks(i), 1000 + i));
        }
        return data;
    }

    @Test
    void aNewNewestPeriodAffectsItsOwnSlotOnly() {
        RegionSeries data = sixtyWeeks();
        SeriesId id = new SeriesId(CLAIMS, "all", "nsa");
        LocalDate newest = FIRST.plusWeeks(59);
        assertEquals(List.of(new Slot("all", newest)), new ArrayList<>(yoy.affected(id, newest, data)));
    }

    @Test
    void aRevisionAffectsEveryLagUpToTheNewestPeriod() {
        RegionSeries data = sixtyWeeks();
        SeriesId id = new SeriesId(CLAIMS, "all", "nsa");
        LocalDate revised = FIRST.plusWeeks(5);
        Collection<Slot> slots = yoy.affected(id, revised, data);
        // Lags 0-3 and 52-55 forward from week 5: weeks 5-8 and 57-59 (60 is beyond the newest, 59).
        List<Slot> expected = new ArrayList<>();
        for (int lag : new int[] {0, 1, 2, 3, 52, 53, 54}) {
            expected.add(new Slot("all", revised.plusWeeks(lag)));
        }
        assertEquals(expected, new ArrayList<>(slots));
        assertTrue(slots.stream().noneMatch(s -> s.period().isAfter(FIRST.plusWeeks(59))));
    }

    @Test
    void lagsThatDoNotAscendAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LaggedMetric("x", CLAIMS, List.of("nsa"), Frequency.WEEKLY, Frequency.WEEKLY, 0, 52, 1) {
                    @Override
                    BigDecimal evaluate(BigDecimal[] values) {
                        return values[0];
                    }
                });
        assertTrue(e.getMessage().contains("lags must ascend"), e.getMessage());
    }
}
