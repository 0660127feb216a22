package org.laborwatch.trigger;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.policy.Policy;
import org.laborwatch.state.SavedState;

/**
 * The national roll-up points one breadth policy reads (issue #16 item 3: {@code regions_on} and
 * {@code regions_on_share_pct} of another policy), held until their period has <em>settled</em>, then
 * decided by {@link TriggerEvaluator} in period order.
 *
 * <p>A roll-up is re-emitted as each region's trigger event arrives, so its count for a period is
 * partial until every region has been decided. Deciding each point as it comes would decide on
 * partial counts; so the latest value of each period is kept and a period is decided only once no
 * change has reached it for the settle deadline ({@link #SETTLE}), or at the end of a bounded input
 * ({@link #decideAll}). Periods are decided in order: a settled period waits for every earlier one
 * still changing, so the state machine sees periods in the order a backtest feeds them.
 *
 * <p>A change to a period already decided (a later revision, an annual re-benchmark that moves a
 * state across its trigger) settles the same way and then reaches the state machine as a revised
 * point, as a revision of any metric does: a {@code prospective} policy keeps its decision, a
 * {@code restate} policy re-runs its history from that period and emits corrections.
 *
 * <p>Plain Java and mutable; the binary form is the savepoint format of the breadth operator.
 */
public final class SettlingPeriods {

    /**
     * How long a period's roll-up must go unchanged before it is decided: the latency of a breadth
     * decision after the last state's event of a release. A release's state rows arrive within
     * seconds, and the roll-up operator flushes every 2 s, so a minute has every region in; a
     * historical replay of decades of state data runs in well under a minute on two cores, so
     * its periods are decided on final counts, at the end of the input.
     */
    public static final Duration SETTLE = Duration.ofSeconds(60);

    /**
     * The saved-state format written; every version ever written keeps a reader ({@link SavedState}).
     */
    private static final int FORMAT_VERSION = 1;
    private static final String FORMAT = "SettlingPeriods";

    /** Period → metric → the latest point of that period and metric not yet decided. */
    private final NavigableMap<LocalDate, NavigableMap<String, MetricPoint>> pending = new TreeMap<>();
    /** Period → when (milliseconds, the operator's processing time) a point of it last arrived. */
    private final NavigableMap<LocalDate, Long> changedAt = new TreeMap<>();

    /** Takes a roll-up point that arrived at {@code now}: its period's latest value, unsettled again. */
    public void offer(MetricPoint point, long now) {
        pending.computeIfAbsent(point.period(), p -> new TreeMap<>()).put(point.metric(), point);
        changedAt.put(point.period(), now);
    }

    /**
     * Decides, in period order, every period settled at {@code now} up to the first one that is not,
     * and returns the events of {@code policy} the state machine emitted.
     */
    public List<TriggerEvent> decideSettled(Policy policy, TriggerState state, long now) {
        List<TriggerEvent> events = new ArrayList<>();
        while (!pending.isEmpty() && settlesAt(pending.firstKey()) <= now) {
            events.addAll(decideFirst(policy, state));
        }
        return events;
    }

    /** Decides every held period in order, settled or not: the input has ended, no change can follow. */
    public List<TriggerEvent> decideAll(Policy policy, TriggerState state) {
        List<TriggerEvent> events = new ArrayList<>();
        while (!pending.isEmpty()) {
            events.addAll(decideFirst(policy, state));
        }
        return events;
    }

    /** The earliest period's points to the state machine, in metric order (as the backtest feeds them). */
    private List<TriggerEvent> decideFirst(Policy policy, TriggerState state) {
        Map.Entry<LocalDate, NavigableMap<String, MetricPoint>> first = pending.pollFirstEntry();
        changedAt.remove(first.getKey());
        List<TriggerEvent> events = new ArrayList<>();
        for (MetricPoint point : first.getValue().values()) {
            events.addAll(TriggerEvaluator.onMetric(policy, state, point.region(), point.sector(), point));
        }
        return events;
    }

    /**
     * When the next decision can be made: the time the earliest held period settles (a later
     * period waits for it), or null when nothing is held.
     */
    public Long nextDecision() {
        return pending.isEmpty() ? null : settlesAt(pending.firstKey());
    }

    private long settlesAt(LocalDate period) {
        return changedAt.get(period) + SETTLE.toMillis();
    }

    /** Whether no period waits to be decided. */
    public boolean isEmpty() {
        return pending.isEmpty();
    }

    /** The periods waiting to be decided. */
    public int periods() {
        return pending.size();
    }

    /** Writes the state in a compact, versioned binary form. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeInt(pending.size());
        for (Map.Entry<LocalDate, NavigableMap<String, MetricPoint>> p : pending.entrySet()) {
            out.writeInt((int) p.getKey().toEpochDay());
            out.writeLong(changedAt.get(p.getKey()));
            out.writeInt(p.getValue().size());
            for (MetricPoint m : p.getValue().values()) {
                writePoint(out, m);
            }
        }
    }

    /** Reads what {@link #writeTo} of this or any earlier release wrote. */
    public static SettlingPeriods readFrom(DataInput in) throws IOException {
        SavedState.readVersion(in, FORMAT, FORMAT_VERSION);
        SettlingPeriods s = new SettlingPeriods();
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            LocalDate period = LocalDate.ofEpochDay(in.readInt());
            s.changedAt.put(period, in.readLong());
            NavigableMap<String, MetricPoint> points = new TreeMap<>();
            int m = in.readInt();
            for (int j = 0; j < m; j++) {
                MetricPoint point = readPoint(in, period);
                points.put(point.metric(), point);
            }
            s.pending.put(period, points);
        }
        return s;
    }

    /**
     * A roll-up point without its period (the map's key). Roll-up points always carry a value; an
     * unavailable one is written with no value so a later metric could use the format too.
     */
    private static void writePoint(DataOutput out, MetricPoint p) throws IOException {
        out.writeUTF(p.metric());
        out.writeUTF(p.indicator() == null ? "" : p.indicator());
        out.writeUTF(p.region());
        out.writeUTF(p.sector());
        SavedState.writeEnum(out, p.frequency());
        out.writeBoolean(p.isAvailable());
        out.writeUTF(p.isAvailable() ? p.value().toPlainString() : Objects.toString(p.reason(), ""));
        out.writeInt(p.vintage() == null ? Integer.MIN_VALUE : (int) p.vintage().toEpochDay());
    }

    private static MetricPoint readPoint(DataInput in, LocalDate period) throws IOException {
        String metric = in.readUTF();
        String indicator = in.readUTF();
        String region = in.readUTF();
        String sector = in.readUTF();
        Frequency frequency = SavedState.readEnum(in, Frequency.class, FORMAT);
        boolean available = in.readBoolean();
        String valueOrReason = in.readUTF();
        int vintageDay = in.readInt();
        LocalDate vintage = vintageDay == Integer.MIN_VALUE ? null : LocalDate.ofEpochDay(vintageDay);
        indicator = indicator.isEmpty() ? null : indicator;
        return available
                ? MetricPoint.ok(metric, indicator, region, sector, frequency, period, new BigDecimal(valueOrReason), vintage)
                : MetricPoint.unavailable(metric, indicator, region, sector, frequency, period,
                        valueOrReason.isEmpty() ? null : valueOrReason, vintage);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SettlingPeriods s && pending.equals(s.pending) && changedAt.equals(s.changedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pending.keySet());
    }

    @Override
    public String toString() {
        return "SettlingPeriods" + changedAt;
    }
}
