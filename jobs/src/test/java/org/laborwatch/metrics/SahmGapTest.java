package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/** The Sahm gap against the figures FRED publishes (SAHMCURRENT, Dec-2023 vintage). */
class SahmGapTest {

    private static final Map<LocalDate, MetricPoint> GAPS = new HashMap<>();

    @BeforeAll
    static void computeOverTheBundledHistory() throws IOException {
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        RegionSeries data = new RegionSeries();
        List<String> lines = Files.readAllLines(Path.of("../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv"));
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            Observation o = rate(LocalDate.parse(f[0]), f[1], LocalDate.of(2023, 12, 1));
            engine.apply(data, o).points().forEach(p -> GAPS.put(p.period(), p));
        }
    }

    static Observation rate(LocalDate month, String value, LocalDate vintage) {
        return new Observation("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, month, new BigDecimal(value),
                "percent", "bls.cps", vintage);
    }

    private static BigDecimal gap(String month) {
        return GAPS.get(LocalDate.parse(month + "-01")).value();
    }

    @Test
    void matchesPublishedFigures() {
        assertEquals(new BigDecimal("4.00"), gap("2020-04"));
        assertEquals(new BigDecimal("0.83"), gap("2008-06"));
        assertEquals(new BigDecimal("0.57"), gap("2001-07"));
        assertEquals(new BigDecimal("1.83"), gap("1974-12"));
        assertEquals(new BigDecimal("-0.07"), gap("2021-04"));
        assertEquals(new BigDecimal("2.40"), gap("2021-03"));
    }

    @Test
    void october1957IsExactlyHalfAPoint() {
        assertEquals(0, gap("1957-10").compareTo(new BigDecimal("0.50")));
        assertTrue(gap("1957-10").compareTo(new BigDecimal("0.50")) >= 0);
    }

    @Test
    void firstValueNeedsFourteenMonthsOfHistory() {
        assertFalse(GAPS.containsKey(LocalDate.of(1949, 2, 1)));
        assertTrue(GAPS.containsKey(LocalDate.of(1949, 3, 1)));
        assertEquals(911 - 14, GAPS.size());
    }

    @Test
    void aMissingMonthMakesTheWindowUnavailable() {
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        RegionSeries data = new RegionSeries();
        LocalDate v = LocalDate.of(2026, 4, 1);
        Map<LocalDate, MetricPoint> out = new HashMap<>();
        for (LocalDate m = LocalDate.of(2024, 1, 1); m.isBefore(LocalDate.of(2026, 4, 1)); m = m.plusMonths(1)) {
            if (!m.equals(LocalDate.of(2025, 10, 1))) {
                engine.apply(data, rate(m, "4.2", v)).points().forEach(p -> out.put(p.period(), p));
            }
        }
        assertFalse(out.get(LocalDate.of(2025, 10, 1)).isAvailable());
        assertFalse(out.get(LocalDate.of(2025, 11, 1)).isAvailable());
        assertTrue(out.get(LocalDate.of(2025, 11, 1)).reason().contains("2025-10"));
        assertTrue(out.get(LocalDate.of(2025, 9, 1)).isAvailable());
    }

    @Test
    void aRevisionRecomputesEveryMonthItTouchesAndAnOlderVintageIsIgnored() {
        MetricEngine engine = new MetricEngine(List.of(new SahmGap()));
        RegionSeries data = new RegionSeries();
        LocalDate v1 = LocalDate.of(2024, 1, 5);
        for (LocalDate m = LocalDate.of(2022, 1, 1); m.isBefore(LocalDate.of(2024, 1, 1)); m = m.plusMonths(1)) {
            engine.apply(data, rate(m, "3.5", v1));
        }
        MetricEngine.Result revised = engine.apply(data, rate(LocalDate.of(2023, 6, 1), "3.8", LocalDate.of(2024, 2, 2)));
        assertEquals(Upsert.REVISED, revised.upsert());
        // 2023-06 sits in MA3 of 2023-06..08, which every month up to 2023-12 reads.
        assertEquals(7, revised.points().size());
        assertTrue(revised.points().stream().allMatch(p -> p.vintage().equals(LocalDate.of(2024, 2, 2))));
        MetricEngine.Result stale = engine.apply(data, rate(LocalDate.of(2023, 6, 1), "9.9", v1));
        assertEquals(Upsert.STALE, stale.upsert());
        assertTrue(stale.points().isEmpty());
    }
}
