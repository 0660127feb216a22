package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/** {@code laborwatch demo} end to end, as a new user runs it, checking its files and its screen. */
class DemoCommandTest {

    private static final Path OUT = Path.of("target", "demo-out");
    private static String screen;
    private static List<TriggerEvent> events;

    @BeforeAll
    static void runTheDemo() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = LaborwatchCli.commandLine().execute("demo", "--data", "../data", "--out", OUT.toString(), "--parallelism", "2");
        } finally {
            System.setOut(original);
        }
        screen = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, screen);
        events = new ArrayList<>();
        for (String line : Files.readAllLines(OUT.resolve("triggers.jsonl"))) {
            events.add(Json.read(line, TriggerEvent.class));
        }
    }

    private static boolean has(String policy, String region, Transition t, LocalDate period) {
        return events.stream().anyMatch(e -> e.policy().equals(policy) && e.region().equals(region)
                && e.transition() == t && e.period().equals(period));
    }

    @Test
    void sahmNationalEntersIn2008And2020AndExitsAfterEach() {
        assertTrue(has("sahm-national", "US", Transition.ENTER, LocalDate.of(2008, 2, 1)));
        assertTrue(has("sahm-national", "US", Transition.EXIT, LocalDate.of(2010, 6, 1)));
        assertTrue(has("sahm-national", "US", Transition.ENTER, LocalDate.of(2020, 4, 1)));
        assertTrue(has("sahm-national", "US", Transition.EXIT, LocalDate.of(2021, 4, 1)));
        assertTrue(screen.contains("2008-02-01  sahm-national      ENTER"), screen);
        assertTrue(screen.contains("2020-04-01  sahm-national      ENTER"), screen);
        // The Sahm rule in real time for 2024, next to today's data (RealTimeSahm).
        assertTrue(screen.contains("Sahm rule in real time (FRED SAHMREALTIME) vs today's data, 2024"), screen);
        assertTrue(screen.contains("2024-07 0.53 ENTER / 0.50 ENTER"), screen);
    }

    @Test
    void ebIurEntersForSeveralStatesInSpring2020WithArizonaAndNebraskaOnTheWeekEndingMay30() {
        assertTrue(has("eb-iur", "US-AZ", Transition.ENTER, LocalDate.of(2020, 5, 30)));
        assertTrue(has("eb-iur", "US-NE", Transition.ENTER, LocalDate.of(2020, 5, 30)));
        long spring = events.stream().filter(e -> e.policy().equals("eb-iur") && e.transition() == Transition.ENTER
                && e.period().isBefore(LocalDate.of(2020, 7, 1))).count();
        assertTrue(spring >= 40, "most states entered EB in spring 2020, got " + spring);
        assertTrue(screen.contains("2020-05-30  eb-iur             ENTER       2020-06-14"), screen);
        assertTrue(screen.contains("AZ iur_13wk 5.1315"), screen);
    }

    @Test
    void writesLineProtocolAndDeadLetters() throws Exception {
        List<String> lp = Files.readAllLines(OUT.resolve("metrics.lp"));
        assertTrue(lp.size() > 70_000, "metric lines: " + lp.size());
        assertTrue(lp.stream().allMatch(l -> l.startsWith("metric,") && l.contains(",metric=")), lp.get(0));
        List<String> dead = Files.readAllLines(OUT.resolve("dead-letter.jsonl"));
        assertEquals(7, dead.size());
        assertTrue(screen.contains("AI-exposed claims shift"), screen);
        assertTrue(screen.contains("7 dead letters"), screen);
    }

    /**
     * The demo's trigger events equal the stored golden byte for byte: they pin the whole chain
     * (readers, metric engine, roll-ups, triggers) while its evaluation strategy changes (issue #13).
     */
    @Test
    void triggersEqualTheGolden() throws Exception {
        Golden.assertEqualsStored("demo-triggers.jsonl.gz",
                Files.readString(OUT.resolve("triggers.jsonl"), StandardCharsets.UTF_8));
    }

    /**
     * The roll-ups flush at a deadline (issue #13), and Flink drops pending processing-time timers
     * when a bounded input ends: the final-watermark flush must still write the last periods. Each
     * policy's last ENTER or EXIT period has its regions_on point in metrics.lp.
     */
    @Test
    void everyPolicysLastTransitionPeriodHasItsRollUpPoint() throws Exception {
        String metrics = Files.readString(OUT.resolve("metrics.lp"), StandardCharsets.UTF_8);
        java.util.Map<String, LocalDate> lastTransition = new java.util.TreeMap<>();
        events.stream().filter(e -> e.transition() == Transition.ENTER || e.transition() == Transition.EXIT)
                .forEach(e -> lastTransition.merge(e.policy(), e.period(), (a, b) -> a.isAfter(b) ? a : b));
        assertTrue(!lastTransition.isEmpty());
        lastTransition.forEach((policy, period) -> {
            String series = "metric=" + org.laborwatch.rollup.RegionsOnRollup.REGIONS_ON + ",region=US,sector="
                    + org.laborwatch.rollup.RegionsOnRollup.SECTOR_PREFIX + policy + " ";
            long nanos = period.atStartOfDay(java.time.ZoneOffset.UTC).toInstant().toEpochMilli() * 1_000_000L;
            assertTrue(metrics.lines().anyMatch(l -> l.contains(series) && l.endsWith(" " + nanos)),
                    "no roll-up point of " + policy + " for its last transition period " + period);
        });
    }

    @Test
    void triggersFileIsSortedByPeriod() {
        for (int i = 1; i < events.size(); i++) {
            assertTrue(!events.get(i).period().isBefore(events.get(i - 1).period()));
        }
    }
}
