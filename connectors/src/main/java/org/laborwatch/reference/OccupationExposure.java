package org.laborwatch.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * AI exposure per SOC major group, {@code exposure_g} of DESIGN.md: the employment-weighted mean of
 * an occupation score over the group's detailed occupations,
 * {@code Σ_o TOT_EMP_o · score_o / Σ_o TOT_EMP_o} over the OEWS detailed occupations {@code o} of
 * group {@code g} (the first two digits of the SOC code) that have a score. Occupations without a
 * score, and scores without an OEWS occupation, are left out and listed in the
 * {@link CrosswalkReport}.
 *
 * @param measure the score averaged, such as {@code eloundou.dv_rating_beta}
 * @param byGroup {@code soc:NN} (as ETA 203 writes its occupation sectors) → exposure, scale 6,
 *     rounded half-up; in code order; a group with no scored occupation is absent
 * @param crosswalk what did and did not join
 */
public record OccupationExposure(String measure, Map<String, BigDecimal> byGroup, CrosswalkReport crosswalk) {

    public static final int SCALE = 6;

    public OccupationExposure {
        byGroup = Collections.unmodifiableMap(new TreeMap<>(byGroup));
    }

    /** Eloundou et al. {@code dv_rating_beta} weighted by OEWS May 2021 employment, from the bundled files. */
    public static OccupationExposure load() throws IOException {
        return of(OccupationScores.eloundouBeta(), OewsEmployment.load());
    }

    /** Microsoft's {@code ai_applicability_score} weighted by OEWS May 2021 employment, from the bundled files. */
    public static OccupationExposure loadMicrosoft() throws IOException {
        return of(OccupationScores.microsoftApplicability(), OewsEmployment.load());
    }

    /** The exposure of each major group from any scores and employment. */
    public static OccupationExposure of(OccupationScores scores, OewsEmployment oews) {
        Map<String, BigDecimal> weighted = new TreeMap<>();
        Map<String, BigDecimal> employment = new TreeMap<>();
        List<String> unmatchedOews = new ArrayList<>();
        oews.employment().forEach((soc, emp) -> {
            BigDecimal score = scores.bySoc().get(soc);
            if (score == null) {
                unmatchedOews.add(soc);
                return;
            }
            String group = "soc:" + soc.substring(0, 2);
            BigDecimal e = BigDecimal.valueOf(emp);
            weighted.merge(group, e.multiply(score), BigDecimal::add);
            employment.merge(group, e, BigDecimal::add);
        });
        Map<String, BigDecimal> byGroup = new TreeMap<>();
        weighted.forEach((group, sum) -> {
            BigDecimal total = employment.get(group);
            if (total.signum() > 0) {
                byGroup.put(group, sum.divide(total, SCALE, RoundingMode.HALF_UP));
            }
        });
        List<String> unmatchedSource = new ArrayList<>();
        scores.sourceCodes().forEach((soc, codes) -> {
            if (!oews.employment().containsKey(soc)) {
                unmatchedSource.addAll(codes);
            }
        });
        CrosswalkReport report = new CrosswalkReport(scores.measure(), scores.sourceRows(), unmatchedSource,
                oews.employment().size(), unmatchedOews, oews.withoutEmployment());
        return new OccupationExposure(scores.measure(), byGroup, report);
    }
}
