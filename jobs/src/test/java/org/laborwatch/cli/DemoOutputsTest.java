package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The demo's outputs are complete or absent: a run replaces them only once the job has finished, an
 * interrupted run leaves the previous ones byte for byte and no temporary directory, and metrics.lp
 * holds each point once, so two runs write the same bytes. Two of the bundled files and two
 * policies keep it to seconds.
 */
class DemoOutputsTest {

    private static final Path OUT = Path.of("target", "demo-outputs");
    private static final List<String> FILES = List.of("observations.jsonl", "triggers.jsonl", "metrics.lp", "dead-letter.jsonl");
    private static final Pattern COUNTS = Pattern.compile("([\\d,]+) metric points \\(([\\d,]+) writes\\)");

    private static Map<String, byte[]> firstRun;
    private static String firstScreen;

    private record Run(int code, String screen) {}

    private static Run demo(DemoCommand.JobRun jobRun) {
        DemoCommand demo = new DemoCommand();
        demo.inputs = DemoData.INPUTS.stream()
                .filter(i -> i.file().startsWith("fred_UNRATE") || i.file().startsWith("dol_eta539")).toList();
        if (jobRun != null) {
            demo.jobRun = jobRun;
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(demo).setCaseInsensitiveEnumValuesAllowed(true).execute("--data", "../data",
                    "--out", OUT.toString(), "--policy", "sahm-national,eb-iur", "--no-progress", "--parallelism", "2");
        } finally {
            System.setOut(original);
        }
        return new Run(code, captured.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, byte[]> outputs() throws IOException {
        Map<String, byte[]> bytes = new TreeMap<>();
        for (String f : FILES) {
            bytes.put(f, Files.readAllBytes(OUT.resolve(f)));
        }
        return bytes;
    }

    private static void assertSameOutputs(Map<String, byte[]> expected) throws IOException {
        Map<String, byte[]> now = outputs();
        for (String f : FILES) {
            assertArrayEquals(expected.get(f), now.get(f), f + " changed");
        }
    }

    private static void assertNoTemporaryDirectory() throws IOException {
        try (Stream<Path> entries = Files.list(OUT)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue(names.stream().noneMatch(n -> n.startsWith(".")), "temporary entries left in " + OUT + ": " + names);
        }
    }

    @BeforeAll
    static void runTheDemoOnce() throws IOException {
        Run run = demo(null);
        assertEquals(0, run.code(), run.screen());
        firstRun = outputs();
        firstScreen = run.screen();
    }

    @Test
    void aSecondRunWritesTheSameBytesAndEachMetricPointOnce() throws IOException {
        Run second = demo(null);
        assertEquals(0, second.code(), second.screen());
        assertSameOutputs(firstRun);
        assertNoTemporaryDirectory();

        List<String> lines = Files.readAllLines(OUT.resolve("metrics.lp"));
        Set<String> points = new HashSet<>();
        for (String line : lines) {
            // measurement,tags and the timestamp; these lines have no spaces in tags or string fields.
            String point = line.substring(0, line.indexOf(' ')) + line.substring(line.lastIndexOf(' '));
            assertTrue(points.add(point), "written twice: " + point);
        }
        Matcher counts = COUNTS.matcher(firstScreen);
        assertTrue(counts.find(), firstScreen);
        long reported = Long.parseLong(counts.group(1).replace(",", ""));
        long writes = Long.parseLong(counts.group(2).replace(",", ""));
        assertEquals(lines.size(), reported, firstScreen);
        assertTrue(writes > reported, "the replay rewrites points, so writes exceed points: " + counts.group());
    }

    @Test
    void aJobCancelledMidwayLeavesThePreviousOutputsAndNoTemporaryDirectory() throws IOException {
        long[] writtenWhenCancelled = {-1};
        Run cancelled = demo((env, written) -> {
            JobClient job = env.executeAsync("laborwatch demo, cancelled");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (written.getAsLong() == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("the job wrote nothing within 60 s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
            writtenWhenCancelled[0] = written.getAsLong();
            job.cancel().get();
            throw new CancellationException("simulated Ctrl-C");
        });
        assertEquals(1, cancelled.code(), cancelled.screen());
        assertTrue(writtenWhenCancelled[0] > 0, "cancelled after some output was written");
        assertSameOutputs(firstRun);
        assertNoTemporaryDirectory();
    }
}
