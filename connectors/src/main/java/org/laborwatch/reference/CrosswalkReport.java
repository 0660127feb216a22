package org.laborwatch.reference;

import java.util.List;

/**
 * How a score file joined to OEWS employment.
 *
 * @param measure the score, such as {@code eloundou.dv_rating_beta}
 * @param sourceRows rows of the score file
 * @param unmatchedSourceCodes codes of score-file rows (as written there, O*NET-SOC for Eloundou)
 *     whose SOC code is not an OEWS detailed occupation with employment; they carry no weight
 * @param oewsOccupations OEWS detailed occupations with employment
 * @param unmatchedOewsCodes OEWS detailed occupations with no score; they are left out of their group
 * @param oewsWithoutEmployment OEWS detailed occupations whose employment is a footnote, left out
 */
public record CrosswalkReport(String measure, int sourceRows, List<String> unmatchedSourceCodes,
        int oewsOccupations, List<String> unmatchedOewsCodes, List<String> oewsWithoutEmployment) {

    public CrosswalkReport {
        unmatchedSourceCodes = List.copyOf(unmatchedSourceCodes);
        unmatchedOewsCodes = List.copyOf(unmatchedOewsCodes);
        oewsWithoutEmployment = List.copyOf(oewsWithoutEmployment);
    }

    /** Score-file rows that found an OEWS occupation. */
    public int matchedSourceRows() {
        return sourceRows - unmatchedSourceCodes.size();
    }

    /** OEWS occupations (with employment) that found a score. */
    public int matchedOewsOccupations() {
        return oewsOccupations - unmatchedOewsCodes.size();
    }
}
