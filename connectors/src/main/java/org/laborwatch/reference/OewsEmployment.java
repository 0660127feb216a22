package org.laborwatch.reference;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * National employment by detailed occupation from a BLS OEWS national file ({@code OCC_CODE,
 * O_GROUP, TOT_EMP, …}). Only {@code O_GROUP = detailed} rows are read (the total, major, minor
 * and broad rows are sums of them). {@code TOT_EMP} has thousands separators; {@code *} and
 * {@code #} are footnotes (estimate not released, or above the top of the wage scale) and an empty
 * cell means the same: no employment, so the occupation cannot be weighted and is listed in
 * {@link #withoutEmployment}.
 *
 * @param employment 2018 SOC code ({@code 15-1252}) → employment, in file order
 * @param withoutEmployment detailed occupations whose TOT_EMP is a footnote or empty
 */
public record OewsEmployment(Map<String, Long> employment, List<String> withoutEmployment) {

    /** The bundled file, BLS OEWS national, May 2021. */
    public static final String BUNDLED = "bls_oews_national_occupation_employment_wages_may2021.csv";

    static final Pattern SOC = Pattern.compile("\\d{2}-\\d{4}");

    public OewsEmployment {
        employment = Collections.unmodifiableMap(new LinkedHashMap<>(employment));
        withoutEmployment = List.copyOf(withoutEmployment);
    }

    /** The bundled May 2021 file. */
    public static OewsEmployment load() throws IOException {
        try (Reader in = ReferenceCsv.resource(BUNDLED)) {
            return read(in, BUNDLED);
        }
    }

    /** Reads an OEWS national file; {@code name} is for messages. */
    public static OewsEmployment read(Reader input, String name) throws IOException {
        ReferenceCsv rows = ReferenceCsv.open(input, name, "OCC_CODE", "O_GROUP", "TOT_EMP");
        Map<String, Long> employment = new LinkedHashMap<>();
        List<String> without = new ArrayList<>();
        while (rows.next()) {
            if (!"detailed".equals(rows.cell("O_GROUP"))) {
                continue;
            }
            String code = rows.cell("OCC_CODE");
            if (!SOC.matcher(code).matches()) {
                throw rows.error("column OCC_CODE: '" + code + "' is not a SOC code (NN-NNNN)");
            }
            String emp = rows.cell("TOT_EMP");
            if (emp.isEmpty() || "*".equals(emp) || "**".equals(emp) || "#".equals(emp)) {
                without.add(code);
                continue;
            }
            BigDecimal value = rows.decimal("TOT_EMP");
            if (value.signum() < 0 || value.stripTrailingZeros().scale() > 0) {
                throw rows.error("column TOT_EMP: '" + emp + "' is not a whole non-negative number");
            }
            if (employment.put(code, value.longValueExact()) != null) {
                throw rows.error("occupation " + code + " is listed twice");
            }
        }
        return new OewsEmployment(employment, without);
    }
}
