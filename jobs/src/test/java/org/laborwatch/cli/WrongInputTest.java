package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Wrong input is never a silent success (issue #11, items 2 and 4): each way an input, an option or
 * a server can be wrong gets its own message naming the path or address and the fix, and exit 1.
 */
class WrongInputTest {

    private static final Path DIR = Path.of("target", "wrong-input");
    private static final String ETA539 = "../data/dol_eta539_weekly_claims_by_state_2019-2025.csv";
    private static final String UNRATE = "../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv";

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    private static void assertFails(String[] r, String... parts) {
        assertEquals("1", r[0], r[2]);
        for (String part : parts) {
            assertTrue(r[2].contains(part), "'" + part + "' in: " + r[2]);
        }
        assertFalse(r[2].contains("\tat "), "no stack trace: " + r[2]);
    }

    private static Path file(String name, String text) throws IOException {
        Files.createDirectories(DIR);
        return Files.writeString(DIR.resolve(name), text);
    }

    @Test
    void aMissingFileIsNamedWithThePath() {
        assertFails(run("compute", "--input", "target/no-such.csv", "--format", "fred", "--metric", "sahm_gap"),
                "--input target/no-such.csv: no such file");
    }

    @Test
    void aDirectoryIsNamedAsOne() {
        assertFails(run("compute", "--input", "../data", "--format", "fred", "--metric", "sahm_gap"),
                "--input ../data is a directory");
    }

    @Test
    void anEmptyFileIsNamedAsEmpty() throws IOException {
        Path empty = file("empty_vintage2024-01.csv", "");
        assertFails(run("compute", "--input", empty.toString(), "--format", "fred", "--metric", "sahm_gap"),
                "--input " + empty + " is empty (0 bytes)");
    }

    @Test
    void aFileOfAnotherFormatNamesTheFormatItLooksLike() {
        assertFails(run("compute", "--input", ETA539, "--format", "fred", "--metric", "sahm_gap"),
                ETA539 + " is not a fred file", "looks like eta539", "pass --format eta539");
        assertFails(run("backtest", "--policy", "sahm-national", "--input", UNRATE, "--format", "eta539"),
                UNRATE + " is not a eta539 file", "pass --format fred");
    }

    @Test
    void anOecdFileReadAsAnotherFormatOrWithAnUnknownLocationIsRefusedByName() throws IOException {
        String oecd = "../data/oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv";
        assertFails(run("compute", "--input", oecd, "--format", "ons", "--metric", "sahm_gap"),
                oecd + " is not a ons file", "looks like oecd-hur", "pass --format oecd-hur");
        Path brazil = file("hur_vintage2023-04.csv", "LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,TIME,Value,Flag Codes\n"
                + "BRA,HUR,TOT,PC_LF,M,2023-01,8.4,\n");
        assertFails(run("compute", "--input", brazil.toString(), "--format", "oecd-hur", "--metric", "sahm_gap"),
                brazil + ":2: column LOCATION: 'BRA' is not an OECD location", "reference/oecd_locations.csv");
    }

    @Test
    void aPlainFredDownloadWithoutAVintageIsToldWhatAVintageIsAndHowToPassIt() throws IOException {
        Path plain = file("UNRATE.csv", "observation_date,UNRATE\n2024-01-01,3.7\n2024-02-01,3.9\n2024-03-01,3.8\n");
        String[] r = run("compute", "--input", plain.toString(), "--format", "fred", "--metric", "tur_3mo");
        assertFails(r, plain + ": no vintage", "the date these values were published", "--vintage YYYY-MM-DD");
        r = run("compute", "--input", plain.toString(), "--format", "fred", "--metric", "tur_3mo", "--vintage", "2024-03-08");
        assertEquals("0", r[0], r[2]);
    }

    @Test
    void aMetricTheFileCannotProduceNamesWhatItReadsAndWhichFormatsSupplyIt() {
        String[] r = run("compute", "--input", ETA539, "--format", "eta539", "--metric", "sahm_gap");
        assertFails(r, "no sahm_gap from " + ETA539, "unemployment_rate (sa) (formats: fred, fred-long, laus-state, alfred-vintages, alfred-first-release, rtdsm, oecd-hur, ons, statcan-lfs)",
                "the input has none of them", "The input has continued_claims (nsa)");
        assertEquals("", r[1], "no CSV when nothing was computed");
    }

    @Test
    void someButNotAllMetricsWarnsAndSucceeds() {
        String[] r = run("compute", "--input", UNRATE, "--format", "fred", "--metric", "tur_3mo", "--metric", "iur_13wk");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[2].contains("no iur_13wk from " + UNRATE) && r[2].contains("covered_employment (nsa) (formats: eta539)"),
                r[2]);
        assertTrue(r[1].contains("tur_3mo,unemployment_rate,US,all,1948-03-01,3.73,ok,"), r[1]);
    }

    @Test
    void aPolicyWhoseMetricsTheInputsCannotProduceFails() {
        String[] r = run("backtest", "--policy", "eb-iur", "--input", UNRATE, "--format", "fred");
        assertFails(r, "policy eb-iur has no input", "iur_13wk reads", "(formats: eta539)", "nothing to backtest");
    }

    @Test
    void aPolicyWatchingNoRegionOfTheInputsFails() {
        // The national rate holds no state: sahm-state has nothing to decide on (before #13's fifteenth
        // part, the nation's Sahm gap counted as its input, and the run succeeded with no episode).
        String[] r = run("backtest", "--policy", "sahm-state", "--input", UNRATE, "--format", "fred");
        assertFails(r, "policy sahm-state has no input", "it watches US-*; the inputs have data for US only",
                "nothing to backtest");
    }

    @Test
    void aRegionWithoutDataFails() {
        String[] r = run("backtest", "--policy", "sahm-national", "--input", UNRATE, "--format", "fred", "--region", "US-ZZ");
        assertFails(r, "--region US-ZZ: the inputs have no data for it; regions with data: US");
    }

    @Test
    void outputPathsAreCheckedBeforeTheInputsAreRead() throws IOException {
        // The input does not exist either: the --out message proves the check came first.
        assertFails(run("compute", "--input", "target/no-such.csv", "--format", "fred", "--metric", "sahm_gap",
                "--out", "target/no-such-dir/out.csv"), "--out target/no-such-dir/out.csv: directory",
                "no-such-dir does not exist; create it");
        Files.createDirectories(DIR);
        assertFails(run("backtest", "--policy", "sahm-national", "--input", "target/no-such.csv", "--format", "fred",
                "--chart", DIR.toString()), "--chart " + DIR + " is a directory");
        assertFails(run("backtest", "--policy", "sahm-national", "--input", "target/no-such.csv", "--format", "fred",
                "--out", "target/no-such-dir/e.csv"), "--out target/no-such-dir/e.csv: directory");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void kafkaCommandsSayTheBrokerCannotBeReachedWithinTheirTimeout() throws IOException {
        String broker = "127.0.0.1:" + closedPort();
        String[][] commands = {
            {"replay", "--bootstrap", broker, "--input", UNRATE, "--format", "fred", "--broker-timeout", "PT2S"},
            {"triggers", "--bootstrap", broker, "--timeout", "PT1S", "--broker-timeout", "PT2S"},
            {"run", "--bootstrap", broker, "--broker-timeout", "PT2S"},
        };
        for (String[] command : commands) {
            long started = System.nanoTime();
            String[] r = run(command);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertFails(r, "cannot reach the Kafka broker at " + broker + " after 2 s");
            assertTrue(seconds < 15, command[0] + " gave up after " + seconds + " s");
        }
    }

    @Test
    void anInfluxDbWithoutTheV2WriteApiIsNamedWithItsVersionInOneLine() throws IOException {
        HttpServer influx16 = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        // As influxd 1.6 answers: /ping 204 with its version, no /api/v2/write.
        influx16.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/ping")) {
                exchange.getResponseHeaders().add("X-Influxdb-Version", "1.6.7");
                exchange.sendResponseHeaders(204, -1);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
            exchange.close();
        });
        influx16.start();
        try {
            String url = "http://127.0.0.1:" + influx16.getAddress().getPort();
            String[] r = run("demo", "--data", "../data", "--influx-url", url, "--out", DIR.resolve("demo").toString());
            assertFails(r, "InfluxDB at " + url + " (version 1.6.7) has no v2 write API",
                    "use InfluxDB 1.8 or later or 2.x", "deploy/influxdb");
            assertEquals(1, r[2].strip().lines().count(), r[2]);
        } finally {
            influx16.stop(0);
        }
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "compute", "backtest", "run", "replay", "triggers"}) {
            String[] r = run(command, "--help");
            assertEquals("0", r[0], command);
            assertTrue(r[1].startsWith("Usage: laborwatch " + command), r[1]);
        }
        assertTrue(run("replay", "--help")[1].contains("--broker-timeout"));
        assertTrue(run("compute", "--help")[1].contains("status"));
    }

    @Test
    void aReasonWithSeveralPeriodsIsOneQuotedCsvCell() throws IOException {
        Path gaps = file("gaps_vintage2025-06.csv", "DATE,UNRATE\n" + String.join("\n", java.util.stream.IntStream.range(0, 18)
                .filter(i -> i != 14 && i != 15)
                .mapToObj(i -> java.time.LocalDate.of(2024, 1, 1).plusMonths(i) + ",4.0").toList()) + "\n");
        String[] r = run("compute", "--input", gaps.toString(), "--format", "fred", "--metric", "sahm_gap");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("sahm_gap,unemployment_rate,US,all,2025-04-01,,unavailable,"
                + "\"unemployment_rate (sa) missing for 2025-03, 2025-04\"\n"), r[1]);
    }
}
