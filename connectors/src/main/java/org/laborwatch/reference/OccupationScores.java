package org.laborwatch.reference;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A score per 2018 SOC detailed occupation ({@code 15-1252}), from a published file.
 *
 * <p>Eloundou et al. score O*NET-SOC occupations ({@code 15-1252.00}, {@code 29-1141.01}); an O*NET
 * code joins to a SOC code by its first 7 characters, and several O*NET rows that share a SOC code
 * are averaged with equal weight (O*NET publishes no employment for its sub-occupations). Microsoft's
 * scores are already by SOC code.
 *
 * @param measure what the score is, such as {@code eloundou.dv_rating_beta}
 * @param bySoc SOC code → score (an average where several rows share the code)
 * @param sourceCodes SOC code → the codes of the rows that were averaged into it, as written
 * @param sourceRows rows read
 */
public record OccupationScores(String measure, Map<String, BigDecimal> bySoc, Map<String, List<String>> sourceCodes,
        int sourceRows) {

    public static final String ELOUNDOU = "eloundou_gpts_are_gpts_occupation_exposure_onet.csv";
    public static final String MICROSOFT = "microsoft_working_with_ai_soc_ai_applicability_scores.csv";

    /** Precision of the equal-weight average of several O*NET rows (far beyond the 6 decimals reported). */
    static final MathContext PRECISION = MathContext.DECIMAL64;

    private static final Pattern ONET = Pattern.compile("\\d{2}-\\d{4}\\.\\d{2}");

    public OccupationScores {
        bySoc = Collections.unmodifiableMap(new LinkedHashMap<>(bySoc));
        Map<String, List<String>> codes = new LinkedHashMap<>();
        sourceCodes.forEach((k, v) -> codes.put(k, List.copyOf(v)));
        sourceCodes = Collections.unmodifiableMap(codes);
    }

    /** The bundled Eloundou file, column {@code dv_rating_beta} (GPT-4 rated, E1 + 0.5·E2). */
    public static OccupationScores eloundouBeta() throws IOException {
        try (Reader in = ReferenceCsv.resource(ELOUNDOU)) {
            return eloundou(in, ELOUNDOU, "dv_rating_beta");
        }
    }

    /** The bundled Microsoft file, column {@code ai_applicability_score}. */
    public static OccupationScores microsoftApplicability() throws IOException {
        try (Reader in = ReferenceCsv.resource(MICROSOFT)) {
            return microsoft(in, MICROSOFT);
        }
    }

    /** Reads the Eloundou et al. file ({@code O*NET-SOC Code, Title, dv_rating_*, human_rating_*}), one score column. */
    public static OccupationScores eloundou(Reader input, String name, String column) throws IOException {
        return read(input, name, "O*NET-SOC Code", column, true, "eloundou." + column);
    }

    /** Reads Microsoft's Working with AI file ({@code SOC Code, title, ai_applicability_score}). */
    public static OccupationScores microsoft(Reader input, String name) throws IOException {
        return read(input, name, "SOC Code", "ai_applicability_score", false, "microsoft.ai_applicability_score");
    }

    private static OccupationScores read(Reader input, String name, String codeColumn, String scoreColumn,
            boolean onet, String measure) throws IOException {
        ReferenceCsv rows = ReferenceCsv.open(input, name, codeColumn, scoreColumn);
        Map<String, List<BigDecimal>> scores = new LinkedHashMap<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        int count = 0;
        while (rows.next()) {
            count++;
            String code = rows.cell(codeColumn);
            if (!(onet ? ONET : OewsEmployment.SOC).matcher(code).matches()) {
                throw rows.error("column " + codeColumn + ": '" + code + "' is not "
                        + (onet ? "an O*NET-SOC code (NN-NNNN.NN)" : "a SOC code (NN-NNNN)"));
            }
            BigDecimal score = rows.decimal(scoreColumn);
            if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
                throw rows.error("column " + scoreColumn + ": " + score + " is outside [0, 1]");
            }
            String soc = code.substring(0, 7);
            if (!onet && codes.containsKey(soc)) {
                throw rows.error("SOC code " + soc + " is listed twice");
            }
            scores.computeIfAbsent(soc, k -> new ArrayList<>()).add(score);
            codes.computeIfAbsent(soc, k -> new ArrayList<>()).add(code);
        }
        Map<String, BigDecimal> bySoc = new LinkedHashMap<>();
        scores.forEach((soc, list) -> bySoc.put(soc, list.size() == 1 ? list.get(0)
                : list.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                        .divide(BigDecimal.valueOf(list.size()), PRECISION)));
        return new OccupationScores(measure, bySoc, codes, count);
    }
}
