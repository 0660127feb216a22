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
 */
public final class RegionsOnRollup {

    public static final String REGIONS_ON = "regions_on";
    public static final String SHARE = "regions_on_share_pct";
    /** The sector of the roll-up points, before the policy id. */
    public static final String SECTOR_PREFIX = "policy:";
    /**
     * The saved-state format written: 2 stores the frequency by name; 1 (read still) stored its
     * ordinal. Every version ever written keeps a reader ({@link SavedState}).
     */
    private static final int FORMAT_VERSION = 2;
    private static final String FORMAT = "RegionsOnRollup";
    /** Transitions kept per region: decades of a state-level rule, bounded. */
    static final int MAX_TRANSITIONS = 400;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final NavigableMap<String, NavigableMap<LocalDate, Boolean>> transitions = new TreeMap<>();
    private final NavigableMap<LocalDate, String> emitted = new TreeMap<>();
    private Frequency frequency;

    /** Takes an event of the policy and returns the roll-up points it changed. */
    public List<MetricPoint> onEvent(TriggerEvent e, Frequency eventFrequency, Map<String, BigDecimal> weights) {
        if (e.transition() != Transition.ENTER && e.transition() != Transition.EXIT
                && e.transition() != Transition.CORRECTION) {
            return List.of();
        }
        frequency = eventFrequency;
        NavigableMap<LocalDate, Boolean> mine = transitions.computeIfAbsent(e.region() + "|" + e.sector(),
                k -> new TreeMap<>());
        mine.put(e.period(), e.on());
        while (mine.size() > MAX_TRANSITIONS) {
            mine.pollFirstEntry();
        }
        TreeSet<LocalDate> periods = new TreeSet<>();
        transitions.values().forEach(t -> periods.addAll(t.tailMap(e.period(), true).keySet()));
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
            String sector = SECTOR_PREFIX + e.policy();
            out.add(MetricPoint.ok(REGIONS_ON, e.policy(), "US", sector, frequency, p, BigDecimal.valueOf(on),
                    e.dataVintage()));
            if (share != null) {
                out.add(MetricPoint.ok(SHARE, e.policy(), "US", sector, frequency, p, share, e.dataVintage()));
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
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegionsOnRollup r && transitions.equals(r.transitions) && emitted.equals(r.emitted)
                && frequency == r.frequency;
    }

    @Override
    public int hashCode() {
        return Objects.hash(transitions.keySet(), emitted.size());
    }
}
