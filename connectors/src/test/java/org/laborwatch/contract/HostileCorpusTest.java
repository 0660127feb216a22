package org.laborwatch.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile-input corpus ({@code src/test/resources/hostile/}, listed in {@code MANIFEST.tsv}):
 * every case is refused, with its expected reason and its bytes kept exactly. The Kafka test of
 * the job sends the same corpus through a broker.
 */
class HostileCorpusTest {

    /** One hostile record: a name, the reason it must be refused for, and its bytes ({@code null}: a tombstone). */
    record Case(String name, String reason, byte[] bytes) {
        @Override
        public String toString() {
            return name + " -> " + reason;
        }
    }

    static final Path DIR = Path.of("src", "test", "resources", "hostile");

    /** The committed cases plus the generated ones (1 MB and 10 MB records). */
    static List<Case> corpus(Path dir) throws IOException {
        List<Case> out = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("MANIFEST.tsv"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            out.add(new Case(f[0], f[1], Files.readAllBytes(dir.resolve(f[0]))));
        }
        out.add(new Case("generated-1MB", "too_large", bigRecord(1024 * 1024)));
        out.add(new Case("generated-10MB", "too_large", bigRecord(10 * 1024 * 1024)));
        return out;
    }

    /** A well-formed observation padded with an unknown field to {@code size} bytes. */
    static byte[] bigRecord(int size) {
        String head = "{\"indicator\":\"unemployment_rate\",\"region\":\"US-CA\",\"sector\":\"all\",\"adjustment\":\"sa\","
                + "\"frequency\":\"monthly\",\"period\":\"2024-07-01\",\"value\":5.2,\"unit\":\"percent\",\"source\":\"bls.laus\","
                + "\"vintage\":\"2024-08-16\",\"pad\":\"";
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(h, 0, b, 0, h.length);
        b[size - 2] = '"';
        b[size - 1] = '}';
        return b;
    }

    static Stream<Case> cases() throws IOException {
        return corpus(DIR).stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyHostileRecordIsRefusedForItsReasonWithItsBytesKept(Case c) {
        var v = new ObservationValidator().validate(c.bytes(), "hostile/" + c.name());
        var rejected = assertInstanceOf(ObservationValidator.Validated.Rejected.class, v, c.name());
        DeadLetter d = rejected.deadLetter();
        assertEquals(c.reason(), d.reasonCode(), c.name() + ": " + d.detail());
        assertKeptUpToTheCap(c.bytes(), d, DeadLetter.DEFAULT_ORIGINAL_CAP);
        assertTrue(!d.detail().isBlank());
    }

    /**
     * A dead letter keeps the record's bytes exactly up to {@code cap}, and beyond it their first
     * {@code cap} bytes; in both cases the size and SHA-256 of the whole record.
     */
    static void assertKeptUpToTheCap(byte[] record, DeadLetter d, int cap) {
        assertArrayEquals(Arrays.copyOf(record, Math.min(record.length, cap)), d.original());
        assertEquals(record.length, d.originalSize());
        assertEquals(DeadLetter.sha256(record), d.originalSha256());
        assertEquals(record.length > cap, d.originalTruncated());
    }

    @org.junit.jupiter.api.Test
    void theCorpusHasAtLeastFiftyCasesAndEveryReason() throws IOException {
        List<Case> all = corpus(DIR);
        assertTrue(all.size() >= 50, "cases: " + all.size());
        for (RejectReason r : RejectReason.values()) {
            if (!r.fromValidator()) {
                continue; // the series state's reasons: SeriesStateIntegrityTest, SeriesStateDeadLettersTest
            }
            if (r == RejectReason.KEY_MISMATCH) {
                continue; // a property of the Kafka record, not of its bytes: ObservationValidatorTest
            }
            assertTrue(all.stream().anyMatch(c -> c.reason().equals(r.code())), "no case for " + r.code());
        }
    }
}
