package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.flink.types.StringValue;
import org.laborwatch.state.CanonicalDates;

/**
 * The building blocks of the records' binary form between operators ({@link RecordSerializer}):
 * one written form per Java type, so every serializer writes a date or a decimal the same way.
 *
 * <ul>
 *   <li>text: Flink's {@link StringValue} form (a variable-length length, then the characters), read
 *       back as one instance per distinct short text ({@link WireStrings});
 *   <li>a date: its epoch day as a long (every {@link LocalDate}, from year -999,999,999 to
 *       999,999,999, fits);
 *   <li>an instant: epoch seconds as a long, then the nanoseconds as an int;
 *   <li>a decimal: the length of its unscaled value's two's-complement bytes as an int, those
 *       bytes, then the scale as an int: exact, so {@code 5.20} stays {@code 5.20} (scale 2), which
 *       {@link BigDecimal#equals} tells from {@code 5.2};
 *   <li>a nullable value: a presence byte (0 absent, 1 present), then the value if present;
 *   <li>a map of decimals: the entry count as an int, then each key and nullable value, read back
 *       as a {@link TreeMap} (the maps these records hold are sorted by key).
 * </ul>
 *
 * <p>A required value that is null fails at once with the field's name: the record's own
 * constructor forbids it, so it means a record made around its checks.
 */
final class WireFormat {

    private WireFormat() {}

    static void writeString(String s, String field, DataOutput out) throws IOException {
        StringValue.writeString(required(s, field), out);
    }

    static String readString(DataInput in) throws IOException {
        return WireStrings.read(in);
    }

    static void writeNullableString(String s, DataOutput out) throws IOException {
        if (present(s, out)) {
            StringValue.writeString(s, out);
        }
    }

    static String readNullableString(DataInput in) throws IOException {
        return in.readBoolean() ? WireStrings.read(in) : null;
    }

    static void writeDate(LocalDate d, String field, DataOutput out) throws IOException {
        out.writeLong(required(d, field).toEpochDay());
    }

    /** A date, shared with every other decoded record of the same day ({@link CanonicalDates}). */
    static LocalDate readDate(DataInput in) throws IOException {
        return CanonicalDates.ofEpochDay(in.readLong());
    }

    static void writeNullableDate(LocalDate d, DataOutput out) throws IOException {
        if (present(d, out)) {
            out.writeLong(d.toEpochDay());
        }
    }

    static LocalDate readNullableDate(DataInput in) throws IOException {
        return in.readBoolean() ? readDate(in) : null;
    }

    static void writeNullableInstant(Instant t, DataOutput out) throws IOException {
        if (present(t, out)) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    static Instant readNullableInstant(DataInput in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    static void writeDecimal(BigDecimal d, String field, DataOutput out) throws IOException {
        byte[] unscaled = required(d, field).unscaledValue().toByteArray();
        out.writeInt(unscaled.length);
        out.write(unscaled);
        out.writeInt(d.scale());
    }

    static BigDecimal readDecimal(DataInput in) throws IOException {
        int length = in.readInt();
        if (length <= 0) {
            throw new IOException("corrupt decimal: its unscaled value has " + length + " bytes (at least 1 is written)");
        }
        if (length <= Long.BYTES) {
            // Most values fit a long: a decimal made from it holds no BigInteger (and its array),
            // which the metric operator's state would otherwise keep for every value it stores.
            long unscaled = in.readByte(); // the first byte carries the sign
            for (int i = 1; i < length; i++) {
                unscaled = (unscaled << 8) | in.readUnsignedByte();
            }
            return BigDecimal.valueOf(unscaled, in.readInt());
        }
        byte[] unscaled = new byte[length];
        in.readFully(unscaled);
        return new BigDecimal(new BigInteger(unscaled), in.readInt());
    }

    static void writeNullableDecimal(BigDecimal d, DataOutput out) throws IOException {
        if (present(d, out)) {
            writeDecimal(d, "decimal", out);
        }
    }

    static BigDecimal readNullableDecimal(DataInput in) throws IOException {
        return in.readBoolean() ? readDecimal(in) : null;
    }

    static void writeDecimals(Map<String, BigDecimal> map, String field, DataOutput out) throws IOException {
        out.writeInt(required(map, field).size());
        for (Map.Entry<String, BigDecimal> e : map.entrySet()) {
            writeString(e.getKey(), field + " key", out);
            writeNullableDecimal(e.getValue(), out);
        }
    }

    static SortedMap<String, BigDecimal> readDecimals(DataInput in) throws IOException {
        int size = in.readInt();
        if (size < 0) {
            throw new IOException("corrupt map: " + size + " entries");
        }
        SortedMap<String, BigDecimal> map = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            map.put(readString(in), readNullableDecimal(in));
        }
        return map;
    }

    /** Writes the presence byte of {@code value}; true when the value itself is to follow. */
    static boolean present(Object value, DataOutput out) throws IOException {
        out.writeBoolean(value != null);
        return value != null;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new NullPointerException(field + " is required but null: the record was not made by its constructor");
        }
        return value;
    }
}
