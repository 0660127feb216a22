package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The command line fails fast on bad flags, with a message, and documents its commands. */
class CliTest {

    private static String[] run(String... args) {
        return CliRun.run(args);
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("demo") && r[1].contains("run"), r[1]);
    }

    @Test
    void anUnknownFlagFailsWithAMessage() {
        String[] r = run("demo", "--paralelism", "2");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("'--paralelism'") && r[2].contains("Possible solutions: --parallelism"), r[2]);
    }

    @Test
    void aBadValueFailsWithAMessage() {
        String[] r = run("demo", "--parallelism", "two");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--parallelism"), r[2]);
    }

    @Test
    void aMissingDataDirectoryFailsWithAMessageNotAStackTrace() {
        String[] r = run("demo", "--data", "target/no-such-dir");
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("laborwatch: --data target/no-such-dir is not a directory"), r[2]);
        assertTrue(!r[2].contains("at org."), r[2]);
    }

    @Test
    void anExtraRegionThatIsNoCountryFailsNamingTheFileAndLine() throws Exception {
        java.nio.file.Path file = java.nio.file.Path.of("target", "tmp", "extra-regions-bad.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, "CA\nZZ\n");
        String[] r = run("demo", "--data", "../data", "--out", "target/tmp/demo-extra", "--extra-regions", file.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].startsWith("laborwatch: " + file + ":2: region 'ZZ' is not an ISO 3166-1 alpha-2 country code"), r[2]);
        assertTrue(!r[2].contains("at org."), r[2]);
    }

    @Test
    void runNeedsABootstrapServer() {
        String[] r = run("run");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("--bootstrap"), r[2]);
    }

    @Test
    void anUnreadableInfluxTokenFileFailsWithAMessage() {
        String[] r = run("run", "--bootstrap", "127.0.0.1:1", "--influx-url", "http://127.0.0.1:1",
                "--influx-token-file", "target/no-such-token");
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("cannot read the InfluxDB token file target/no-such-token"), r[2]);
    }

    @Test
    void aBadInfluxUrlFailsWithAMessageAndTheTokenIsNotPrinted() throws java.io.IOException {
        java.nio.file.Path token = java.nio.file.Files.writeString(java.nio.file.Path.of("target", "cli-test-token"), "t0ps3cret\n");
        String[] r = run("run", "--bootstrap", "127.0.0.1:1", "--influx-url", "127.0.0.1:8086",
                "--influx-token-file", token.toString());
        assertEquals("1", r[0]);
        assertTrue(r[2].contains("InfluxDB URL '127.0.0.1:8086' must be http(s)://host[:port]"), r[2]);
        assertTrue(!(r[1] + r[2]).contains("t0ps3cret"), r[2]);
    }

    @Test
    void runAndDemoDocumentTheInfluxFlags() {
        for (String command : new String[] {"run", "demo"}) {
            String[] r = run(command, "--help");
            for (String flag : new String[] {"--influx-url", "--influx-org", "--influx-bucket", "--influx-token-file"}) {
                assertTrue(r[1].contains(flag), command + " --help lists " + flag + ": " + r[1]);
            }
            assertTrue(r[1].contains("LABORWATCH_INFLUX_TOKEN"), r[1]);
        }
    }
}
