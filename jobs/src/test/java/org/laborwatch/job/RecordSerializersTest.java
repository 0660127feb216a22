package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.MetricStatus;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RejectReason;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/**
 * The records' own serializers ({@link WireTypes}, issue #13): every value comes back equal
 * (decimal scales, nulls, dates far from today), one fixed value per type is written in exactly
 * the bytes of its documented format, and the snapshots round-trip and refuse other versions.
 */
class RecordSerializersTest {

    private static final LocalDate FAR_PAST = LocalDate.of(-999_999_999, 1, 1);
    private static final LocalDate FAR_FUTURE = LocalDate.MAX;

    // ---- round trips -------------------------------------------------------------------------

    @Test
    void observationsComeBackEqual() throws IOException {
        for (Observation o : List.of(
                observation(LocalDate.of(2020, 4, 1), new BigDecimal("5.20"), LocalDate.of(2020, 5, 8)),
                observation(FAR_PAST, new BigDecimal("-0.000000000000000000000001"), FAR_FUTURE),
                observation(LocalDate.of(1, 1, 1), new BigDecimal("123456789012345678901234567890.5E+40"), LocalDate.EPOCH),
                observation(LocalDate.of(1948, 1, 1), BigDecimal.ZERO.setScale(3), LocalDate.of(1948, 2, 6)))) {
            assertRoundTrip(new ObservationSerializer(), o);
        }
    }

    @Test
    void decimalsAroundTheLongRangeComeBackEqual() throws IOException {
        // Up to 8 bytes of unscaled value are read into a long, more through a BigInteger.
        java.math.BigInteger max = java.math.BigInteger.valueOf(Long.MAX_VALUE);
        java.math.BigInteger min = java.math.BigInteger.valueOf(Long.MIN_VALUE);
        for (java.math.BigInteger unscaled : List.of(max, min, max.add(java.math.BigInteger.ONE),
                min.subtract(java.math.BigInteger.ONE), java.math.BigInteger.valueOf(-1), java.math.BigInteger.valueOf(255),
                java.math.BigInteger.valueOf(-256), java.math.BigInteger.valueOf(128), java.math.BigInteger.valueOf(-129))) {
            for (int scale : new int[] {-3, 0, 2, 30}) {
                BigDecimal d = new BigDecimal(unscaled, scale);
                Observation back = roundTrip(new ObservationSerializer(),
                        observation(LocalDate.of(2020, 4, 1), d, LocalDate.of(2020, 5, 8)));
                assertEquals(d, back.value());
                assertEquals(d.hashCode(), back.value().hashCode());
            }
        }
    }

    @Test
    void aDecimalKeepsItsScale() throws IOException {
        Observation o = observation(LocalDate.of(2020, 4, 1), new BigDecimal("5.20"), LocalDate.of(2020, 5, 8));
        Observation back = roundTrip(new ObservationSerializer(), o);
        assertEquals(2, back.value().scale(), "5.20 stays 5.20, not 5.2");
        assertNotEquals(new BigDecimal("5.2"), back.value(), "BigDecimal.equals tells the scales apart");
    }

    @Test
    void metricPointsComeBackEqualWithAndWithoutTheirOptionalFields() throws IOException {
        for (MetricPoint p : List.of(
                MetricPoint.ok("sahm_gap", "unemployment_rate", "US", "all", Frequency.MONTHLY, LocalDate.of(2020, 4, 1),
                        new BigDecimal("-0.53"), LocalDate.of(2020, 5, 8)),
                MetricPoint.unavailable("iur", null, "US-CA", "naics:72", Frequency.WEEKLY, LocalDate.of(2020, 4, 4),
                        "covered employment missing", null),
                new MetricPoint("m", null, "US", "all", Frequency.ANNUAL, FAR_PAST, new BigDecimal("1E-300"),
                        MetricStatus.OK, null, FAR_FUTURE),
                MetricPoint.ok("m", "i", "ü-é", "名", Frequency.DAILY, FAR_FUTURE, new BigDecimal("9".repeat(400)), FAR_PAST))) {
            assertRoundTrip(new MetricPointSerializer(), p);
            assertRoundTrip(new PolicyInputSerializer(), new PolicyInput("sahm-rule", p));
        }
    }

    @Test
    void triggerEventsComeBackEqualWithEveryOptionalPart() throws IOException {
        for (TriggerEvent e : List.of(minimalEvent(), fullEvent(), goldenEvent())) {
            assertRoundTrip(new TriggerEventSerializer(), e);
        }
    }

    @Test
    void deadLettersComeBackEqual() throws IOException {
        byte[] notUtf8 = {(byte) 0xff, 0, (byte) 0xc3, 0x28};
        for (DeadLetter d : List.of(
                new DeadLetter(RejectReason.MALFORMED_JSON, "not JSON", "observations-0@17", notUtf8),
                new DeadLetter(RejectReason.TOO_LARGE, "too large", null, new byte[1000], 10),
                new DeadLetter(RejectReason.INFLUX_REJECTED, "x".repeat(5000), "o".repeat(3000), new byte[0]),
                new DeadLetter(RejectReason.CONFLICTING_DUPLICATE, "conflict", "file.jsonl:3", null))) {
            assertRoundTrip(new DeadLetterSerializer(), d);
        }
    }

    @Test
    void everyEnumConstantHasACodeThatComesBack() throws IOException {
        for (Frequency f : Frequency.values()) {
            Observation o = new Observation("i", "US", "all", "sa", f, LocalDate.of(2020, 1, 1), BigDecimal.ONE, "u", "s",
                    LocalDate.of(2020, 2, 1));
            assertEquals(f, roundTrip(new ObservationSerializer(), o).frequency());
        }
        for (Transition t : Transition.values()) {
            TriggerEvent e = new TriggerEvent("id", "p", 1, "US", "all", t, "base", 1, LocalDate.of(2020, 1, 1), null, null,
                    null, null, null, null, null, null);
            assertEquals(t, roundTrip(new TriggerEventSerializer(), e).transition());
        }
        for (RejectReason r : RejectReason.values()) {
            DeadLetter d = new DeadLetter(r, "d", null, new byte[0]);
            assertEquals(r, roundTrip(new DeadLetterSerializer(), d).reason());
        }
    }

    @Test
    void aCodeThatNoConstantHasIsRefusedWithItsName() {
        byte[] bytes = HexFormat.of().parseHex("7f");
        IOException e = assertThrows(IOException.class,
                () -> ObservationSerializer.FREQUENCIES.read(new DataInputDeserializer(bytes)));
        assertTrue(e.getMessage().contains("unknown Frequency code 127"), e.getMessage());
    }

    @Test
    void anEnumListMissingAConstantFailsAtOnce() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EnumCodes.of(MetricStatus.class, MetricStatus.OK));
        assertTrue(e.getMessage().contains("UNAVAILABLE"), e.getMessage());
    }

    @Test
    void immutableRecordsAreCopiedAsThemselves() {
        Observation o = observation(LocalDate.of(2020, 4, 1), BigDecimal.TEN, LocalDate.of(2020, 5, 8));
        ObservationSerializer s = new ObservationSerializer();
        assertTrue(s.isImmutableType());
        assertSame(o, s.copy(o));
        assertSame(s, s.duplicate());
    }

    // ---- golden bytes: a format change must fail here (and raise the format version) ----------

    @Test
    void anObservationIsWrittenInItsDocumentedBytes() throws IOException {
        Observation o = observation(LocalDate.of(2020, 4, 1), new BigDecimal("5.20"), LocalDate.of(2020, 5, 8));
        String expected = text("unemployment_rate") + text("US") + text("all") + text("sa")
                + "04" // MONTHLY
                + "00000000000047b1" // 2020-04-01: epoch day 18353
                + "00000002" + "0208" + "00000002" // 5.20: unscaled 520 in 2 bytes, scale 2
                + text("percent") + text("bls.cps")
                + "00000000000047d6"; // 2020-05-08: epoch day 18390
        assertBytes(expected, new ObservationSerializer(), o);
    }

    @Test
    void aMetricPointAndAPolicyInputAreWrittenInTheirDocumentedBytes() throws IOException {
        MetricPoint p = MetricPoint.unavailable("sahm_gap", null, "US", "all", Frequency.MONTHLY,
                LocalDate.of(1970, 1, 1), "no data", LocalDate.of(1969, 12, 31));
        String point = text("sahm_gap")
                + "00" // no indicator
                + text("US") + text("all")
                + "04" // MONTHLY
                + "0000000000000000" // 1970-01-01: epoch day 0
                + "00" // no value
                + "02" // UNAVAILABLE
                + "01" + text("no data")
                + "01" + "ffffffffffffffff"; // 1969-12-31: epoch day -1
        assertBytes(point, new MetricPointSerializer(), p);
        assertBytes(text("sahm-rule") + point, new PolicyInputSerializer(), new PolicyInput("sahm-rule", p));
    }

    @Test
    void aTriggerEventIsWrittenInItsDocumentedBytes() throws IOException {
        String expected = text("e1") + text("sahm") + "00000002" // policy version 2
                + text("US") + text("all")
                + "01" // ENTER
                + "01" + text("base") + "00000001" // tier, tier level 1
                + "00000000000047b1" // period 2020-04-01
                + "04" // MONTHLY
                + "01" + "00000000000047d7" // effective from 2020-05-09 (18391)
                + "00" // no effective until
                + "00000001" + text("sahm_gap") + "01" + "00000001" + "35" + "00000002" // evidence {sahm_gap: 0.53}
                + "00000000" // no thresholds
                + "00" // corrects nothing
                + "01" + "00000000000047d6" // data vintage 2020-05-08
                + "01" + "000000005eb4a100" + "00000000" // emitted at 2020-05-08T00:00:00Z: 1588896000 s, 0 ns
                + "01" + "00000000000047b1" + "00000003" + "00000000" // watch since 2020-04-01, 3 periods, no distances
                + "01" + text("hours") + "00" // schedule: output, no unit
                + "00000001" + "1a" + "00000000" // level 26
                + "00000001" // band 1
                + "01" + "00000001" + "14" + "00000000" // above 20
                + "00"; // no upper bound
        assertBytes(expected, new TriggerEventSerializer(), goldenEvent());
    }

    @Test
    void aDeadLetterIsWrittenInItsDocumentedBytes() throws IOException {
        DeadLetter d = new DeadLetter(RejectReason.MISSING_FIELD, "no value", null, "{}".getBytes(StandardCharsets.UTF_8));
        String expected = "02" // MISSING_FIELD
                + text("no value")
                + "00" // no origin
                + "00000002" + "7b7d" // the original bytes
                + "0000000000000002" // their size
                + text("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"); // SHA-256 of {}
        assertBytes(expected, new DeadLetterSerializer(), d);
    }

    @Test
    void textBeyondAsciiIsWrittenInFlinksStringForm() throws IOException {
        // StringValue: length + 1, then each char below 0x80 as one byte, others in 7-bit groups
        // with the high bit set on all but the last: é (0xe9) is e9 01.
        assertBytes("03" + "e901" + "61", new TextProbe(), "éa");
    }

    // ---- snapshots ----------------------------------------------------------------------------

    @Test
    void everySnapshotRoundTripsAndIsCompatibleAsIsWithItself() throws IOException {
        for (TypeSerializer<?> s : List.of(new ObservationSerializer(), new MetricPointSerializer(),
                new PolicyInputSerializer(), new TriggerEventSerializer(), new DeadLetterSerializer())) {
            assertSnapshot(s);
        }
    }

    @Test
    void aSnapshotOfAnotherFormatVersionIsIncompatible() throws IOException {
        ObservationSerializer.Snapshot current = new ObservationSerializer.Snapshot();
        DataOutputSerializer out = new DataOutputSerializer(8);
        out.writeInt(current.formatVersion() + 1); // a format this release does not know
        ObservationSerializer.Snapshot newer = new ObservationSerializer.Snapshot();
        newer.readSnapshot(current.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()),
                getClass().getClassLoader());

        assertTrue(current.resolveSchemaCompatibility(newer).isIncompatible(), "a format this release cannot read");
        assertThrows(IllegalStateException.class, newer::restoreSerializer);
        assertTrue(new MetricPointSerializer.Snapshot().resolveSchemaCompatibility((TypeSerializerSnapshot)
                current).isIncompatible(), "another record's snapshot");
    }

    @Test
    void anUnknownSnapshotLayoutIsRefused() {
        ObservationSerializer.Snapshot s = new ObservationSerializer.Snapshot();
        assertThrows(IOException.class, () -> s.readSnapshot(s.getCurrentVersion() + 1,
                new DataInputDeserializer(new byte[] {0, 0, 0, 1}), getClass().getClassLoader()));
    }

    // ---- helpers ------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static <T> void assertSnapshot(TypeSerializer<T> serializer) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<T> read = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), RecordSerializersTest.class.getClassLoader());
        assertEquals(serializer.snapshotConfiguration().getClass(), read.getClass());
        TypeSerializerSchemaCompatibility<T> compatibility = serializer.snapshotConfiguration().resolveSchemaCompatibility(read);
        assertTrue(compatibility.isCompatibleAsIs(), serializer.getClass().getSimpleName() + ": " + compatibility);
        assertEquals(serializer, read.restoreSerializer());
    }

    private static <T> void assertRoundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        assertEquals(value, roundTrip(serializer, value));
        // The byte-to-byte copy Flink uses when it moves a record without reading it.
        DataOutputSerializer first = new DataOutputSerializer(64);
        serializer.serialize(value, first);
        DataOutputSerializer copied = new DataOutputSerializer(64);
        serializer.copy(new DataInputDeserializer(first.getCopyOfBuffer()), copied);
        assertArrayEquals(first.getCopyOfBuffer(), copied.getCopyOfBuffer());
    }

    private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        T back = serializer.deserialize(in);
        assertEquals(0, in.available(), "every byte written is read back");
        return back;
    }

    private static <T> void assertBytes(String expectedHex, TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        assertEquals(expectedHex, HexFormat.of().formatHex(out.getCopyOfBuffer()),
                serializer.getClass().getSimpleName() + "'s format changed: raise its format version and update this test");
    }

    /** ASCII text in Flink's StringValue form: its length + 1 in one byte (below 127 characters), then the bytes. */
    private static String text(String ascii) {
        if (ascii.length() >= 127 || !StandardCharsets.US_ASCII.newEncoder().canEncode(ascii)) {
            throw new IllegalArgumentException("this helper writes short ASCII only: " + ascii);
        }
        return String.format("%02x", ascii.length() + 1) + HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    private static Observation observation(LocalDate period, BigDecimal value, LocalDate vintage) {
        return new Observation("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, period, value, "percent", "bls.cps",
                vintage);
    }

    private static TriggerEvent minimalEvent() {
        return new TriggerEvent("id", "p", 0, "US", "all", Transition.DATA_UNAVAILABLE, null, 0, FAR_PAST, null, null, null,
                null, null, null, null, null);
    }

    private static TriggerEvent fullEvent() {
        TreeMap<String, BigDecimal> evidence = new TreeMap<>();
        evidence.put("sahm_gap", new BigDecimal("-12.3456789"));
        evidence.put("unavailable", null);
        TreeMap<String, BigDecimal> thresholds = new TreeMap<>();
        thresholds.put("sahm_gap", new BigDecimal("0.50"));
        TreeMap<String, BigDecimal> distance = new TreeMap<>();
        distance.put("sahm_gap", new BigDecimal("-1E+10"));
        return new TriggerEvent("0123456789abcdef0123456789abcdef", "eb-iur", Integer.MAX_VALUE, "US-CA-06037", "naics:72",
                Transition.CORRECTION, "extended", Integer.MIN_VALUE, FAR_FUTURE, Frequency.WEEKLY, FAR_PAST, FAR_FUTURE,
                evidence, thresholds, "fedcba9876543210fedcba9876543210", LocalDate.of(2024, 2, 29),
                Instant.ofEpochSecond(-62_135_596_800L, 999_999_999),
                new TriggerEvent.Watch(LocalDate.of(2023, 12, 30), 7, distance),
                new TriggerEvent.Level("insured_hours", "", new BigDecimal("0.0"),
                        new TriggerEvent.Band(0, null, new BigDecimal("-3.25"))));
    }

    /** The event of the golden bytes: every optional part present or absent once. */
    private static TriggerEvent goldenEvent() {
        TreeMap<String, BigDecimal> evidence = new TreeMap<>();
        evidence.put("sahm_gap", new BigDecimal("0.53"));
        return new TriggerEvent("e1", "sahm", 2, "US", "all", Transition.ENTER, "base", 1, LocalDate.of(2020, 4, 1),
                Frequency.MONTHLY, LocalDate.of(2020, 5, 9), null, evidence, null, null, LocalDate.of(2020, 5, 8),
                Instant.parse("2020-05-08T00:00:00Z"), new TriggerEvent.Watch(LocalDate.of(2020, 4, 1), 3, null),
                new TriggerEvent.Level("hours", null, new BigDecimal("26"),
                        new TriggerEvent.Band(1, new BigDecimal("20"), null)));
    }

    /** Writes one text as every serializer does, to pin the form of characters beyond ASCII. */
    private static final class TextProbe extends RecordSerializer<String> {
        @Override
        void write(String value, java.io.DataOutput out) throws IOException {
            WireFormat.writeString(value, "text", out);
        }

        @Override
        String read(java.io.DataInput in) throws IOException {
            return WireFormat.readString(in);
        }

        @Override
        int formatVersion() {
            return 1;
        }

        @Override
        public TypeSerializerSnapshot<String> snapshotConfiguration() {
            throw new UnsupportedOperationException("a probe");
        }
    }
}
