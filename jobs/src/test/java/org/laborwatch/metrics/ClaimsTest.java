package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/** claims_4wk_avg and claims_yoy_pct against FRED CC4WSA, per indicator. */
class ClaimsTest {

    private static final String IC = "initial_claims";
    private static final String CC = "continued_claims";
    private static Obs.Run fred;

    @BeforeAll
    static void overTheBundledFredFile() throws IOException {
        fred = new Obs.Run(new ClaimsAverage(IC), new ClaimsAverage(CC), new ClaimsYoy(IC), new ClaimsYoy(CC));
        fred.applyAll(TestData.read("fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv", "fred",
                ReaderOptions.defaults(), o -> true));
    }

    private static LocalDate week(String d) {
        return LocalDate.parse(d);
    }

    @Test
    void reproducesFredCc4wsaExactly() {
        assertEquals(new BigDecimal("6553000"), fred.value("claims_4wk_avg", CC, "all", week("2009-05-30")));
        assertEquals(new BigDecimal("21962000"), fred.value("claims_4wk_avg", CC, "all", week("2020-05-09")));
        assertEquals("6553000", fred.value("claims_4wk_avg", CC, "all", week("2009-05-30")).toPlainString());
    }

    @Test
    void initialAndContinuedClaimsAreSeparatePointsOfTheSameMetric() {
        // ICSA 2009-05-09..30: 625000 + 620000 + 606000 + 607000 = 2458000 / 4
        assertEquals(new BigDecimal("614500"), fred.value("claims_4wk_avg", IC, "all", week("2009-05-30")));
        assertEquals(IC, fred.get("claims_4wk_avg", IC, "all", week("2009-05-30")).indicator());
    }

    @Test
    void yearOnYearChangeOfTheFourWeekAverage() {
        // CC4W 2009-05-30 = 6,553,000 against 3,018,750 on 2008-05-31: +117.0784...%
        assertEquals(new BigDecimal("117.08"), fred.value("claims_yoy_pct", CC, "all", week("2009-05-30")));
        // IC4W 614,500 against 366,000: +67.896%
        assertEquals(new BigDecimal("67.90"), fred.value("claims_yoy_pct", IC, "all", week("2009-05-30")));
        assertEquals(new BigDecimal("1205.90"), fred.value("claims_yoy_pct", CC, "all", week("2020-05-09")));
        assertEquals(new BigDecimal("1478.17"), fred.value("claims_yoy_pct", IC, "all", week("2020-05-09")));
        // The first year-on-year value needs 56 weeks: 2000-01-08 + 55 weeks.
        assertNull(fred.get("claims_yoy_pct", IC, "all", week("2001-01-20")));
        assertTrue(fred.get("claims_yoy_pct", IC, "all", week("2001-01-27")).isAvailable());
    }

    @Test
    void theLastWeekWithoutContinuedClaimsHasNoAverage() {
        // CCSA is blank in the file's last week (2020-06-13): nothing to say yet, ICSA still averages.
        assertNull(fred.get("claims_4wk_avg", CC, "all", week("2020-06-13")));
        assertTrue(fred.get("claims_4wk_avg", IC, "all", week("2020-06-13")).isAvailable());
    }

    private static Observation stateClaims(String indicator, LocalDate week, String value, LocalDate vintage) {
        return Obs.of(indicator, "US-CA", "all", "nsa", Frequency.WEEKLY, week, value, "count", vintage);
    }

    @Test
    void stateCountsAverageExactlyToQuarters() {
        Obs.Run r = new Obs.Run(new ClaimsAverage(IC));
        LocalDate w = week("2024-01-06");
        String[] v = {"1001", "1002", "1003", "1005"};
        for (int i = 0; i < 4; i++) {
            r.apply(stateClaims(IC, w.plusWeeks(i), v[i], Obs.V1));
        }
        assertEquals(new BigDecimal("1002.75"), r.value("claims_4wk_avg", IC, "all", w.plusWeeks(3)));
        assertNull(r.get("claims_4wk_avg", IC, "all", w.plusWeeks(2)));
    }

    @Test
    void aMissingWeekIsUnavailableAndARevisionRecomputesTheFourWeeksThatReadIt() {
        Obs.Run r = new Obs.Run(new ClaimsAverage(IC), new ClaimsAverage(CC));
        LocalDate w = week("2024-01-06");
        for (int i = 0; i < 10; i++) {
            if (i != 5) {
                r.apply(stateClaims(IC, w.plusWeeks(i), "100", Obs.V1));
            }
        }
        for (int i = 5; i < 9; i++) {
            MetricPoint p = r.get("claims_4wk_avg", IC, "all", w.plusWeeks(i));
            assertFalse(p.isAvailable());
            assertTrue(p.reason().contains(w.plusWeeks(5).toString()), p.reason());
        }
        assertTrue(r.get("claims_4wk_avg", IC, "all", w.plusWeeks(9)).isAvailable());
        MetricEngine.Result res = r.apply(stateClaims(IC, w.plusWeeks(5), "500", Obs.V1));
        // The late week fills weeks 5..8; continued claims are not touched.
        assertEquals(4, res.points().size());
        assertTrue(res.points().stream().allMatch(p -> p.isAvailable() && p.indicator().equals(IC)));
        assertEquals(new BigDecimal("200"), r.value("claims_4wk_avg", IC, "all", w.plusWeeks(8)));
        res = r.apply(stateClaims(IC, w.plusWeeks(6), "104", Obs.V2));
        assertEquals(Upsert.REVISED, res.upsert());
        assertEquals(4, res.points().size());
        assertEquals(new BigDecimal("101"), r.value("claims_4wk_avg", IC, "all", w.plusWeeks(9))); // (104 + 3 x 100) / 4
        assertTrue(r.apply(stateClaims(CC, w, "7", Obs.V1)).points().isEmpty());
    }
}
