package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.state.GoldenBytes;

/** The breadth operator's held roll-up periods: every released version of their bytes still reads. */
class SettlingPeriodsFormatTest {

    private static MetricPoint point(String metric, String period, String value, String vintage) {
        return MetricPoint.ok(metric, "sahm-state", "US", "policy:sahm-state", Frequency.MONTHLY, LocalDate.parse(period),
                new BigDecimal(value), vintage == null ? null : LocalDate.parse(vintage));
    }

    /** Two periods held: one with both roll-ups, changed twice; one with a count only and no vintage. */
    static SettlingPeriods representative() {
        SettlingPeriods s = new SettlingPeriods();
        s.offer(point("regions_on", "2020-04-01", "12", "2020-05-08"), 1_700_000_000_000L);
        s.offer(point("regions_on", "2020-04-01", "31", "2020-05-08"), 1_700_000_002_000L);
        s.offer(point("regions_on_share_pct", "2020-04-01", "80.25", "2020-05-08"), 1_700_000_002_000L);
        s.offer(point("regions_on", "2020-05-01", "7", null), 1_700_000_004_000L);
        s.offer(MetricPoint.unavailable("regions_on_share_pct", "sahm-state", "US", "policy:sahm-state",
                Frequency.MONTHLY, LocalDate.parse("2020-05-01"), "no weights", null), 1_700_000_004_000L);
        return s;
    }

    static SettlingPeriods decode(byte[] bytes) throws IOException {
        return SettlingPeriods.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void version1BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        SettlingPeriods back = decode(GoldenBytes.read("settling-periods-v1.bin"));
        assertEquals(representative(), back);
        assertEquals(2, back.periods());
        assertEquals(1_700_000_002_000L + SettlingPeriods.SETTLE.toMillis(), back.nextDecision(),
                "the time each period last changed is kept");
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        GoldenBytes.assertEncodesTo("settling-periods-v1.bin", GoldenBytes.bytes(representative()::writeTo));
    }

    @Test
    void theFrequencyIsSavedByName() throws IOException {
        assertTrue(new String(GoldenBytes.bytes(representative()::writeTo), StandardCharsets.ISO_8859_1).contains("MONTHLY"));
    }

    @Test
    void aNewerVersionIsRefusedNamingTheFormat() throws IOException {
        byte[] bytes = GoldenBytes.bytes(representative()::writeTo);
        bytes[0] = 2;
        IOException e = assertThrows(IOException.class, () -> decode(bytes));
        assertTrue(e.getMessage().startsWith("SettlingPeriods state has format version 2"), e.getMessage());
        assertTrue(e.getMessage().contains("Saved by a newer release?"), e.getMessage());
    }
}
