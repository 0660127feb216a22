package org.laborwatch.rollup;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.state.SavedState;

/**
 * The national roll-up of one policy: how many regions are ON in each period, and their share of
 * US covered employment, as metric points ({@code regions_on}, {@code regions_on_share_pct}; region
 * {@code US}, sector {@code policy:<id>}).
 *
 * <p>Events of different regions arrive in any order (they are decided independently), so the
 * roll-up keeps each region's transitions and recomputes every transition period at or after a new
 * event, emitting only the points that changed: a late region revises the periods it affects, as a
 * data revision would. Points exist for periods where some region changed state; between them the
 * count holds (dashboards draw it as a step).
 *
 * <p>Events are {@linkplain #record recorded} and the points {@linkplain #flush flushed} apart
 * (issue #13): in a historical replay each region's whole history arrives at once, and a region's
 * ENTER, until its EXIT follows, changes every later period; recomputing per event wrote the late
 * periods once per event of every region (987 writes of one point in the demo). The operator
 * flushes at a deadline after the first unflushed event, so a point is written at most once per
 * deadline, whatever the number of events.
 */
public final class RegionsOnRollup {

    public static final String REGIONS_ON = org.laborwatch.policy.MetricNames.REGIONS_ON;
    public static final String SHARE = org.laborwatch.policy.MetricNames.REGIONS_ON_SHARE_PCT;
    /** The sector of the roll-up points, before the policy id. */
    public static final String SECTOR_PREFIX = "policy:";
    /**
     * The saved-state format written: 3 adds the unflushed change (the first period and the newest
     * vintage recorded since the last flush); 2 stores the frequency by name; 1 stored its ordinal.
     * Every version ever written keeps a reader ({@link SavedState}); 1 and 2 had nothing unflushed.
     */
    private static final int FORMAT_VERSION = 3;
    private static final String FORMAT = "RegionsOnRollup";
    /** Transitions kept per region: decades of a state-level rule, bounded. */
    static final int MAX_TRANSITIONS = 400;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NavigableMap<String, NavigableMap<LocalDate, Boolean>> transitions = new TreeMap<>();
    private final NavigableMap<LocalDate, String> emitted = new TreeMap<>();
    private Frequency frequency;
    /** The first period an event recorded since the last flush touched; null when nothing is unflushed. */
    private LocalDate unflushedFrom;
    /** The newest data vintage among those events: the vintage of the points the flush emits. */
    private LocalDate unflushedVintage;

    /** Takes an event of the policy and returns the roll-up points it changed: {@link #record} and {@link #flush}. */
    public List<MetricPoint> onEvent(TriggerEvent e, Frequency eventFrequency, Map<String, BigDecimal> weights) {
        return record(e, eventFrequency) ? flush(e.policy(), weights) : List.of();
    }

    /**
     * Takes an event of the policy without emitting; returns whether it can change a point (ENTER,
     * EXIT and CORRECTION can, tier changes cannot).
     */
    public boolean record(TriggerEvent e, Frequency eventFrequency) {
        if (e.transition() != Transition.ENTER && e.transition() != Transition.EXIT
                && e.transition() != Transition.CORRECTION) {
            return false;
        }
        frequency = eventFrequency;
        NavigableMap<LocalDate, Boolean> mine = transitions.computeIfAbsent(e.region() + "|" + e.sector(),
                k -> new TreeMap<>());
        mine.put(e.period(), e.on());
        while (mine.size() > MAX_TRANSITIONS) {
            mine.pollFirstEntry();
        }
        if (unflushedFrom == null || e.period().isBefore(unflushedFrom)) {
            unflushedFrom = e.period();
        }
        if (e.dataVintage() != null && (unflushedVintage == null || e.dataVintage().isAfter(unflushedVintage))) {
            unflushedVintage = e.dataVintage();
        }
        return true;
    }

    /** Whether events were recorded since the last {@link #flush}. */
    public boolean hasUnflushed() {
        return unflushedFrom != null;
    }

    /**
     * Recomputes every transition period at or after the first one recorded since the last flush
     * and returns the points whose value changed (those of policy {@code policy}).
     */
    public List<MetricPoint> flush(String policy, Map<String, BigDecimal> weights) {
        if (unflushedFrom == null) {
            return List.of();
        }
        LocalDate from = unflushedFrom;
        LocalDate vintage = unflushedVintage;
        unflushedFrom = null;
        unflushedVintage = null;
        TreeSet<LocalDate> periods = new TreeSet<>();
        transitions.values().forEach(t -> periods.addAll(t.tailMap(from, true).keySet()));
        BigDecimal total = weights.get("US");
        List<MetricPoint> out = new ArrayList<>();
        for (LocalDate p : periods) {
            int on = 0;
            BigDecimal weightOn = BigDecimal.ZERO;
            for (Map.Entry<String, NavigableMap<LocalDate, Boolean>> r : transitions.entrySet()) {
                Map.Entry<LocalDate, Boolean> state = r.getValue().floorEntry(p);
                if (state != null && state.getValue()) {
                    on++;
                    String region = r.getKey().substring(0, r.getKey().indexOf('|'));
                    weightOn = weightOn.add(weights.getOrDefault(region, BigDecimal.ZERO));
                }
            }
            BigDecimal share = total == null || total.signum() == 0 ? null
                    : weightOn.multiply(HUNDRED).divide(total, 2, RoundingMode.HALF_UP);
            String value = on + "|" + share;
            if (value.equals(emitted.get(p))) {
                continue;
            }
            emitted.put(p, value);
            String sector = SECTOR_PREFIX + policy;
            out.add(MetricPoint.ok(REGIONS_ON, policy, "US", sector, frequency, p, BigDecimal.valueOf(on), vintage));
            if (share != null) {
                out.add(MetricPoint.ok(SHARE, policy, "US", sector, frequency, p, share, vintage));
            }
        }
        while (emitted.size() > MAX_TRANSITIONS * 4) {
            emitted.pollFirstEntry();
        }
        return out;
    }

    /** Regions (with sectors) the roll-up tracks. */
    public int regions() {
        return transitions.size();
    }

    /** Writes the state in a compact, versioned binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        SavedState.writeEnum(out, frequency);
        out.writeInt(transitions.size());
        for (Map.Entry<String, NavigableMap<LocalDate, Boolean>> r : transitions.entrySet()) {
            out.writeUTF(r.getKey());
            out.writeInt(r.getValue().size());
            for (Map.Entry<LocalDate, Boolean> t : r.getValue().entrySet()) {
                out.writeInt((int) t.getKey().toEpochDay());
                out.writeBoolean(t.getValue());
            }
        }
        out.writeInt(emitted.size());
        for (Map.Entry<LocalDate, String> p : emitted.entrySet()) {
            out.writeInt((int) p.getKey().toEpochDay());
            out.writeUTF(p.getValue());
        }
        writeDay(out, unflushedFrom);
        writeDay(out, unflushedVintage);
    }

    /** A date as its epoch day, or {@link Integer#MIN_VALUE} for none. */
    private static void writeDay(DataOutput out, LocalDate day) throws IOException {
        out.writeInt(day == null ? Integer.MIN_VALUE : (int) day.toEpochDay());
    }

    private static LocalDate readDay(DataInput in) throws IOException {
        int day = in.readInt();
        return day == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(day);
    }

    /** Reads what {@link #writeTo} of this or any earlier release wrote. */
    public static RegionsOnRollup readFrom(DataInput in) throws IOException {
        int version = SavedState.readVersion(in, FORMAT, FORMAT_VERSION);
        RegionsOnRollup r = new RegionsOnRollup();
        r.frequency = version == 1 ? SavedState.frequencyByOldOrdinal(in.readByte(), FORMAT)
                : SavedState.readEnum(in, Frequency.class, FORMAT);
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            String key = in.readUTF();
            NavigableMap<LocalDate, Boolean> t = new TreeMap<>();
            int m = in.readInt();
            for (int j = 0; j < m; j++) {
                t.put(LocalDate.ofEpochDay(in.readInt()), in.readBoolean());
            }
            r.transitions.put(key, t);
        }
        int e = in.readInt();
        for (int i = 0; i < e; i++) {
            r.emitted.put(LocalDate.ofEpochDay(in.readInt()), in.readUTF());
        }
        if (version >= 3) {
            r.unflushedFrom = readDay(in);
            r.unflushedVintage = readDay(in);
        }
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionsOnRollup r && transitions.equals(r.transitions) && emitted.equals(r.emitted)
                && frequency == r.frequency && Objects.equals(unflushedFrom, r.unflushedFrom)
                && Objects.equals(unflushedVintage, r.unflushedVintage);
    }

    @Override
    public int hashCode() {
        return Objects.hash(transitions.keySet(), emitted.size());
    }
}
