package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * The Sahm gap of other countries at the precision each source publishes, against gaps worked out
 * by hand from the bundled files (the arithmetic is in each assertion's comment).
 */
class CountrySahmGapTest {

    /** Final sahm_gap per source, region and month. */
    private static final Map<String, MetricPoint> GAPS = new HashMap<>();

    @BeforeAll
    static void computeOverTheBundledFiles() throws IOException {
        compute("oecd", CountryData.read("oecd-hur", CountryData.OECD));
        compute("ons", CountryData.read("ons", CountryData.ONS));
        compute("statcan", CountryData.read("statcan-lfs", CountryData.STATCAN));
    }

    private static void compute(String source, List<Observation> observations) {
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        Map<String, RegionSeries> regions = new HashMap<>();
        for (Observation o : observations) {
            RegionSeries data = regions.computeIfAbsent(o.region(), r -> new RegionSeries());
            engine.apply(data, o).points().forEach(p -> GAPS.put(source + "|" + p.region() + "|" + p.period(), p));
        }
    }

    private static BigDecimal gap(String source, String region, String month) {
        MetricPoint p = GAPS.get(source + "|" + region + "|" + month + "-01");
        assertTrue(p != null && p.isAvailable(), source + " " + region + " " + month + ": " + p);
        return p.value();
    }

    @Test
    void oneDecimalCountriesHaveTwoDecimalGapsAsFredPrints() {
        // DE 2009-06: MA3 = (7.3 + 7.3 + 7.4)/3 = 22.0/3; min MA3 2008-06..2009-05 = (7.0+7.0+7.0)/3 = 21.0/3
        // (2008-11); gap = 1.0/3 = 0.333… -> 0.33
        assertEquals(new BigDecimal("0.33"), gap("oecd", "DE", "2009-06"));
        // GB 2020-12: (5.1 + 5.2 + 5.1) = 15.4; min 2019-12 (3.8 + 3.8 + 3.9 = 11.5); 3.9/3 = 1.30
        assertEquals(new BigDecimal("1.30"), gap("oecd", "GB", "2020-12"));
        // Euro area 2009-03: (8.8 + 9.1 + 9.3) = 27.2; min 2008-03 (7.4 + 7.4 + 7.4 = 22.2); 5.0/3 = 1.666… -> 1.67
        assertEquals(new BigDecimal("1.67"), gap("oecd", "G-EA19", "2009-03"));
        // CA 2020-04: (5.7 + 8.4 + 13.6) = 27.7; min 2019-06 (5.7 + 5.4 + 5.6 = 16.7); 11.0/3 = 3.666… -> 3.67
        assertEquals(new BigDecimal("3.67"), gap("oecd", "CA", "2020-04"));
        // US 2020-04: (3.5 + 4.4 + 14.7) = 22.6; min 2020-02 (3.6 + 3.5 + 3.5 = 10.6); 12.0/3 = 4.00, FRED's SAHMCURRENT
        assertEquals(new BigDecimal("4.00"), gap("oecd", "US", "2020-04"));
    }

    @Test
    void unroundedOecdRatesKeepTheirPrecisionPlusOneDecimal() {
        // AU 2020-06: MA3 sum = 6.311308 + 7.013289 + 7.429336 = 20.753933; min sum 2020-02 =
        // 5.061895 + 5.265622 + 5.077926 = 15.405443; gap = 5.348490/3 = 1.782830 exactly, at 7 decimals
        BigDecimal au = gap("oecd", "AU", "2020-06");
        assertEquals(new BigDecimal("1.7828300"), au);
        assertEquals(7, au.scale());
    }

    @Test
    void onsMonthlyFiguresGiveTheSameGapAsTheOecdForTheUk() {
        // ONS MGSX 2020-12 has the OECD's rates for 2019-10..2020-12 (4.0 printed with its zero): gap 1.30
        assertEquals(new BigDecimal("1.30"), gap("ons", "GB", "2020-12"));
    }

    @Test
    void statCansThirteenMonthsAreTooFewForAGap() {
        // The bundled StatCan download has 2022-03..2023-03: the gap needs 15 months (MA3(t-12) starts at t-14).
        assertTrue(GAPS.keySet().stream().noneMatch(k -> k.startsWith("statcan|")), GAPS.keySet().stream()
                .filter(k -> k.startsWith("statcan|")).toList().toString());
    }

    @Test
    void theGapScaleIsThePublishedPrecisionPlusOneAndAtLeastTwo() {
        assertEquals(2, SahmGap.gapScale(new BigDecimal[] {new BigDecimal("5"), new BigDecimal("4.0")}));
        assertEquals(2, SahmGap.gapScale(new BigDecimal[] {new BigDecimal("5.1"), new BigDecimal("4.20")}));
        assertEquals(7, SahmGap.gapScale(new BigDecimal[] {new BigDecimal("5.1"), new BigDecimal("5.786294")}));
    }
}
