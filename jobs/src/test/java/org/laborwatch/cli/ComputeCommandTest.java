package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code laborwatch compute} over the bundled files reproduces the published figures. */
class ComputeCommandTest {

    private static final Path OUT = Path.of("target", "compute-test");

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    private static List<String> compute(String file, String format, String... metrics) throws IOException {
        Files.createDirectories(OUT);
        Path csv = OUT.resolve(file.replace(".csv", "") + "-" + String.join("-", metrics) + ".csv");
        List<String> args = new ArrayList<>(List.of("compute", "--input", "../data/" + file, "--format", format, "--out", csv.toString()));
        for (String m : metrics) {
            args.add("--metric");
            args.add(m);
        }
        String[] r = run(args.toArray(String[]::new));
        assertEquals("0", r[0], r[2]);
        return Files.readAllLines(csv);
    }

    @Test
    void sahmGapOverTheBundledUnrateMatchesFred() throws IOException {
        List<String> lines = compute("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", "sahm_gap", "tur_3mo");
        assertEquals("metric,indicator,region,sector,period,value,status,reason", lines.get(0));
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,1957-10-01,0.50,ok,"));
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2021-04-01,-0.07,ok,"));
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2021-03-01,2.40,ok,"));
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2020-04-01,4.00,ok,"));
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2008-06-01,0.83,ok,"));
        // sorted by metric, then period; sahm_gap before tur_3mo
        // tur_3mo 1948-03 = (3.4 + 3.8 + 4) / 3 = 3.7333
        int firstTur = lines.indexOf("tur_3mo,unemployment_rate,US,all,1948-03-01,3.73,ok,");
        assertTrue(firstTur > 0);
        assertTrue(lines.get(firstTur - 1).startsWith("sahm_gap,"));
        assertEquals(lines.subList(1, firstTur).stream().sorted().toList(), lines.subList(1, firstTur));
    }

    @Test
    void anUnavailablePointHasAnEmptyValueAndSaysWhichInputPeriodIsMissing() throws IOException {
        List<String> lines = compute("fred_UNRATE_monthly_1948-2026_vintage2026-04.csv", "fred", "sahm_gap");
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2025-10-01,,unavailable,unemployment_rate (sa) missing for 2025-10"),
                "UNRATE 2025-10 was never collected");
        assertTrue(lines.contains("sahm_gap,unemployment_rate,US,all,2025-12-01,,unavailable,unemployment_rate (sa) missing for 2025-10"));
    }

    @Test
    void continuedClaimsFourWeekAverageMatchesCc4wsa() throws IOException {
        List<String> lines = compute("fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv", "fred", "claims_4wk_avg");
        assertTrue(lines.contains("claims_4wk_avg,continued_claims,US,all,2009-05-30,6553000,ok,"));
        assertTrue(lines.contains("claims_4wk_avg,continued_claims,US,all,2020-05-09,21962000,ok,"));
        // same period: ordered by indicator last
        int c = lines.indexOf("claims_4wk_avg,continued_claims,US,all,2009-05-30,6553000,ok,");
        assertEquals("claims_4wk_avg,initial_claims,US,all,2009-05-30,614500,ok,", lines.get(c + 1));
    }

    @Test
    void iurOverEta539MatchesDol() throws IOException {
        List<String> lines = compute("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", "iur_13wk");
        // CA: 1,125,499 / 17,330,010 = 6.49452...% (DOL shows 6.49); VI: DOL notice 2021-09472 shows 4.83
        assertTrue(lines.contains("iur_13wk,insured_unemployed_13wk_avg,US-CA,all,2020-04-25,6.4945,ok,"));
        assertTrue(lines.contains("iur_13wk,insured_unemployed_13wk_avg,US-VI,all,2021-04-10,4.8328,ok,"));
    }

    @Test
    void writesToStandardOutputWithoutOut() {
        String[] r = run("compute", "--input", "../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "--format", "fred",
                "--metric", "tur_3mo");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("metric,indicator,region,sector,period,value,status,reason\ntur_3mo,unemployment_rate,US,all,1948-03-01,"), r[1]);
    }

    @Test
    void anUnknownMetricOrFormatIsAUsageError() {
        String[] r = run("compute", "--input", "../data/x.csv", "--format", "fred", "--metric", "sahm_gapp");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown metric 'sahm_gapp'") && r[2].contains("sahm_gap"), r[2]);
        r = run("compute", "--input", "../data/x.csv", "--format", "fredd", "--metric", "sahm_gap");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("unknown format 'fredd'") && r[2].contains("fred-long"), r[2]);
        r = run("compute", "--input", "../data/x.csv", "--format", "fred", "--metric", "sahm_gap", "--vintage", "2023-13-01");
        assertEquals("2", r[0]);
        r = run("compute", "--input", "target/no-such.csv", "--format", "fred", "--metric", "sahm_gap");
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("laborwatch: --input target/no-such.csv: no such file"), r[2]);
        assertFalse(r[2].contains("at org."), r[2]);
    }

    @Test
    void helpListsFormatsAndMetrics() {
        String[] r = run("compute", "--help");
        assertEquals("0", r[0]);
        for (String s : List.of("fred-long", "laus-state", "eta539", "tur_lookback_pct_2y", "occupational_dissimilarity",
                "disruption_index", "claims_4wk_avg")) {
            assertTrue(r[1].contains(s), s + " in\n" + r[1]);
        }
        assertTrue(run("--help")[1].contains("compute"));
    }

    @Test
    void asPublishedWritesEachMonthAsItsReleaseFirstComputedIt() throws IOException {
        String file = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
        Files.createDirectories(OUT);
        Path csv = OUT.resolve("sahm-as-published.csv");
        String[] r = run("compute", "--input", "../data/" + file, "--format", "alfred-vintages", "--metric", "sahm_gap",
                "--as-published", "--out", csv.toString());
        assertEquals("0", r[0], r[2]);
        List<String> published = Files.readAllLines(csv);
        List<String> latest = compute(file, "alfred-vintages", "sahm_gap");
        assertEquals("metric,indicator,region,sector,period,value,status,reason", published.get(0));
        // FRED SAHMREALTIME 2024-06 = 0.43 as published; the last release in the file has revised it to 0.47.
        assertTrue(published.contains("sahm_gap,unemployment_rate,US,all,2024-06-01,0.43,ok,"));
        assertTrue(latest.contains("sahm_gap,unemployment_rate,US,all,2024-06-01,0.47,ok,"));
        assertTrue(published.contains("sahm_gap,unemployment_rate,US,all,2024-07-01,0.53,ok,"));
        assertEquals(latest.size(), published.size(), "the same points, each at another moment");
        // Every month FRED's real-time series is compared on, 1999-12 to 2025-08, has a value as published;
        // 2025-10 (never collected) has none, nor 2025-11, whose three-month average needs it.
        long months = published.stream().filter(l -> l.startsWith("sahm_gap,unemployment_rate,US,all,"))
                .filter(l -> l.split(",")[4].compareTo("1999-12-01") >= 0 && l.split(",")[4].compareTo("2025-08-01") <= 0)
                .filter(l -> l.contains(",ok,")).count();
        assertEquals(309, months, "months 1999-12..2025-08 with an as-published sahm_gap");
        assertTrue(published.contains("sahm_gap,unemployment_rate,US,all,2025-10-01,,unavailable,"
                + "unemployment_rate (sa) missing for 2025-10"));
    }

    @Test
    void severalFilesAreReplayedInPublicationOrderWhateverTheirOrderOnTheCommandLine() throws IOException {
        String vintages = "../data/alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
        String today = "../data/fred_UNRATE_monthly_1948-2026_vintage2026-04.csv";
        Files.createDirectories(OUT);
        List<List<String>> runs = new ArrayList<>();
        for (boolean asPublished : List.of(true, false)) {
            for (boolean newestFirst : List.of(true, false)) {
                Path csv = OUT.resolve("two-files-" + asPublished + "-" + newestFirst + ".csv");
                List<String> args = new ArrayList<>(List.of("compute", "--metric", "sahm_gap", "--out", csv.toString()));
                args.addAll(newestFirst
                        ? List.of("--input", today, "--format", "fred", "--input", vintages, "--format", "alfred-vintages")
                        : List.of("--input", vintages, "--format", "alfred-vintages", "--input", today, "--format", "fred"));
                if (asPublished) {
                    args.add("--as-published");
                }
                String[] r = run(args.toArray(String[]::new));
                assertEquals("0", r[0], r[2]);
                runs.add(Files.readAllLines(csv));
            }
        }
        assertEquals(runs.get(0), runs.get(1), "as published: the same whichever file is named first");
        assertEquals(runs.get(2), runs.get(3), "latest: the same whichever file is named first");
        // July 2024 as the August 2024 release published it (SAHMREALTIME 0.53), and as FRED's April
        // 2026 vintage, the newest release, reads it.
        assertTrue(runs.get(0).contains("sahm_gap,unemployment_rate,US,all,2024-07-01,0.53,ok,"));
        assertTrue(runs.get(2).contains("sahm_gap,unemployment_rate,US,all,2024-07-01,0.50,ok,"));
        // One --format for all inputs, or one per input; anything else is a usage error.
        String[] r = run("compute", "--metric", "sahm_gap", "--input", today, "--input", vintages, "--input", today,
                "--format", "fred", "--format", "alfred-vintages");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[2].contains("one --format for all inputs or one per --input (3 inputs, 2 formats)"), r[2]);
    }

    @Test
    void asPublishedRefusesAnInputOutOfPublicationOrder() throws IOException {
        Files.createDirectories(OUT);
        Path backwards = OUT.resolve("backwards.csv");
        // ETA 539 rows dated per row: a later week before an earlier one in the same state.
        List<String> lines = Files.readAllLines(Path.of("../data/dol_eta539_weekly_claims_by_state_2019-2025.csv"));
        List<String> ak = lines.stream().skip(1).filter(l -> l.startsWith("AK,")).limit(30).toList();
        List<String> reversed = new ArrayList<>(ak);
        java.util.Collections.reverse(reversed);
        Files.write(backwards, java.util.stream.Stream.concat(java.util.stream.Stream.of(lines.get(0)), reversed.stream()).toList());
        String[] r = run("compute", "--input", backwards.toString(), "--format", "eta539", "--metric", "claims_4wk_avg",
                "--as-published");
        assertEquals("1", r[0], r[2]);
        assertTrue(r[2].contains("--as-published") && r[2].contains("publication order"), r[2]);
    }
}
