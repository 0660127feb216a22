package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * The wire codes of an enum's constants: a constant's code is its position, from 1, in a list
 * written in the serializer that uses it, not its ordinal, so reordering the enum's declaration
 * does not change the format; a new constant gets the next code, appended to the list. The list
 * must name every constant exactly once: a constant added to the enum and not here fails when the
 * serializer's class loads, not when a record carrying it first crosses the network.
 */
final class EnumCodes<E extends Enum<E>> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Class<E> type;
    private final List<E> byCode;
    private final Map<E, Byte> codes;

    private EnumCodes(Class<E> type, List<E> byCode) {
        this.type = type;
        this.byCode = byCode;
        this.codes = new EnumMap<>(type);
        for (int i = 0; i < byCode.size(); i++) {
            if (codes.put(byCode.get(i), (byte) (i + 1)) != null) {
                throw new IllegalArgumentException(type.getSimpleName() + "." + byCode.get(i) + " is listed twice");
            }
        }
        EnumSet<E> missing = EnumSet.complementOf(EnumSet.copyOf(codes.keySet()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(type.getSimpleName() + " constants without a wire code: " + missing
                    + "; append them to the end of the list (never insert: a code must keep its meaning)");
        }
    }

    /** The codes of {@code type}: 1 for the first of {@code inCodeOrder}, 2 for the next... */
    @SafeVarargs
    static <E extends Enum<E>> EnumCodes<E> of(Class<E> type, E... inCodeOrder) {
        if (inCodeOrder.length == 0 || inCodeOrder.length > Byte.MAX_VALUE) {
            throw new IllegalArgumentException("between 1 and " + Byte.MAX_VALUE + " constants, got " + inCodeOrder.length);
        }
        return new EnumCodes<>(type, List.copyOf(Arrays.asList(inCodeOrder)));
    }

    void write(E value, String field, DataOutput out) throws IOException {
        if (value == null) {
            throw new NullPointerException(field + " is required but null: the record was not made by its constructor");
        }
        out.writeByte(codes.get(value));
    }

    E read(DataInput in) throws IOException {
        return decode(in.readByte());
    }

    /** Writes 0 for null, else the constant's code. */
    void writeNullable(E value, DataOutput out) throws IOException {
        out.writeByte(value == null ? 0 : codes.get(value));
    }

    E readNullable(DataInput in) throws IOException {
        byte code = in.readByte();
        return code == 0 ? null : decode(code);
    }

    private E decode(int code) throws IOException {
        if (code < 1 || code > byCode.size()) {
            throw new IOException("unknown " + type.getSimpleName() + " code " + code + " (known: 1 to " + byCode.size()
                    + "): written by a newer format?");
        }
        return byCode.get(code - 1);
    }
}
