package org.laborwatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OccupationExposureTest {

    private static final String OEWS = """
            OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP
            00-0000,All Occupations,total,"6,800"
            15-0000,Computer and Mathematical Occupations,major,"4,000"
            15-1252,Software Developers,detailed,"1,000"
            15-1211,Computer Systems Analysts,detailed,"3,000"
            15-2099,"Mathematical Science Occupations, All Other",detailed,*
            47-2061,Construction Laborers,detailed,"2,000"
            47-2111,Electricians,detailed,500
            """;
    private static final String ELOUNDOU = """
            O*NET-SOC Code,Title,dv_rating_beta
            15-1252.00,Software Developers,0.9
            15-1211.00,Computer Systems Analysts,0.5
            15-1211.01,Health Informatics Specialists,0.7
            15-2099.01,Bioinformatics Technicians,0.4
            47-2061.00,Construction Laborers,0.1
            99-9999.00,Not an occupation,0.3
            """;

    private static OccupationExposure tiny() throws Exception {
        return OccupationExposure.of(
                OccupationScores.eloundou(new StringReader(ELOUNDOU), "eloundou.csv", "dv_rating_beta"),
                OewsEmployment.read(new StringReader(OEWS), "oews.csv"));
    }

    @Test
    void employmentWeightedMeanByHand() throws Exception {
        OccupationExposure e = tiny();
        // 15-1211 is the equal-weight mean of its two O*NET rows, (0.5 + 0.7) / 2 = 0.6;
        // soc:15 = (1,000 × 0.9 + 3,000 × 0.6) / (1,000 + 3,000) = 2,700 / 4,000 = 0.675.
        // 15-2099 has no employment (*) and 47-2111 no score: both left out.
        assertEquals(Map.of("soc:15", new BigDecimal("0.675000"), "soc:47", new BigDecimal("0.100000")), e.byGroup());
        assertEquals(new CrosswalkReport("eloundou.dv_rating_beta", 6, List.of("15-2099.01", "99-9999.00"), 4,
                List.of("47-2111"), List.of("15-2099")), e.crosswalk());
        assertEquals(4, e.crosswalk().matchedSourceRows());
        assertEquals(3, e.crosswalk().matchedOewsOccupations());
    }

    @Test
    void roundsHalfUpToSixDecimals() throws Exception {
        OccupationExposure e = OccupationExposure.of(
                OccupationScores.microsoft(new StringReader("SOC Code,title,ai_applicability_score\n"
                        + "11-1011,A,0.1\n11-1021,B,0.2\n"), "ms.csv"),
                OewsEmployment.read(new StringReader("OCC_CODE,O_GROUP,TOT_EMP\n11-1011,detailed,2\n"
                        + "11-1021,detailed,1\n"), "oews.csv"));
        assertEquals(Map.of("soc:11", new BigDecimal("0.133333")), e.byGroup()); // 0.4 / 3
    }

    @Test
    void badRowsNameFileAndLine() {
        ReferenceDataException score = assertThrows(ReferenceDataException.class, () -> OccupationScores.eloundou(
                new StringReader("O*NET-SOC Code,Title,dv_rating_beta\n15-1252.00,x,0.9\n15-1211.00,y,1.5\n"),
                "e.csv", "dv_rating_beta"));
        assertTrue(score.getMessage().startsWith("e.csv:3: "), score.getMessage());
        ReferenceDataException code = assertThrows(ReferenceDataException.class, () -> OewsEmployment.read(
                new StringReader("OCC_CODE,O_GROUP,TOT_EMP\n151252,detailed,1\n"), "o.csv"));
        assertTrue(code.getMessage().startsWith("o.csv:2: "), code.getMessage());
        ReferenceDataException column = assertThrows(ReferenceDataException.class, () -> OccupationScores.eloundou(
                new StringReader("O*NET-SOC Code,Title\n"), "e.csv", "dv_rating_beta"));
        assertTrue(column.getMessage().contains("dv_rating_beta"), column.getMessage());
    }

    @Test
    void oewsMay2021() throws Exception {
        OewsEmployment oews = OewsEmployment.load();
        assertEquals(831, oews.employment().size());
        assertEquals(List.of(), oews.withoutEmployment());
        assertEquals(1_364_180L, oews.employment().get("15-1252")); // software developers
    }

    @Test
    void eloundouBetaByMajorGroup() throws Exception {
        OccupationExposure e = OccupationExposure.load();
        assertEquals(22, e.byGroup().size()); // every major group but military (55), which OEWS does not survey
        assertEquals(new BigDecimal("0.750902"), e.byGroup().get("soc:15"));
        assertEquals(new BigDecimal("0.031681"), e.byGroup().get("soc:37"));
        assertEquals(new BigDecimal("0.118360"), e.byGroup().get("soc:47"));
        List<String> ranked = rankedGroups(e);
        assertEquals("soc:15", ranked.get(ranked.size() - 1)); // computer and mathematical: the most exposed
        assertEquals(List.of("soc:37", "soc:47"), ranked.subList(0, 2)); // cleaning, construction: the least

        CrosswalkReport c = e.crosswalk();
        assertEquals(923, c.sourceRows());
        assertEquals(31, c.unmatchedSourceCodes().size());
        assertEquals(892, c.matchedSourceRows());
        assertTrue(c.unmatchedSourceCodes().containsAll(List.of("13-1021.00", "29-2011.00", "45-3031.00", "53-1043.00")),
                c.unmatchedSourceCodes().toString());
        assertEquals(831, c.oewsOccupations());
        assertEquals(59, c.unmatchedOewsCodes().size());
        assertEquals(772, c.matchedOewsOccupations());
        assertTrue(c.unmatchedOewsCodes().containsAll(List.of("13-1020", "29-2010", "47-4090", "53-1047")),
                c.unmatchedOewsCodes().toString());
    }

    @Test
    void microsoftApplicabilityByMajorGroup() throws Exception {
        OccupationExposure m = OccupationExposure.loadMicrosoft();
        assertEquals(22, m.byGroup().size());
        assertEquals(new BigDecimal("0.299155"), m.byGroup().get("soc:15"));
        List<String> ranked = rankedGroups(m);
        assertTrue(ranked.subList(ranked.size() - 2, ranked.size()).contains("soc:15"), ranked.toString());
        assertTrue(ranked.subList(0, 4).containsAll(List.of("soc:37", "soc:47")), ranked.toString());
        CrosswalkReport c = m.crosswalk();
        assertEquals(785, c.sourceRows());
        assertEquals(List.of("45-3031"), c.unmatchedSourceCodes());
        assertEquals(47, c.unmatchedOewsCodes().size());
    }

    private static List<String> rankedGroups(OccupationExposure e) {
        return e.byGroup().entrySet().stream().sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                .map(Map.Entry::getKey).toList();
    }
}
