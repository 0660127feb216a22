package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.metrics.CountryData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.reference.CountryCodes;

/**
 * The bundled illustrative cross-country Sahm policy backtested over the OECD's 40-area file. The
 * expected episodes were worked out apart from laborwatch (a Python script over the same CSV with
 * Decimal arithmetic: runs of months whose gap is at least 0.50).
 */
class CountrySahmBacktestTest {

    private static final Policy POLICY = BundledPolicies.load("sahm-countries");
    private static List<Episode> episodes;

    @BeforeAll
    static void backtest() throws Exception {
        Backtest b = new Backtest(List.of(POLICY), MetricEngine.standard());
        CountryData.read("oecd-hur", CountryData.OECD).forEach(b::accept);
        episodes = b.episodes();
        Map<String, List<String>> byRegion = new TreeMap<>();
        episodes.forEach(e -> byRegion.computeIfAbsent(e.region(), r -> new java.util.ArrayList<>())
                .add(e.enterPeriod().toString().substring(0, 7) + ".." + (e.exitPeriod() == null ? "on"
                        : e.exitPeriod().toString().substring(0, 7))));
        byRegion.forEach((r, es) -> System.out.println("sahm-countries " + r + " " + es.size() + " " + es));
    }

    private static List<String> of(String region) {
        return episodes.stream().filter(e -> e.region().equals(region))
                .map(e -> e.enterPeriod().toString().substring(0, 7) + ".."
                        + (e.exitPeriod() == null ? "on" : e.exitPeriod().toString().substring(0, 7)))
                .toList();
    }

    @Test
    void theScopeIsEveryOecdCountryButTheUs() {
        List<String> countries = CountryCodes.standard().oecdLocations().stream()
                .map(l -> CountryCodes.standard().oecdRegion(l).orElseThrow())
                .filter(r -> !r.startsWith("G-") && !r.equals("US")).sorted().toList();
        assertEquals(countries, POLICY.scope().regions().stream().sorted().toList());
        assertTrue(POLICY.illustrative());
    }

    @Test
    void episodesMatchTheIndependentComputation() {
        assertEquals(List.of("1991-01..1993-08", "2006-03..2006-11", "2008-08..2010-05", "2011-09..2012-03",
                "2020-07..2021-07"), of("GB"));
        // Germany: no episode in 2008-09 (short-time work kept unemployment down), one in 2020.
        assertEquals(List.of("1992-03..1994-10", "1996-04..1997-12", "2002-02..2005-12", "2020-04..2021-04"), of("DE"));
        assertEquals(List.of("1991-08..1994-10", "2002-02..2003-03", "2007-12..2013-11", "2020-04..2021-05"), of("ES"));
        assertEquals(List.of("1991-01..1992-03", "1992-05..1993-08", "1996-10..1997-01", "2001-12..2002-08",
                "2008-12..2010-03", "2020-03..2021-04"), of("CA"));
        // Unrounded Australian rates: 2013 has two one-month episodes a month apart.
        assertEquals(List.of("1991-01..1993-03", "2001-04..2002-02", "2009-01..2010-02", "2013-06..2013-07",
                "2013-08..2013-09", "2014-01..2014-03", "2014-11..2014-12", "2020-05..2021-04"), of("AU"));
        // 304 runs over the 40 areas, less the US's 5 and the aggregates' 16 (EA19 5, EU27 4, G7 4, OECD 3).
        assertEquals(283, episodes.size());
        assertEquals(35, episodes.stream().map(Episode::region).distinct().count());
        assertTrue(episodes.stream().noneMatch(e -> e.region().equals("US") || e.region().startsWith("G-")));
    }

    @Test
    void countriesStillOnAtTheEndOfTheFile() {
        assertEquals(List.of("AT", "CL", "DK", "FI", "IL", "LT", "NO", "PT"), episodes.stream().filter(Episode::open)
                .map(Episode::region).sorted().collect(Collectors.toList()));
        assertEquals(LocalDate.of(2022, 9, 1), episodes.stream().filter(e -> e.open() && e.region().equals("AT"))
                .findFirst().orElseThrow().enterPeriod());
    }
}
