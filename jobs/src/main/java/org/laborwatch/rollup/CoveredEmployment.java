package org.laborwatch.rollup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Covered employment per state (BLS QCEW 2019 Q3, summed over NAICS sectors), the weights of the
 * national roll-ups. Region {@code US} weighs the sum of all areas.
 */
public final class CoveredEmployment {

    private static final String RESOURCE = "/rollup/bls_qcew_2019q3_state_employment_by_naics2.csv";
    /** FIPS state code to USPS code, for the 53 areas QCEW and ETA 539 share. */
    private static final String[] FIPS = {
        "01", "AL", "02", "AK", "04", "AZ", "05", "AR", "06", "CA", "08", "CO", "09", "CT", "10", "DE", "11", "DC",
        "12", "FL", "13", "GA", "15", "HI", "16", "ID", "17", "IL", "18", "IN", "19", "IA", "20", "KS", "21", "KY",
        "22", "LA", "23", "ME", "24", "MD", "25", "MA", "26", "MI", "27", "MN", "28", "MS", "29", "MO", "30", "MT",
        "31", "NE", "32", "NV", "33", "NH", "34", "NJ", "35", "NM", "36", "NY", "37", "NC", "38", "ND", "39", "OH",
        "40", "OK", "41", "OR", "42", "PA", "44", "RI", "45", "SC", "46", "SD", "47", "TN", "48", "TX", "49", "UT",
        "50", "VT", "51", "VA", "53", "WA", "54", "WV", "55", "WI", "56", "WY", "72", "PR", "78", "VI"};

    private static final Map<String, BigDecimal> WEIGHTS = load();

    private CoveredEmployment() {}

    /** Covered employment by region code ({@code US-CA}, ..., and {@code US}), in persons. */
    public static Map<String, BigDecimal> byRegion() {
        return WEIGHTS;
    }

    private static Map<String, BigDecimal> load() {
        Map<String, String> usps = new TreeMap<>();
        for (int i = 0; i < FIPS.length; i += 2) {
            usps.put(FIPS[i], FIPS[i + 1]);
        }
        Map<String, BigDecimal> weights = new TreeMap<>();
        try (InputStream in = CoveredEmployment.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine();
            BigDecimal total = BigDecimal.ZERO;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] f = line.split(",");
                String state = usps.get(f[0].substring(0, 2));
                if (state == null) {
                    throw new IllegalStateException(RESOURCE + ": unknown area " + f[0]);
                }
                BigDecimal emp = new BigDecimal(f[2].trim());
                weights.merge("US-" + state, emp, BigDecimal::add);
                total = total.add(emp);
            }
            weights.replaceAll((k, v) -> v.setScale(0, RoundingMode.HALF_UP));
            weights.put("US", total.setScale(0, RoundingMode.HALF_UP));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(weights);
    }
}
