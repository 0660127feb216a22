package org.laborwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The all-county LAUS workload: BLS {@code laucntycur14} (every county's monthly unemployment rate,
 * not seasonally adjusted, the 14 months of one release) as observations in release order, month
 * by month. Sector {@code all} carries the published rate; the 19 NAICS sectors of
 * {@link Workload#SECTORS} are the same fan-out the synthetic workload simulates (LAUS publishes no
 * county rates by sector): each is the county's rate times a fixed factor of its sector, to 0.1.
 * Puerto Rico's municipios are left out (the bench's state table has no PR) and so are rows
 * without a rate (PR in 2020-03/04).
 */
final class LausCounties {

    /** The bundled file (data/README.md has its provenance). */
    static final String FILE = "bls_laus_all_counties_monthly_nsa_2019-08_2020-09_release2020-10-28.csv";
    /** The release the file is: every value's vintage. */
    static final String VINTAGE = "2020-10-28";

    /** What was sent. */
    record Counts(long records, int counties, int months) {}

    private LausCounties() {}

    /** Sends every county's months in period order, each with the 20 sectors of the fan-out. */
    static Counts send(Path file, Workload.Sink sink) throws IOException {
        Map<Integer, String> stateByFips = new HashMap<>();
        for (Object[] s : Workload.STATES) {
            stateByFips.put((Integer) s[1], (String) s[0]);
        }
        // period -> region -> tenths of a percent
        TreeMap<LocalDate, Map<String, Integer>> byMonth = new TreeMap<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("laus_code,state_fips,county_fips,county_name_state,month,")) {
                throw new IOException(file + ": not the LAUS all-county table (laucntycur14) the bench reads");
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                // The county name is quoted and holds a comma: split around it.
                int open = line.indexOf('"');
                int close = line.indexOf('"', open + 1);
                String[] head = (open < 0 ? line : line.substring(0, open)).split(",", -1);
                String[] tail = open < 0 ? java.util.Arrays.copyOfRange(head, 4, head.length)
                        : line.substring(close + 2).split(",", -1);
                String state = stateByFips.get(Integer.parseInt(head[1]));
                if (state == null || tail[5].isEmpty()) {
                    continue;
                }
                String region = "US-" + state + "-" + head[1] + head[2];
                LocalDate period = YearMonth.parse(tail[0]).atDay(1);
                int tenths = (int) Math.round(Double.parseDouble(tail[5]) * 10);
                byMonth.computeIfAbsent(period, p -> new HashMap<>()).put(region, tenths);
            }
        }
        long records = 0;
        int counties = 0;
        for (Map.Entry<LocalDate, Map<String, Integer>> month : byMonth.entrySet()) {
            counties = Math.max(counties, month.getValue().size());
            for (Map.Entry<String, Integer> county : new TreeMap<>(month.getValue()).entrySet()) {
                for (int s = 0; s < Workload.SECTORS.length; s++) {
                    // Factors 0.6 .. 1.5 by sector: fixed, so a sector's series moves with its county.
                    int tenths = s == 0 ? county.getValue() : Math.max(1, county.getValue() * (6 + s * 7 % 10) / 10);
                    sink.send(Workload.key("unemployment_rate", county.getKey(), Workload.SECTORS[s], "nsa"), Workload.rateJson(county.getKey(), Workload.SECTORS[s],
                            month.getKey(), tenths, VINTAGE, "nsa"));
                    records++;
                }
            }
        }
        return new Counts(records, counties, byMonth.size());
    }
}
