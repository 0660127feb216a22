package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.types.StringValue;
import org.junit.jupiter.api.Test;

/**
 * {@link WireStrings} reads what Flink's {@link StringValue#writeString} wrote, exactly, and keeps
 * one instance per short text, also when threads read at once and when texts share a hash.
 */
class WireStringsTest {

    private static byte[] written(String... texts) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        for (String t : texts) {
            StringValue.writeString(t, out);
        }
        return out.getCopyOfBuffer();
    }

    private static List<String> read(byte[] bytes, int count) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(bytes);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(WireStrings.read(in));
        }
        assertEquals(0, in.available(), "bytes left after " + count + " strings");
        return texts;
    }

    @Test
    void readsWhatStringValueWroteAtEveryLengthAndCharacterBoundary() throws IOException {
        List<String> texts = new ArrayList<>(List.of("", "a", "unemployment_rate", "US-CA-06037",
                "\u007f\u0080\u00e9\u20ac\ud83d\ude00\u3fff\u4000\uffff\ud800", "x".repeat(126), "x".repeat(127),
                "y".repeat(16382), "y".repeat(16383), "z".repeat(WireStrings.LONGEST_KEPT),
                "z".repeat(WireStrings.LONGEST_KEPT + 1)));
        Random random = new Random(13);
        for (int i = 0; i < 5_000; i++) {
            char[] chars = new char[random.nextInt(70)];
            for (int c = 0; c < chars.length; c++) {
                // Latin-1 mostly, any UTF-16 unit (unpaired surrogates too) sometimes.
                chars[c] = (char) (random.nextInt(8) == 0 ? random.nextInt(0x10000) : random.nextInt(0x100));
            }
            texts.add(new String(chars));
        }
        assertEquals(texts, read(written(texts.toArray(String[]::new)), texts.size()));
    }

    @Test
    void nullIsReadAsNull() throws IOException {
        assertNull(read(written((String) null), 1).get(0));
    }

    @Test
    void aShortTextIsOneInstanceALongOneIsNotKept() throws IOException {
        String code = "US-WY-56045|wireStringsTest";
        String longText = "l".repeat(WireStrings.LONGEST_KEPT + 1);
        List<String> texts = read(written(code, longText, code, longText), 4);
        assertEquals(code, texts.get(0));
        assertSame(texts.get(0), texts.get(2), "the same short text twice");
        assertEquals(texts.get(1), texts.get(3));
        assertNotSame(texts.get(1), texts.get(3), "a long text is not kept");
    }

    @Test
    void textsWithOneHashAreBothKeptAndNeverMixedUp() throws IOException {
        // "Aa" and "BB" have the same String.hashCode, so they want the same slot.
        assertEquals("Aa".hashCode(), "BB".hashCode());
        List<String> texts = read(written("AaBB", "BBAa", "AaBB", "BBAa", "AaBB"), 5);
        assertEquals(List.of("AaBB", "BBAa", "AaBB", "BBAa", "AaBB"), texts);
        assertSame(texts.get(0), texts.get(2));
        assertSame(texts.get(1), texts.get(3));
    }

    @Test
    void threadsReadingAtOnceAlwaysGetTheirOwnText() throws Exception {
        // Codes that collide in the table (one hash each pair) and many more than its slots, so
        // slots are replaced while other threads read them.
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            codes.add("c" + i);
            codes.add(i % 2 == 0 ? "Aa" + i : "BB" + (i - 1));
        }
        byte[] bytes = written(codes.toArray(String[]::new));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> reads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                reads.add(pool.submit(() -> {
                    List<String> last = null;
                    for (int pass = 0; pass < 5; pass++) {
                        last = read(bytes, codes.size());
                    }
                    return last;
                }));
            }
            for (Future<List<String>> r : reads) {
                assertEquals(codes, r.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
