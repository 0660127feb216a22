package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** {@code laborwatch backtest} as a policy designer runs it. */
class BacktestCommandTest {

    @Test
    void writesEpisodesAndAChartWithRecessionsFromSeveralInputs() throws Exception {
        Path out = Path.of("target", "backtest");
        Files.createDirectories(out);
        int code = LaborwatchCli.commandLine().execute("backtest", "--policy", "sahm-national",
                "--input", "../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "--format", "fred",
                "--input", "../data/fred_national_monthly_1980-2025_vintage2026-01.csv", "--format", "fred-long",
                "--out", out.resolve("episodes.csv").toString(), "--chart", out.resolve("chart.png").toString());
        assertEquals(0, code);
        List<String> rows = Files.readAllLines(out.resolve("episodes.csv"));
        assertEquals("policy,region,sector,enter_period,effective_from,exit_period,effective_until,duration_periods,max_tier",
                rows.get(0));
        assertTrue(rows.contains("sahm-national,US,all,2008-02-01,2008-03-01,2010-06-01,2010-07-31,28,base"), rows.toString());
        // The 2026 vintage carries the July 2024 signal (0.53) and its October exit.
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("sahm-national,US,all,2024-07-01,2024-08-01,2024-10-01")),
                rows.toString());
        BufferedImage png = ImageIO.read(out.resolve("chart.png").toFile());
        assertEquals(1400, png.getWidth());
        assertEquals(600, png.getHeight());
        assertFalse(Files.exists(out.resolve("chart-regions.png")), "a policy over one region gets no regions chart");
    }

    @Test
    void aPolicyOverManyRegionsAlsoGetsARegionsChartNextToTheMainOne() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "backtest-regions"));
        Files.deleteIfExists(out.resolve("eb-iur-regions.png"));
        int code = LaborwatchCli.commandLine().execute("backtest", "--policy", "eb-iur",
                "--input", "../data/dol_eta539_weekly_claims_by_state_2019-2025.csv", "--format", "eta539",
                "--out", out.resolve("episodes.csv").toString(), "--chart", out.resolve("eb-iur.png").toString());
        assertEquals(0, code);
        BufferedImage main = ImageIO.read(out.resolve("eb-iur.png").toFile());
        assertEquals(600 + 300, main.getHeight(), "two panels: iur_13wk and iur_lookback_pct");
        BufferedImage regions = ImageIO.read(out.resolve("eb-iur-regions.png").toFile());
        assertEquals(1400, regions.getWidth());
        assertEquals(220 + 17 * 53, regions.getHeight(), "one 17-pixel row for each of the 53 ETA 539 areas");
    }

    @Test
    void filesPublishedOnDifferentDaysBacktestTogetherWithAVintageEach() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "backtest-vintages"));
        // The LAUS states need a vintage, the daily postings another; StatCan's file names its own
        // release and refuses any other ("-": the file's own).
        assertEquals(0, LaborwatchCli.commandLine().execute(vintagesArgs(out, "2023-11-17", "2026-08-18", "-")));
        List<String> rows = Files.readAllLines(out.resolve("episodes.csv"));
        assertTrue(rows.contains("sahm-state,US-CA,all,2007-09-01,2007-10-01,2010-09-01,2010-10-31,36,base"), rows.toString());
        // One vintage applies to every input: StatCan's file refuses it (a reader error).
        assertEquals(1, LaborwatchCli.commandLine().execute(vintagesArgs(out, "2023-11-17")));
        // Two vintages for three inputs pair with nothing; a vintage that is not a date is refused.
        assertEquals(2, LaborwatchCli.commandLine().execute(vintagesArgs(out, "2023-11-17", "2026-08-18")));
        assertEquals(2, LaborwatchCli.commandLine().execute(vintagesArgs(out, "2023-11-17", "2026-8-18", "-")));
    }

    @Test
    void anyNumberOfThreadsWritesTheSameEpisodes() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "backtest-threads"));
        for (String threads : List.of("1", "3")) {
            assertEquals(0, LaborwatchCli.commandLine().execute("backtest", "--policy", "eb-iur", "--policy", "eb-tur",
                    "--no-progress", "--threads", threads, "--out", out.resolve("episodes-" + threads + ".csv").toString(),
                    "--input", "../data/dol_eta539_weekly_claims_by_state_2019-2025.csv", "--format", "eta539",
                    "--input", "../data/bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv",
                    "--format", "laus-state", "--vintage", "-", "--vintage", "2023-11-17"));
        }
        List<String> one = Files.readAllLines(out.resolve("episodes-1.csv"));
        assertTrue(one.size() > 100 && one.stream().map(r -> r.split(",")[1]).distinct().count() > 50,
                "episodes of many regions: " + one.size());
        assertEquals(one, Files.readAllLines(out.resolve("episodes-3.csv")));
        assertEquals(2, LaborwatchCli.commandLine().execute("backtest", "--policy", "eb-iur", "--threads", "0",
                "--input", "../data/dol_eta539_weekly_claims_by_state_2019-2025.csv", "--format", "eta539"));
    }

    private static String[] vintagesArgs(Path out, String... vintages) {
        List<String> a = new java.util.ArrayList<>(List.of("backtest", "--policy", "sahm-state", "--no-progress",
                "--out", out.resolve("episodes.csv").toString(),
                "--input", "../data/bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "--format", "laus-state",
                "--input", "../data/indeed_job_postings_index_us_aggregate_daily_2020-2026.csv", "--format", "indeed",
                "--input", "../data/statcan_lfs_14-10-0287-01_last5months_release2023-04-06.csv", "--format", "statcan-lfs"));
        for (String v : vintages) {
            a.add("--vintage");
            a.add(v);
        }
        return a.toArray(String[]::new);
    }

    @Test
    void theRegionsChartIsNamedAfterTheMainChart() {
        assertEquals(Path.of("out", "eb-RI-regions.png"), BacktestCommand.regionsChartPath(Path.of("out", "eb-RI.PNG")));
        assertEquals(Path.of("chart-regions.png"), BacktestCommand.regionsChartPath(Path.of("chart")));
    }

    @Test
    void asPublishedDecidesInRealTimeAndSetsItAgainstTheLatestData() throws Exception {
        Path out = Files.createDirectories(Path.of("target", "backtest-as-published"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream original = System.out;
        System.setOut(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        int code;
        try {
            // ALFRED's releases, then FRED's vintage of April 2026 as the latest release: publication order.
            code = LaborwatchCli.commandLine().execute("backtest", "--policy", "sahm-national", "--as-published",
                    "--input", "../data/alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv", "--format", "alfred-vintages",
                    "--input", "../data/fred_UNRATE_monthly_1948-2026_vintage2026-04.csv", "--format", "fred",
                    "--out", out.resolve("episodes.csv").toString());
        } finally {
            System.setOut(original);
        }
        String screen = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, code, screen);
        List<String> rows = Files.readAllLines(out.resolve("episodes.csv"));
        // The episodes written are the real-time ones: 2008 entered in April on the data as published.
        assertTrue(rows.contains("sahm-national,US,all,2008-04-01,2008-05-01,2010-06-01,2010-07-31,26,base"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("sahm-national,US,all,2024-07-01,2024-08-01,2024-10-01")),
                rows.toString());
        assertTrue(screen.contains("Real time vs latest data"), screen);
        assertTrue(screen.matches("(?s).*sahm-national +US +all +2008-04-01 \\.\\. 2010-06-01 +2008-02-01 \\.\\. 2010-06-01 "
                + " +enters 2 months later in real time.*"), screen);
        assertTrue(screen.matches("(?s).*sahm-national +US +all +- +2003-07-01 \\.\\. 2003-09-01 +latest data only.*"), screen);
        assertTrue(screen.contains("3 of 15 episodes move: 2 with dates that shift, 0 only in real time, 1 only on the latest data"),
                screen);
    }

    @Test
    void asPublishedReplaysFilesInPublicationOrderWhateverTheirOrderOnTheCommandLine() throws Exception {
        String today = "../data/fred_UNRATE_monthly_1948-2026_vintage2026-04.csv";
        String vintages = "../data/alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
        java.nio.file.Files.createDirectories(Path.of("target/backtest-as-published"));
        List<List<String>> episodes = new java.util.ArrayList<>();
        for (boolean newestFirst : List.of(true, false)) {
            Path out = Path.of("target/backtest-as-published/order-" + newestFirst + ".csv");
            List<String> args = new java.util.ArrayList<>(List.of("backtest", "--policy", "sahm-national", "--as-published",
                    "--out", out.toString(), "--no-progress"));
            args.addAll(newestFirst
                    ? List.of("--input", today, "--format", "fred", "--input", vintages, "--format", "alfred-vintages")
                    : List.of("--input", vintages, "--format", "alfred-vintages", "--input", today, "--format", "fred"));
            String[] r = CliRun.run(args.toArray(String[]::new));
            assertEquals("0", r[0], r[2]);
            episodes.add(java.nio.file.Files.readAllLines(out));
        }
        assertEquals(episodes.get(1), episodes.get(0), "the same real-time episodes");
        assertTrue(episodes.get(0).stream().anyMatch(l -> l.contains("2024-07-01")), "ENTER on the July 2024 release: "
                + episodes.get(0));
    }

    @Test
    void asPublishedRefusesAFileOutOfPublicationOrder() throws Exception {
        // ETA 539 rows dated per row: a later week before an earlier one in the same state.
        Path backwards = Path.of("target/backtest-as-published/backwards.csv");
        java.nio.file.Files.createDirectories(backwards.getParent());
        List<String> lines = java.nio.file.Files.readAllLines(Path.of("../data/dol_eta539_weekly_claims_by_state_2019-2025.csv"));
        List<String> rows = new java.util.ArrayList<>(lines.stream().skip(1).filter(l -> l.startsWith("AK,")).limit(30).toList());
        java.util.Collections.reverse(rows);
        rows.add(0, lines.get(0));
        java.nio.file.Files.write(backwards, rows);
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = LaborwatchCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("backtest", "--policy", "eb-iur", "--as-published", "--input", backwards.toString(),
                "--format", "eta539", "--out", "target/backtest-as-published/refused.csv", "--no-progress");
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("--as-published: " + backwards + " (format eta539)")
                && err.toString().contains("publication order"), err.toString());
    }

    @Test
    void mismatchedFormatsFailWithAMessage() {
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = LaborwatchCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err));
        int code = cli.execute("backtest", "--policy", "eb-iur", "--input", "a.csv", "--input", "b.csv", "--input", "c.csv",
                "--format", "fred", "--format", "eta539");
        assertEquals(2, code);
        assertTrue(err.toString().contains("one --format for all inputs or one per --input"), err.toString());
    }
}
