package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's section on the Sahm rule in real time, from the bundled vintages. */
class RealTimeSahmSectionTest {

    @Test
    void july2024ReadsEnterAt053InRealTimeAndAt050OnTodaysData() throws Exception {
        long started = System.nanoTime();
        List<RealTimeSahm.Month> months = RealTimeSahm.compute(Path.of("..", "data"));
        long again = System.nanoTime();
        RealTimeSahm.compute(Path.of("..", "data"));
        // Measured, not asserted (the machine is shared): the demo computes it warm, after its job.
        System.out.printf("real-time Sahm section computed in %.0f ms, then in %.0f ms%n", (again - started) / 1e6,
                (System.nanoTime() - again) / 1e6);
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        RealTimeSahm.print(months, new PrintStream(text, true, StandardCharsets.UTF_8));
        String section = text.toString(StandardCharsets.UTF_8);
        System.out.print(section);

        assertEquals(12, months.size());
        assertTrue(section.startsWith("Sahm rule in real time (FRED SAHMREALTIME) vs today's data, 2024"), section);
        // FRED SAHMREALTIME 2024-06..10: 0.43, 0.53, 0.57, 0.50, 0.43; both exit on October.
        assertEquals(List.of("2024-06 0.43 / 0.43", "2024-07 0.53 ENTER / 0.50 ENTER", "2024-08 0.57 / 0.57",
                "2024-09 0.50 / 0.53", "2024-10 0.43 EXIT / 0.40 EXIT"),
                months.subList(5, 10).stream().map(RealTimeSahm.Month::text).toList());
        assertTrue(section.contains("2024-06 0.43 / 0.43, 2024-07 0.53 ENTER / 0.50 ENTER"), section);
    }

    @Test
    void aDataDirectoryWithoutTheVintagesIsNamed() throws Exception {
        Path empty = Files.createDirectories(Path.of("target", "no-vintages"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RealTimeSahm.checkInputs(empty));
        assertTrue(e.getMessage().contains(RealTimeSahm.VINTAGES) && e.getMessage().contains("no such file"),
                e.getMessage());
    }
}
