package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress reporter on a terminal (a redrawn status line) and elsewhere (one summary line). */
class ProgressReporterTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(100 * SECOND);
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    /** Two phases: 1,500 records in 2 s, then 3 files in 0.5 s, with a line printed on the way. */
    private void work(ProgressReporter progress) {
        progress.phase("reading inputs", "records", records::get);
        now.addAndGet(SECOND);
        records.set(1_000);
        progress.tick();
        progress.println("  a result line");
        now.addAndGet(SECOND);
        records.set(1_500);
        progress.tick();
        progress.phase("writing outputs", "files", files::get);
        now.addAndGet(SECOND / 2);
        files.set(3);
        progress.finish("demo");
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void onATerminalTheStatusLineIsRedrawnWithPhaseCountAndElapsedSeconds() {
        work(new ProgressReporter(out, true, now::get));
        String screen = printed();
        assertTrue(screen.contains("\rreading inputs: 1,000 records, 1.0 s"), screen);
        assertTrue(screen.contains("\rreading inputs: 1,500 records, 2.0 s"), screen);
        assertTrue(screen.contains("\rwriting outputs: 0 files, 2.0 s"), screen);
        // The printed line first clears the status line, which is redrawn after it.
        String clear = "\r" + " ".repeat("reading inputs: 1,000 records, 1.0 s".length()) + "\r";
        assertTrue(screen.contains(clear + "  a result line\n\rreading inputs: 1,000 records, 1.0 s"), screen);
        // What remains on screen once carriage returns have done their work: the line and the summary.
        String lastLine = screen.substring(screen.lastIndexOf('\r') + 1);
        assertEquals("demo done in 2.5 s: reading inputs 1,500 records (2.0 s); writing outputs 3 files (0.5 s)\n",
                lastLine);
    }

    @Test
    void elsewhereOnlyThePrintedLinesAndOneSummaryLineAppear() {
        work(new ProgressReporter(out, false, now::get));
        assertEquals("  a result line\n"
                + "demo done in 2.5 s: reading inputs 1,500 records (2.0 s); writing outputs 3 files (0.5 s)\n", printed());
    }

    @Test
    void aFailureClearsTheStatusLineAndPrintsNoSummary() {
        ProgressReporter progress = new ProgressReporter(out, true, now::get);
        progress.phase("running the job", "records written", records::get);
        progress.close();
        String screen = printed();
        String status = "running the job: 0 records written, 0.0 s";
        assertEquals("\r" + status + "\r" + " ".repeat(status.length()) + "\r", screen);
    }

    @Test
    void theFlagsOverrideTheConsoleDetection() {
        assertTrue(ProgressReporter.forConsole(out, true).interactive());
        assertTrue(!ProgressReporter.forConsole(out, false).interactive());
        // Under Maven, standard input and output are not a terminal.
        assertEquals(System.console() != null, ProgressReporter.forConsole(out, null).interactive());
    }
}
