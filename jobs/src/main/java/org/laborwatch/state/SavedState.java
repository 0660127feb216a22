package org.laborwatch.state;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.laborwatch.contract.Frequency;

/**
 * The rules every saved-state format follows, in one place: a version byte first, a reader for
 * every version ever written, and enums by name, so that adding or reordering constants never
 * changes what saved bytes mean. Formats that wrote enum ordinals before these rules read them
 * through a frozen copy of the constants' order at that time.
 */
public final class SavedState {

    /**
     * {@link Frequency}'s constants in the order they had when formats stored ordinals
     * (RegionSeries v1, TriggerState v1 and v2, RegionsOnRollup v1), unchanged since the enum was
     * written: frozen here so a later change to the enum cannot change what those bytes mean.
     */
    private static final Frequency[] FREQUENCY_BY_OLD_ORDINAL = {
        Frequency.DAILY, Frequency.WEEKLY, Frequency.BIWEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL
    };

    private SavedState() {}

    /**
     * Reads a format's version byte, failing unless this release has a reader for it.
     *
     * @param format the format's name, for the message
     * @param current the newest version this release writes (it reads 1 to {@code current})
     */
    public static int readVersion(DataInput in, String format, int current) throws IOException {
        int version = in.readByte();
        if (version < 1 || version > current) {
            throw new IOException(format + " state has format version " + version + "; this release reads versions 1 to "
                    + current + ". Saved by a newer release? Restore the savepoint with that release or a later one.");
        }
        return version;
    }

    /** Writes an enum constant by name; null as the empty string. */
    public static void writeEnum(DataOutput out, Enum<?> value) throws IOException {
        out.writeUTF(value == null ? "" : value.name());
    }

    /** Reads what {@link #writeEnum} wrote, failing with the format and the name it does not know. */
    public static <E extends Enum<E>> E readEnum(DataInput in, Class<E> type, String format) throws IOException {
        String name = in.readUTF();
        if (name.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IOException(format + " state names " + type.getSimpleName() + " " + name
                    + ", which this release does not have. Saved by a newer release? Restore it with that release.", e);
        }
    }

    /** A frequency as formats before {@link #writeEnum} stored it: its ordinal byte, -1 for none. */
    public static Frequency frequencyByOldOrdinal(int ordinal, String format) throws IOException {
        if (ordinal == -1) {
            return null;
        }
        if (ordinal < 0 || ordinal >= FREQUENCY_BY_OLD_ORDINAL.length) {
            throw new IOException(format + " state has frequency ordinal " + ordinal + ", outside 0 to "
                    + (FREQUENCY_BY_OLD_ORDINAL.length - 1) + ": the bytes are corrupt");
        }
        return FREQUENCY_BY_OLD_ORDINAL[ordinal];
    }
}
