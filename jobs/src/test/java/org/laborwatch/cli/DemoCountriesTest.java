package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.SahmGap;
import org.laborwatch.readers.ReaderOptions;
import picocli.CommandLine;

/**
 * The demo with the OECD file after FRED's UNRATE: other countries get Sahm gaps and sahm-countries
 * events, the latest readings name them, and the OECD's US rows are left out: every US gap is
 * FRED's, and the only dead letters are the seven deliberate ones.
 */
class DemoCountriesTest {

    private static final Path OUT = Path.of("target", "demo-countries");
    private static final Pattern US_GAP = Pattern.compile(
            "^metric,(?:indicator=[^,]+,)?metric=sahm_gap,region=US,sector=all unavailable=false,value=([^ ]+) (-?\\d+)$");
    private static String screen;

    @BeforeAll
    static void runTheDemo() {
        DemoCommand demo = new DemoCommand();
        demo.inputs = DemoData.INPUTS.stream()
                .filter(i -> i.file().startsWith("fred_UNRATE") || i.file().startsWith("oecd_hur")).toList();
        assertEquals(2, demo.inputs.size());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = new CommandLine(demo).setCaseInsensitiveEnumValuesAllowed(true).execute("--data", "../data", "--out", OUT.toString(),
                    "--policy", "sahm-national,sahm-countries", "--no-progress");
        } finally {
            System.setOut(original);
        }
        screen = captured.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, screen);
    }

    @Test
    void theLatestReadingsRankTheCountriesEachAtItsLatestMonth() {
        assertTrue(screen.contains("Sahm rule gap by country, each at its latest month"), screen);
        // US from FRED ends 2023-11, the OECD's countries in 2023-01 to 2023-03: 35 + 4 groups + US.
        assertTrue(screen.contains("Sahm rule gap by country, each at its latest month"), screen);
        assertTrue(screen.contains("2023-01..2023-11 (40)"), screen);
        // PT 2023-02: (6.7 + 7.0 + 6.8) = 20.5, min 2022-02 (5.6 + 5.8 + 5.7 = 17.1): 3.4 / 3 = 1.13
        assertTrue(screen.contains("high: PT 1.13 (2023-02)"), screen);
        // CR 2023-01, five decimals: (11.68559 + 11.77148 + 10.92826) = 34.38533, min 2022-11 34.78565:
        // -0.40032 / 3 = -0.133440, shown as -0.13
        assertTrue(screen.contains("low:  CR -0.13 (2023-01)"), screen);
        // The 40-area file has 13,848 rows, 401 of them USA.
        assertTrue(screen.contains("13,447 observations (oecd-hur)"), screen);
        assertTrue(screen.contains("note: 401 observations of US left out"), screen);
    }

    @Test
    void sahmCountriesEntersForTheUkIn2008() throws Exception {
        List<TriggerEvent> events = Files.readAllLines(OUT.resolve("triggers.jsonl")).stream()
                .map(l -> Json.read(l, TriggerEvent.class)).toList();
        assertTrue(events.stream().anyMatch(e -> e.policy().equals("sahm-countries") && e.region().equals("GB")
                && e.transition() == Transition.ENTER && e.period().equals(LocalDate.of(2008, 8, 1))), screen);
        assertTrue(events.stream().noneMatch(e -> e.policy().equals("sahm-countries") && e.region().equals("US")));
    }

    @Test
    void theOecdUsRowsAreLeftOutAndEveryUsGapIsFreds() throws Exception {
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        RegionSeries us = new RegionSeries();
        Map<LocalDate, BigDecimal> fred = new HashMap<>();
        for (Observation o : TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true)) {
            engine.apply(us, o).points().forEach(p -> fred.put(p.period(), p.value()));
        }
        Map<LocalDate, BigDecimal> demo = new HashMap<>();
        for (String line : Files.readAllLines(OUT.resolve("metrics.lp"))) {
            Matcher m = US_GAP.matcher(line);
            if (m.matches()) {
                demo.put(LocalDate.ofInstant(Instant.ofEpochSecond(0, Long.parseLong(m.group(2))), ZoneOffset.UTC),
                        new BigDecimal(m.group(1)));
            }
        }
        assertEquals(fred.size(), demo.size());
        assertEquals(7, Files.readAllLines(OUT.resolve("dead-letter.jsonl")).size(), "only the deliberate ones");
        fred.forEach((month, gap) -> assertEquals(0, gap.compareTo(demo.get(month)), month.toString()));
    }
}
