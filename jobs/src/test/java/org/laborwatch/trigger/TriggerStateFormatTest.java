package org.laborwatch.trigger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.state.GoldenBytes;

/** The trigger operator's saved state: every released version of its bytes still reads. */
class TriggerStateFormatTest {

    /** A state with every part filled: ON in a tier, streaks, a pending period with an unavailable input, history. */
    static TriggerState representative() {
        TriggerState s = new TriggerState();
        s.core.on = true;
        s.core.tier = "high";
        s.core.enterStreak = 3;
        s.core.exitStreak = 1;
        s.core.onPeriod = LocalDate.of(2020, 5, 30);
        s.lastPeriod = LocalDate.of(2020, 7, 4);
        s.frequency = Frequency.WEEKLY;
        Map<String, BigDecimal> waiting = new TreeMap<>();
        waiting.put("iur_13wk", new BigDecimal("5.1315"));
        waiting.put("iur_lookback_pct", null);
        s.pending.put(LocalDate.of(2020, 7, 11), waiting);
        s.pendingVintage.put(LocalDate.of(2020, 7, 11), LocalDate.of(2020, 7, 16));
        TriggerState.Core before = new TriggerState.Core();
        before.offPeriod = LocalDate.of(2019, 1, 5);
        before.enterStreak = 2;
        s.history.put(LocalDate.of(2020, 5, 30), new TriggerState.Decided(
                new TreeMap<>(Map.of("iur_13wk", new BigDecimal("5.1315"), "iur_lookback_pct", new BigDecimal("603.70"))),
                LocalDate.of(2020, 6, 4), before, List.of("eb-iur/US-AZ/2020-05-30/ENTER")));
        return s;
    }

    /**
     * The representative state as version 4 holds it: the decision state before the kept period was
     * on watch, with the lagged values of the periods before it.
     */
    static TriggerState representativeV4() {
        TriggerState s = representative();
        TriggerState.Core before = s.history.firstEntry().getValue().before;
        before.watching = true;
        before.watchSince = LocalDate.of(2020, 5, 9);
        Map<String, BigDecimal> then = new TreeMap<>();
        then.put("iur_13wk", new BigDecimal("4.2001"));
        before.recent.put(LocalDate.of(2020, 5, 16), then);
        Map<String, BigDecimal> unavailable = new TreeMap<>();
        unavailable.put("iur_13wk", null);
        before.recent.put(LocalDate.of(2020, 5, 23), unavailable);
        s.core.recent.put(LocalDate.of(2020, 7, 4), new TreeMap<>(Map.of("iur_13wk", new BigDecimal("6.0"))));
        return s;
    }

    /** The representative state as version 1 could hold it: no restatement history. */
    static TriggerState representativeV1() {
        TriggerState s = representative();
        s.history.clear();
        return s;
    }

    static byte[] encode(TriggerState s) throws IOException {
        return GoldenBytes.bytes(s::writeTo);
    }

    static TriggerState decode(byte[] bytes) throws IOException {
        return TriggerState.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void version1BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representativeV1(), decode(GoldenBytes.read("trigger-state-v1.bin")));
    }

    @Test
    void version2BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(), decode(GoldenBytes.read("trigger-state-v2.bin")));
    }

    @Test
    void version3BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(), decode(GoldenBytes.read("trigger-state-v3.bin")));
    }

    @Test
    void version4BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representativeV4(), decode(GoldenBytes.read("trigger-state-v4.bin")));
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        GoldenBytes.assertEncodesTo("trigger-state-v4.bin", encode(representativeV4()));
    }

    @Test
    void stateReadFromAnOlderVersionIsWrittenInTheCurrentOne() throws IOException {
        // Version 3 had no watch and no lagged values: they read as not watching and none kept.
        byte[] fromV3 = encode(decode(GoldenBytes.read("trigger-state-v3.bin")));
        assertEquals(4, fromV3[0]);
        assertEquals(representative(), decode(fromV3));
        assertArrayEquals(fromV3, encode(decode(GoldenBytes.read("trigger-state-v2.bin"))));
    }

    @Test
    void theFrequencyIsSavedByName() throws IOException {
        assertTrue(new String(encode(representative()), StandardCharsets.ISO_8859_1).contains("WEEKLY"));
    }

    @Test
    void aVersionFromANewerReleaseFailsNamingTheFormatAndTheFix() {
        byte[] newer = {5};
        IOException e = assertThrows(IOException.class, () -> decode(newer));
        assertTrue(e.getMessage().contains("TriggerState state has format version 5; this release reads versions 1 to 4"),
                e.getMessage());
        assertTrue(e.getMessage().contains("newer release"), e.getMessage());
    }
}
