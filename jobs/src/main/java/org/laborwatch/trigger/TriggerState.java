package org.laborwatch.trigger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;
import org.laborwatch.state.SavedState;

/**
 * The state of one policy for one region and sector: the decision state ({@link Core}), the
 * metric values of periods still waiting for their other inputs, and, for policies that restate,
 * the recent decided periods with the inputs and outcome of each, so a revision can re-run them.
 *
 * <p>Plain Java and mutable; {@link TriggerEvaluator} is the only writer. The binary form is the
 * savepoint format of the trigger operator.
 */
public final class TriggerState {

    /**
     * The saved-state format written. 4 adds the watch (early warning) and the recent values lagged
     * conditions read to each decision state; 3 (read still) stores the frequency by name; 2 (read
     * still) stored its ordinal; 1 (read still) had no restatement history. Every version ever
     * written keeps a reader ({@link SavedState}).
     */
    private static final int FORMAT_VERSION = 4;
    private static final String FORMAT = "TriggerState";

    /** The decision state: what a period's evaluation reads and changes. */
    static final class Core {
        boolean on;
        String tier = TriggerEvaluator.OFF;
        int enterStreak;
        int exitStreak;
        LocalDate onPeriod;
        LocalDate offPeriod;
        /** Whether the policy's watch condition holds while OFF (a WATCH was emitted, no CLEAR or ENTER since). */
        boolean watching;
        /** The first period of the current watch; null when not watching. */
        LocalDate watchSince;
        /**
         * The values of the metrics lagged conditions read ({@code sahm_gap[-1]}), for the last
         * decided periods (as many as the longest lag); a null value means unavailable. Part of the
         * decision state, so a restating policy re-runs its history with the values it had then.
         */
        NavigableMap<LocalDate, Map<String, BigDecimal>> recent = new TreeMap<>();

        Core copy() {
            Core c = new Core();
            c.on = on;
            c.tier = tier;
            c.enterStreak = enterStreak;
            c.exitStreak = exitStreak;
            c.onPeriod = onPeriod;
            c.offPeriod = offPeriod;
            c.watching = watching;
            c.watchSince = watchSince;
            recent.forEach((p, v) -> c.recent.put(p, new TreeMap<>(v)));
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Core c && on == c.on && tier.equals(c.tier) && enterStreak == c.enterStreak
                    && exitStreak == c.exitStreak && Objects.equals(onPeriod, c.onPeriod)
                    && Objects.equals(offPeriod, c.offPeriod) && watching == c.watching
                    && Objects.equals(watchSince, c.watchSince) && recent.equals(c.recent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(on, tier, onPeriod, offPeriod);
        }
    }

    /** A decided period kept for restatement: its inputs, the state before it, and the events it gave. */
    static final class Decided {
        final Map<String, BigDecimal> values;
        LocalDate vintage;
        Core before;
        List<String> events;

        Decided(Map<String, BigDecimal> values, LocalDate vintage, Core before, List<String> events) {
            this.values = values;
            this.vintage = vintage;
            this.before = before;
            this.events = events;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Decided d && values.equals(d.values) && Objects.equals(vintage, d.vintage)
                    && before.equals(d.before) && events.equals(d.events);
        }

        @Override
        public int hashCode() {
            return Objects.hash(values, vintage);
        }
    }

    Core core = new Core();
    LocalDate lastPeriod;
    Frequency frequency;
    /** Metric values by period for periods not yet decided; a null value means unavailable. */
    final NavigableMap<LocalDate, Map<String, BigDecimal>> pending = new TreeMap<>();
    /** The vintage of the newest input of each pending period. */
    final NavigableMap<LocalDate, LocalDate> pendingVintage = new TreeMap<>();
    /** Decided periods kept for restatement (empty for prospective policies). */
    final NavigableMap<LocalDate, Decided> history = new TreeMap<>();

    public boolean isOn() {
        return core.on;
    }

    public String tier() {
        return core.tier;
    }

    public LocalDate lastPeriod() {
        return lastPeriod;
    }

    /** Whether the key is on watch: OFF with the policy's watch condition holding. */
    public boolean isWatching() {
        return core.watching;
    }

    /** Periods held while they wait for their other inputs. */
    public int pendingPeriods() {
        return pending.size();
    }

    /** Decided periods kept for restatement. */
    public int historyPeriods() {
        return history.size();
    }

    /** Writes the state in a compact, versioned binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        writeCore(out, core);
        writeDate(out, lastPeriod);
        SavedState.writeEnum(out, frequency);
        out.writeInt(pending.size());
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : pending.entrySet()) {
            writeDate(out, e.getKey());
            writeDate(out, pendingVintage.get(e.getKey()));
            writeValues(out, e.getValue());
        }
        out.writeInt(history.size());
        for (Map.Entry<LocalDate, Decided> e : history.entrySet()) {
            writeDate(out, e.getKey());
            writeDate(out, e.getValue().vintage);
            writeValues(out, e.getValue().values);
            writeCore(out, e.getValue().before);
            out.writeInt(e.getValue().events.size());
            for (String id : e.getValue().events) {
                out.writeUTF(id);
            }
        }
    }

    /** Reads what {@link #writeTo} of this or any earlier release wrote. */
    public static TriggerState readFrom(DataInput in) throws IOException {
        int version = SavedState.readVersion(in, FORMAT, FORMAT_VERSION);
        TriggerState s = new TriggerState();
        s.core = readCore(in, version);
        s.lastPeriod = readDate(in);
        s.frequency = version <= 2 ? SavedState.frequencyByOldOrdinal(in.readByte(), FORMAT)
                : SavedState.readEnum(in, Frequency.class, FORMAT);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            LocalDate period = readDate(in);
            s.pendingVintage.put(period, readDate(in));
            s.pending.put(period, readValues(in));
        }
        if (version == 1) {
            // Version 1 ended here: it kept no decided periods (restatement came with version 2).
            return s;
        }
        int h = in.readInt();
        for (int i = 0; i < h; i++) {
            LocalDate period = readDate(in);
            LocalDate vintage = readDate(in);
            Map<String, BigDecimal> values = readValues(in);
            Core before = readCore(in, version);
            int m = in.readInt();
            List<String> events = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                events.add(in.readUTF());
            }
            s.history.put(period, new Decided(values, vintage, before, events));
        }
        return s;
    }

    private static void writeCore(DataOutput out, Core c) throws IOException {
        out.writeBoolean(c.on);
        out.writeUTF(c.tier);
        out.writeInt(c.enterStreak);
        out.writeInt(c.exitStreak);
        writeDate(out, c.onPeriod);
        writeDate(out, c.offPeriod);
        out.writeBoolean(c.watching);
        writeDate(out, c.watchSince);
        out.writeInt(c.recent.size());
        for (Map.Entry<LocalDate, Map<String, BigDecimal>> e : c.recent.entrySet()) {
            writeDate(out, e.getKey());
            writeValues(out, e.getValue());
        }
    }

    private static Core readCore(DataInput in, int version) throws IOException {
        Core c = new Core();
        c.on = in.readBoolean();
        c.tier = in.readUTF();
        c.enterStreak = in.readInt();
        c.exitStreak = in.readInt();
        c.onPeriod = readDate(in);
        c.offPeriod = readDate(in);
        if (version <= 3) {
            // Versions 1 to 3 ended the decision state here: no watch, no lagged values.
            return c;
        }
        c.watching = in.readBoolean();
        c.watchSince = readDate(in);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            LocalDate period = readDate(in);
            c.recent.put(period, readValues(in));
        }
        return c;
    }

    private static void writeValues(DataOutput out, Map<String, BigDecimal> values) throws IOException {
        out.writeInt(values.size());
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            out.writeUTF(v.getKey());
            out.writeUTF(v.getValue() == null ? "" : v.getValue().toString());
        }
    }

    private static Map<String, BigDecimal> readValues(DataInput in) throws IOException {
        int m = in.readInt();
        Map<String, BigDecimal> values = new TreeMap<>();
        for (int j = 0; j < m; j++) {
            String metric = in.readUTF();
            String v = in.readUTF();
            values.put(metric, v.isEmpty() ? null : new BigDecimal(v));
        }
        return values;
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
        return o instanceof TriggerState s && core.equals(s.core) && Objects.equals(lastPeriod, s.lastPeriod)
                && frequency == s.frequency && pending.equals(s.pending) && pendingVintage.equals(s.pendingVintage)
                && history.equals(s.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(core, lastPeriod);
    }

    @Override
    public String toString() {
        return (core.on ? "ON(" + core.tier + ") since " + core.onPeriod
                : "OFF" + (core.offPeriod == null ? "" : " since " + core.offPeriod)
                        + (core.watching ? ", watching since " + core.watchSince : ""))
                + ", last " + lastPeriod + ", pending " + pending.keySet() + ", history " + history.size();
    }
}
