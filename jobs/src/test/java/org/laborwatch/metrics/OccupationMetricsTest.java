package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.metrics.Obs.month;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/** occupational_dissimilarity and ai_exposed_claims_shift over ETA 203 occupation groups. */
class OccupationMetricsTest {

    private static final String IU = "insured_unemployed";
    private static final String OD = "occupational_dissimilarity";
    private static final String SHIFT = "ai_exposed_claims_shift";
    private static final Map<String, BigDecimal> EXPOSURE = Map.of(
            "soc:11", new BigDecimal("0.2"), "15", new BigDecimal("0.6"), "43-0000", new BigDecimal("0.4"));

    private static Observation claimants(LocalDate m, String sector, String v, LocalDate vintage) {
        return Obs.of(IU, "US-WA", sector, "nsa", Frequency.MONTHLY, m, v, "count", vintage);
    }

    private static void monthOf(Obs.Run r, LocalDate m, String c11, String c15, String c43) {
        r.apply(claimants(m, "all", "9999", Obs.V1));
        r.apply(claimants(m, "soc:unknown", "777", Obs.V1));
        r.apply(claimants(m, "naics:72", "555", Obs.V1));
        if (c11 != null) {
            r.apply(claimants(m, "soc:11", c11, Obs.V1));
        }
        if (c15 != null) {
            r.apply(claimants(m, "soc:15", c15, Obs.V1));
        }
        if (c43 != null) {
            r.apply(claimants(m, "soc:43", c43, Obs.V1));
        }
    }

    /** 2019 at 100/100/200 except December at 100/100/0; 2020-01 at 100/300/100. */
    private static Obs.Run run() {
        Obs.Run r = new Obs.Run(new OccupationalDissimilarity(), new AiExposedClaimsShift(EXPOSURE));
        for (LocalDate m = month("2019-01"); m.isBefore(month("2019-12")); m = m.plusMonths(1)) {
            monthOf(r, m, "100", "100", "200");
        }
        monthOf(r, month("2019-12"), "100", "100", "0");
        monthOf(r, month("2020-01"), "100", "300", "100");
        return r;
    }

    @Test
    void dissimilarityAgainstTheMeanOfTheBaselineYearsMonthlyShares() {
        Obs.Run r = run();
        // base shares: soc:11 = soc:15 = (11 x 0.25 + 0.5) / 12 = 0.2708333, soc:43 = 11 x 0.5 / 12 = 0.4583333
        // now 0.2 / 0.6 / 0.2: 50 x (0.0708333 + 0.3291667 + 0.2583333) = 32.9166... -> 32.92
        assertEquals(new BigDecimal("32.92"), r.value(OD, IU, "all", month("2020-01")));
        // 2019-01 against its own year: 50 x (2 x 0.0208333 + 0.0416667) = 4.17
        assertEquals(new BigDecimal("4.17"), r.value(OD, IU, "all", month("2019-01")));
        assertTrue(r.points.values().stream().allMatch(p -> p.sector().equals("all") && p.indicator().equals(IU)));
    }

    @Test
    void exposureShiftIsTheChangeInTheExposureWeightedMix() {
        Obs.Run r = run();
        // now 0.2 x 0.2 + 0.6 x 0.6 + 0.2 x 0.4 = 0.48; base 0.2708333 x 0.8 + 0.4583333 x 0.4 = 0.4
        assertEquals(new BigDecimal("0.0800"), r.value(SHIFT, IU, "all", month("2020-01")));
    }

    @Test
    void aGroupWithoutExposureIsLeftOutOfBothSides() {
        Obs.Run r = run();
        // soc:55 has no exposure: the shift ignores it, the dissimilarity counts it
        for (LocalDate m = month("2019-01"); !m.isAfter(month("2020-01")); m = m.plusMonths(1)) {
            r.apply(claimants(m, "soc:55", "100", Obs.V1));
        }
        assertEquals(new BigDecimal("0.0800"), r.value(SHIFT, IU, "all", month("2020-01")));
        assertFalse(r.value(OD, IU, "all", month("2020-01")).equals(new BigDecimal("32.92")));
    }

    @Test
    void nothingBeforeTheBaselineYearIsComplete() {
        Obs.Run r = new Obs.Run(new OccupationalDissimilarity());
        for (LocalDate m = month("2019-01"); m.isBefore(month("2019-12")); m = m.plusMonths(1)) {
            monthOf(r, m, "100", "100", "200");
        }
        assertTrue(r.emitted.isEmpty());
        monthOf(r, month("2019-12"), "100", "100", "200");
        assertEquals(12, r.emitted.size());
        assertEquals(new BigDecimal("0.00"), r.value(OD, IU, "all", month("2019-06")));
    }

    @Test
    void theNewestMonthWaitsForItsGroupsAndAMissingGroupIsUnavailableOnceALaterMonthArrives() {
        Obs.Run r = run();
        r.apply(claimants(month("2020-02"), "soc:11", "100", Obs.V1));
        assertNull(r.get(OD, IU, "all", month("2020-02")), "still arriving");
        r.apply(claimants(month("2020-02"), "soc:43", "100", Obs.V1));
        assertNull(r.get(OD, IU, "all", month("2020-02")));
        monthOf(r, month("2020-03"), "100", "300", "100");
        MetricPoint p = r.get(OD, IU, "all", month("2020-02"));
        assertFalse(p.isAvailable());
        assertTrue(p.reason().contains("soc:15") && p.reason().contains("2020-02"), p.reason());
        assertEquals(new BigDecimal("32.92"), r.value(OD, IU, "all", month("2020-03")));
    }

    @Test
    void aRevisedBaselineMonthRecomputesEveryMonthAndOtherSectorsTouchNothing() {
        Obs.Run r = run();
        MetricEngine.Result res = r.apply(claimants(month("2019-12"), "soc:43", "200", Obs.V2));
        assertEquals(Upsert.REVISED, res.upsert());
        // every month of 2019 and 2020-01, for both metrics
        assertEquals(26, res.points().size());
        assertTrue(res.points().stream().allMatch(p -> p.vintage().equals(Obs.V2)));
        // now the baseline is 0.25 / 0.25 / 0.5 throughout: 50 x (0.05 + 0.35 + 0.3) = 35.00
        assertEquals(new BigDecimal("35.00"), r.value(OD, IU, "all", month("2020-01")));
        assertTrue(r.apply(claimants(month("2020-01"), "soc:unknown", "1", Obs.V2)).points().isEmpty());
        assertTrue(r.apply(claimants(month("2020-01"), "all", "1", Obs.V2)).points().isEmpty());
        assertTrue(r.apply(claimants(month("2020-01"), "naics:72", "1", Obs.V2)).points().isEmpty());
    }

    @Test
    void aBaselineYearNeverHeldIsUnavailable() {
        Obs.Run r = new Obs.Run(new OccupationalDissimilarity(2018));
        monthOf(r, month("2019-01"), "100", "100", "200");
        monthOf(r, month("2019-02"), "100", "100", "200");
        MetricPoint p = r.get(OD, IU, "all", month("2019-01"));
        assertFalse(p.isAvailable());
        assertTrue(p.reason().contains("baseline 2018"), p.reason());
    }

    @Test
    void anEmptyExposureMapMakesTheShiftInert() {
        AiExposedClaimsShift inert = MetricCatalogue.aiExposedClaimsShift(java.util.Map.of());
        assertFalse(inert.dependsOn(new SeriesId(IU, "soc:15", "nsa")));
        assertTrue(new AiExposedClaimsShift(EXPOSURE).dependsOn(new SeriesId(IU, "soc:15", "nsa")));
        assertFalse(new AiExposedClaimsShift(EXPOSURE).dependsOn(new SeriesId(IU, "soc:unknown", "nsa")));
    }

    @Test
    void theCatalogueUsesEloundouExposureWeightedByOews() {
        java.util.Map<String, java.math.BigDecimal> exposure = MetricCatalogue.aiExposure();
        assertTrue(exposure.get("soc:15").compareTo(exposure.get("soc:37")) > 0, exposure.toString());
        assertTrue(MetricCatalogue.named("ai_exposed_claims_shift").get(0).dependsOn(new SeriesId(IU, "soc:15", "nsa")));
    }
}
