package org.laborwatch.trigger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;

/**
 * The state of one policy for one region and sector: on or off, the tier, the confirmation
 * streaks, when it last turned on and off, and the metric values of periods still waiting for
 * their other inputs.
 *
 * <p>Plain Java and mutable; {@link TriggerEvaluator} is the only writer. The binary form is the
 * savepoint format of the trigger operator.
 */
public final class TriggerState {

    private static final int FORMAT_VERSION = 1;
    /** Sentinel for an unavailable metric in {@link #pending}. */
    static final BigDecimal UNAVAILABLE = null;

    boolean on;
    String tier = TriggerEvaluator.OFF;
    int enterStreak;
    int exitStreak;
    LocalDate onPeriod;
    LocalDate offPeriod;
    LocalDate lastPeriod;
    Frequency frequency;
    /** Metric values by period for periods not yet evaluated; a null value means unavailable. */
    final NavigableMap<LocalDate, Map<String, BigDecimal>> pending = new TreeMap<>();
    /** The vintage of the newest input of each pending period. */
    final NavigableMap<LocalDate, LocalDate> pendingVintage = new TreeMap<>();

    public boolean isOn() {
        return on;
    }

    public String tier() {
        return tier;
    }

    public LocalDate lastPeriod() {
        return lastPeriod;
    }

    /** Periods held while they wait for their other inputs. */
    public int pendingPeriods() {
        return pending.size();
    }

    /** Writes the state in a compact, versioned binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeBoolean(on);
        out.writeUTF(tier);
        out.writeInt(enterStreak);
        out.writeInt(exitStreak);
        writeDate(out, onPeriod);
        writeDate(out, offPeriod);
        writeDate(out, lastPeriod);
        out.writeByte(frequency == null ? -1 : frequency.ordinal());
        out.writeInt(pending.size());
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : pending.entrySet()) {
            writeDate(out, e.getKey());
            writeDate(out, pendingVintage.get(e.getKey()));
            out.writeInt(e.getValue().size());
            for (Map.Entry<String, BigDecimal> v : e.getValue().entrySet()) {
                out.writeUTF(v.getKey());
                out.writeUTF(v.getValue() == null ? "" : v.getValue().toString());
            }
        }
    }

    /** Reads what {@link #writeTo} wrote. */
    public static TriggerState readFrom(DataInput in) throws IOException {
        int version = in.readByte();
        if (version != FORMAT_VERSION) {
            throw new IOException("unknown TriggerState format version " + version);
        }
        TriggerState s = new TriggerState();
        s.on = in.readBoolean();
        s.tier = in.readUTF();
        s.enterStreak = in.readInt();
        s.exitStreak = in.readInt();
        s.onPeriod = readDate(in);
        s.offPeriod = readDate(in);
        s.lastPeriod = readDate(in);
        int f = in.readByte();
        s.frequency = f < 0 ? null : Frequency.values()[f];
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            LocalDate period = readDate(in);
            s.pendingVintage.put(period, readDate(in));
            int m = in.readInt();
            Map<String, BigDecimal> values = new TreeMap<>();
            for (int j = 0; j < m; j++) {
                String metric = in.readUTF();
                String v = in.readUTF();
                values.put(metric, v.isEmpty() ? UNAVAILABLE : new BigDecimal(v));
            }
            s.pending.put(period, values);
        }
        return s;
    }

    private static void writeDate(DataOutput out, LocalDate d) throws IOException {
        out.writeLong(d == null ? Long.MIN_VALUE : d.toEpochDay());
    }

    private static LocalDate readDate(DataInput in) throws IOException {
        long v = in.readLong();
        return v == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(v);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TriggerState s && on == s.on && tier.equals(s.tier) && enterStreak == s.enterStreak
                && exitStreak == s.exitStreak && Objects.equals(onPeriod, s.onPeriod)
                && Objects.equals(offPeriod, s.offPeriod) && Objects.equals(lastPeriod, s.lastPeriod)
                && frequency == s.frequency && pending.equals(s.pending) && pendingVintage.equals(s.pendingVintage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(on, tier, lastPeriod);
    }

    @Override
    public String toString() {
        return (on ? "ON(" + tier + ") since " + onPeriod : "OFF" + (offPeriod == null ? "" : " since " + offPeriod))
                + ", last " + lastPeriod + ", pending " + pending.keySet();
    }
}
