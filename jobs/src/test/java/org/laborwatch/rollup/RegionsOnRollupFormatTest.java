package org.laborwatch.rollup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.state.GoldenBytes;

/** The roll-up operator's saved state: every released version of its bytes still reads. */
class RegionsOnRollupFormatTest {

    private static final Map<String, BigDecimal> WEIGHTS = Map.of("US", new BigDecimal("1000"),
            "US-AZ", new BigDecimal("300"), "US-NE", new BigDecimal("100"));

    private static TriggerEvent event(String region, String week, Transition t) {
        LocalDate p = LocalDate.parse(week);
        return new TriggerEvent(TriggerEvent.idFor("eb-iur", 1, region, "all", p, t, "base"), "eb-iur", 1, region, "all",
                t, t == Transition.EXIT ? "off" : "base", t == Transition.EXIT ? 0 : 1, p, Frequency.WEEKLY, null, null,
                new TreeMap<>(), new TreeMap<>(), null, p.plusDays(12), null);
    }

    /** Two regions' transitions and the points emitted for them. */
    static RegionsOnRollup representative() {
        RegionsOnRollup r = new RegionsOnRollup();
        r.onEvent(event("US-AZ", "2020-05-30", Transition.ENTER), Frequency.WEEKLY, WEIGHTS);
        r.onEvent(event("US-NE", "2020-05-30", Transition.ENTER), Frequency.WEEKLY, WEIGHTS);
        r.onEvent(event("US-NE", "2020-08-29", Transition.EXIT), Frequency.WEEKLY, WEIGHTS);
        return r;
    }

    /** The representative state and one event recorded but not yet flushed (what version 3 adds). */
    static RegionsOnRollup representativeWithUnflushed() {
        RegionsOnRollup r = representative();
        r.record(event("US-AZ", "2020-11-21", Transition.EXIT), Frequency.WEEKLY);
        return r;
    }

    static RegionsOnRollup decode(byte[] bytes) throws IOException {
        return RegionsOnRollup.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    @Test
    void version1BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(), decode(GoldenBytes.read("regions-on-rollup-v1.bin")));
    }

    @Test
    void version2BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(), decode(GoldenBytes.read("regions-on-rollup-v2.bin")));
    }

    @Test
    void version3BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        RegionsOnRollup back = decode(GoldenBytes.read("regions-on-rollup-v3.bin"));
        assertEquals(representativeWithUnflushed(), back);
        assertTrue(back.hasUnflushed());
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        GoldenBytes.assertEncodesTo("regions-on-rollup-v3.bin", GoldenBytes.bytes(representativeWithUnflushed()::writeTo));
    }

    @Test
    void stateReadFromAnOlderVersionIsWrittenInTheCurrentOne() throws IOException {
        for (String old : new String[] {"regions-on-rollup-v1.bin", "regions-on-rollup-v2.bin"}) {
            byte[] rewritten = GoldenBytes.bytes(decode(GoldenBytes.read(old))::writeTo);
            assertEquals(3, rewritten[0], old + " rewritten");
            assertArrayEquals(GoldenBytes.bytes(representative()::writeTo), rewritten, old + " rewritten");
            assertEquals(representative(), decode(rewritten), old + " rewritten and read back");
        }
    }

    @Test
    void theFrequencyIsSavedByName() throws IOException {
        assertTrue(new String(GoldenBytes.bytes(representative()::writeTo), StandardCharsets.ISO_8859_1).contains("WEEKLY"));
    }
}
