package org.laborwatch.job;

import java.io.DataInput;
import java.io.IOException;
import org.apache.flink.types.StringValue;

/**
 * Reads a string written by {@link StringValue#writeString} (the job's records' text fields,
 * {@link WireFormat}) and returns one instance per distinct short text. Every record repeats the
 * same few thousand codes (indicators, regions, sectors, adjustments, units, metric and policy
 * names). Flink's {@link StringValue#readString} made a new string and its array for each field
 * of each record, two fifths of what the series-state task allocated in the all-county run, each
 * of which then computed its hash again in the state and series look-ups, and it takes its buffer
 * from a thread-local on every call (a tenth of that task's CPU samples; #13's tenth part).
 *
 * <p>One table for the JVM, shared by its task threads without a lock: a slot holds a reference
 * to an immutable string, written and read whole, and a string is returned from a slot only after
 * its text is compared with the text read, so a race between two threads costs at most a new
 * instance, never a wrong one. Texts longer than {@link #LONGEST_KEPT} characters are never kept.
 */
final class WireStrings {

    /** The longest text the table keeps: codes and names, not free text. */
    static final int LONGEST_KEPT = 48;

    /** Slots of the table (a power of two): room for the codes of a job many times over. */
    private static final int SLOTS = 1 << 15;

    private static final String[] TABLE = new String[SLOTS];

    private WireStrings() {}

    /**
     * Reads one string in {@link StringValue}'s form: its length plus one, then each UTF-16 char,
     * each as an unsigned variable-length integer of 7-bit groups, lowest first; a length of 0 is
     * {@code null}.
     */
    static String read(DataInput in) throws IOException {
        int lengthPlusOne = readVarInt(in);
        if (lengthPlusOne == 0) {
            return null;
        }
        char[] chars = new char[lengthPlusOne - 1];
        int hash = 0;
        for (int i = 0; i < chars.length; i++) {
            char c = (char) readVarInt(in);
            chars[i] = c;
            hash = 31 * hash + c; // String.hashCode's, so a kept string's cached hash compares
        }
        if (chars.length > LONGEST_KEPT) {
            return new String(chars);
        }
        // Two slots per hash, so that two codes of one slot do not keep replacing each other.
        int first = (hash ^ (hash >>> 16)) & (SLOTS - 1);
        int second = (first + 1) & (SLOTS - 1);
        String kept = TABLE[first];
        if (sameText(kept, hash, chars)) {
            return kept;
        }
        String other = TABLE[second];
        if (sameText(other, hash, chars)) {
            return other;
        }
        String s = new String(chars);
        TABLE[kept != null && other == null ? second : first] = s;
        return s;
    }

    private static boolean sameText(String s, int hash, char[] chars) {
        if (s == null || s.hashCode() != hash || s.length() != chars.length) {
            return false;
        }
        for (int i = 0; i < chars.length; i++) {
            if (s.charAt(i) != chars[i]) {
                return false;
            }
        }
        return true;
    }

    private static int readVarInt(DataInput in) throws IOException {
        int b = in.readUnsignedByte();
        if (b < 0x80) {
            return b;
        }
        int value = b & 0x7f;
        int shift = 7;
        while ((b = in.readUnsignedByte()) >= 0x80) {
            value |= (b & 0x7f) << shift;
            shift += 7;
        }
        return value | (b << shift);
    }
}
