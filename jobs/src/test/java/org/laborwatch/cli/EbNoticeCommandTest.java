package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code laborwatch eb-notice}: the CSV it writes, and each wrong input refused with its cause and exit 1. */
class EbNoticeCommandTest {

    private static final Path DIR = Path.of("target", "eb-notice");
    private static final String RELEASES =
            "../data/bls_state_lf_unemployment_realtime_releases_1996-02-08_1998-10-20_2008-12-19_2009-01-27.csv";
    private static final String NOTICE = "../data/dol_eb_trigger_notice_2020-52_effective_2021-01-10.csv";

    private static void assertFails(String[] r, String... parts) {
        assertEquals("1", r[0], r[2]);
        for (String part : parts) {
            assertTrue(r[2].contains(part), "'" + part + "' in: " + r[2]);
        }
        assertFalse(r[2].contains("\tat "), "no stack trace: " + r[2]);
    }

    private static String[] notice(String input, String format, String from, String to, Path out) {
        return CliRun.run("eb-notice", "--input", input, "--format", format, "--from", from, "--to", to, "--out",
                out.toString());
    }

    @Test
    void writesDolsColumnsOneRowPerStateAndSunday() throws IOException {
        Files.createDirectories(DIR);
        Path out = DIR.resolve("feb-2009.csv");
        String[] r = notice(RELEASES, "bls-state-release", "2009-02-09", "2009-02-22", out);
        assertEquals("0", r[0], r[2]);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(Files.readAllLines(Path.of(NOTICE), StandardCharsets.UTF_8).get(0), lines.get(0),
                "the columns of DOL's notice");
        // Two Sundays (02-15, 02-22), 52 areas in the release (50 states, DC, PR).
        assertEquals(1 + 2 * 52, lines.size());
        assertTrue(lines.contains("2009-05,2009-02-15,2009-01-31,2008-12,Alabama,,,&,,,6.1,,,,"), lines.get(1));
        assertTrue(r[2].contains("wrote 2 notices, 104 state rows, to " + out), r[2]);
    }

    @Test
    void fromAfterToIsRefused() {
        assertFails(notice(RELEASES, "bls-state-release", "2009-02-22", "2009-02-15", DIR.resolve("x.csv")),
                "--from 2009-02-22 is after --to 2009-02-15; give the earlier date first");
    }

    @Test
    void aBadDateIsRefused() {
        assertFails(notice(RELEASES, "bls-state-release", "2009-02-30", "2009-03-01", DIR.resolve("x.csv")),
                "--from: not a date YYYY-MM-DD: '2009-02-30'");
    }

    @Test
    void aMissingFileIsNamed() {
        assertFails(notice("target/no-such.csv", "eta539", "2021-01-10", "2021-01-10", DIR.resolve("x.csv")),
                "--input target/no-such.csv: no such file");
    }

    @Test
    void aFormatANoticeCannotReadIsRefused() {
        assertFails(notice("../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", "2021-01-10",
                "2021-01-10", DIR.resolve("x.csv")), "--format fred: a notice reads eta539, bls-state-release, laus-levels");
    }

    @Test
    void datesOutsideTheInputsAreRefusedAndNothingIsWritten() throws IOException {
        Files.createDirectories(DIR);
        Path out = DIR.resolve("outside.csv");
        Files.deleteIfExists(out);
        assertFails(notice(RELEASES, "bls-state-release", "2015-01-04", "2015-01-04", out),
                "the inputs give no IUR and no TUR for the notices effective 2015-01-04");
        assertFalse(Files.exists(out));
    }
}
