package org.laborwatch.metrics;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.state.CanonicalDates;
import org.laborwatch.state.SavedState;

/**
 * Every series of one region, by period, upserted by vintage.
 *
 * <p>This is the keyed state of the metrics operator. Series are kept together per region because
 * metrics combine the series of one place: the IUR divides the 13-week claims average by covered
 * employment, occupation shares divide each occupation's claimants by all of them. History is trimmed to what the metrics need, so state
 * stays bounded however long the job runs.
 */
public final class RegionSeries {

    /**
     * The saved-state format written: 3 adds each series' widest revision horizon; 2 stores the
     * frequency by name; 1 stored its ordinal. Every version ever written keeps a reader
     * ({@link SavedState}).
     */
    private static final int FORMAT_VERSION = 3;
    private static final String FORMAT = "RegionSeries";

    private final Map<SeriesId, Series> series = new TreeMap<>();

    /**
     * The same series by hash, for lookups: metrics look series up by id for every period they
     * read, and the tree's string comparisons were a sixth of a backtest. The tree keeps the order.
     */
    private final transient Map<SeriesId, Series> byId = new java.util.HashMap<>();

    /**
     * Changes with every upsert; not state (neither written nor compared). Lets a metric keep
     * values derived from this object's data for as long as the data do not change.
     */
    private long modifications;

    /**
     * For caches of values derived from some months of the data (not state: neither written nor
     * compared, so a restored or copied object starts without it and its caches start empty). The
     * modification count at which each month (epoch month) last changed: a value stored, or a
     * period entering or leaving a series' range (its newest or first period moving, trimming).
     */
    private transient long[] monthChanged = new long[0];
    /** The epoch month of {@code monthChanged[0]}. */
    private transient long firstChangedMonth;

    /**
     * The series last looked up, and its id: a metric reads one series for several periods in a
     * row (the Sahm rule reads 15 months), and hashing the id's three strings for each was a
     * twentieth of a backtest. Series are never removed, so the pair stays valid.
     */
    private transient SeriesId lastId;
    private transient Series lastSeries;

    private Series lookup(SeriesId id) {
        if (id.equals(lastId)) {
            return lastSeries;
        }
        Series s = byId.get(id);
        if (s != null) {
            lastId = id;
            lastSeries = s;
        }
        return s;
    }

    /** The modification count at which the set of series last changed (a new series changes every month). */
    private transient long seriesChanged;

    /** One series: its frequency, the first period ever seen, the widest horizon that wrote it, and its values by period. */
    static final class Series {
        final Frequency frequency;
        LocalDate firstSeen;
        /**
         * The widest revision horizon, in periods, of the observations written into the series
         * (0: none known, as in state saved before format 3). Several sources write some series (the
         * national rate: FRED and BLS's CPS, five years; OECD, two by default), and what a write
         * trims must still hold what the widest of them may revise.
         */
        int widestHorizon;
        final PeriodValues values;

        Series(Frequency frequency) {
            this(frequency, new PeriodValues());
        }

        Series(Frequency frequency, PeriodValues values) {
            this.frequency = frequency;
            this.values = values;
        }

        /**
         * The newest period whose predecessor is held too: what the revision horizon and trimming
         * count back from, or null while no two consecutive periods are held (nothing is refused
         * or trimmed then). A lone period beyond a gap does not count, so no single record,
         * however far ahead, can push the horizon past the data; a series with a real gap, such
         * as UNRATE's missing 2025-10, settles again with the second period after it.
         */
        LocalDate settledLatest() {
            return values.settledLatest(frequency);
        }
    }

    /**
     * Stores an observation unless an equal or newer vintage of the same period is already held.
     * The same vintage with a different value is a conflict: the larger value is held, whatever
     * the arrival order, and the outcome says so.
     *
     * @param horizon periods before the series' {@linkplain #settledLatest settled newest period}
     *     that may still be revised; older observations are refused as {@link Upsert#TOO_OLD}; an
     *     observation not refused raises the series' {@linkplain #widestHorizon(SeriesId) widest horizon} to it
     * @param retention periods kept before the trimming anchor: the wider of the horizon and the
     *     series' widest, plus the longest window a metric reads, so every period a revision
     *     touches can be recomputed
     * @param anchor the period retention counts back from: the newest period of the slowest partner
     *     series (see {@link Metric#partners}), or null for this series' own settled newest period
     */
    public Upsert upsert(Observation o, int horizon, int retention, LocalDate anchor) {
        modifications++;
        SeriesId id = new SeriesId(o.indicator(), o.sector(), o.adjustment());
        if (tooOld(o, horizon)) {
            return Upsert.TOO_OLD;
        }
        Series s = lookup(id);
        if (s == null) {
            s = new Series(o.frequency());
            // The canonical strings as key: the metrics look series up by ids of string constants,
            // and equal ids of the same strings compare without reading the characters.
            add(new SeriesId(id.indicator().intern(), id.sector().intern(), id.adjustment().intern()), s);
            seriesChanged = modifications;
        }
        s.widestHorizon = Math.max(s.widestHorizon, horizon);
        if (s.firstSeen == null || o.period().isBefore(s.firstSeen)) {
            // An earlier start moves what every later period counts from (grids, "enough history"):
            // treated as a change of everything.
            seriesChanged = modifications;
            s.firstSeen = o.period();
        }
        SeriesValue held = s.values.get(o.period());
        if (held != null) {
            int byVintage = o.vintage().compareTo(held.vintage());
            if (byVintage < 0) {
                return Upsert.STALE;
            }
            int byValue = o.value().compareTo(held.value());
            if (byVintage == 0 && byValue != 0) {
                if (byValue < 0) {
                    return Upsert.CONFLICT_KEPT;
                }
                s.values.put(o.period(), new SeriesValue(o.value(), o.vintage()));
                changed(id, o.period(), o.period());
                return Upsert.CONFLICT_REPLACED;
            }
            if (byVintage == 0 || byValue == 0) {
                if (byVintage > 0) {
                    s.values.put(o.period(), new SeriesValue(held.value(), o.vintage()));
                    changed(id, o.period(), o.period());
                }
                return Upsert.UNCHANGED;
            }
            s.values.put(o.period(), new SeriesValue(o.value(), o.vintage()));
            changed(id, o.period(), o.period());
            return Upsert.REVISED;
        }
        // A new newest period also moves the series' end: every period up to it is now inside its range.
        LocalDate last = s.values.isEmpty() ? null : s.values.lastKey();
        changed(id, last == null || !o.period().isAfter(last) ? o.period() : last, o.period());
        s.values.put(o.period(), new SeriesValue(o.value(), o.vintage()));
        LocalDate own = s.settledLatest();
        if (own != null) {
            LocalDate from = anchor == null || anchor.isAfter(own) ? own : anchor;
            int trimmed = s.values.countBefore(s.frequency.plus(from, -retention));
            if (trimmed > 0) {
                changed(id, s.values.keyAt(0), s.values.keyAt(trimmed - 1));
                s.values.removeFirst(trimmed);
            }
        }
        return Upsert.NEW;
    }

    /**
     * Whether {@link #upsert} would refuse {@code o} as {@link Upsert#TOO_OLD}: its period is more
     * than {@code horizon} periods before its series' settled newest period.
     */
    public boolean tooOld(Observation o, int horizon) {
        Series s = lookup(new SeriesId(o.indicator(), o.sector(), o.adjustment()));
        LocalDate settled = s == null ? null : s.settledLatest();
        return settled != null && o.period().isBefore(s.frequency.plus(settled, -horizon));
    }

    /** Records that the months from {@code from} to {@code to} of a series changed at this modification. */
    private void changed(SeriesId id, LocalDate from, LocalDate to) {
        for (long m = epochMonth(from), last = epochMonth(to); m <= last; m++) {
            int slot = monthSlot(m); // first: it may replace the array
            monthChanged[slot] = modifications;
        }
        changeLog.addLast(new Change(modifications, id, from, to));
        while (changeLog.size() > CHANGE_LOG) {
            logCutAt = changeLog.removeFirst().at();
        }
    }

    /** One change: the periods from and to (inclusive) of a series changed at modification {@code at}. */
    private record Change(long at, SeriesId series, LocalDate from, LocalDate to) {}

    /** A change of some periods of one series, as {@link #changesSince} reports it. */
    @FunctionalInterface
    public interface ChangeListener {
        /** The periods {@code from} to {@code to} (inclusive) of {@code series} changed. */
        void changed(SeriesId series, LocalDate from, LocalDate to);
    }

    /**
     * Changes kept for {@link #changesSince}; a cache older than them starts over. Caches catch up
     * at every observation of their region, and an upsert logs one to three changes, so a short log
     * suffices; it is kept short because the heap state holds one per region.
     */
    private static final int CHANGE_LOG = 64;
    private final transient java.util.ArrayDeque<Change> changeLog = new java.util.ArrayDeque<>();
    private transient long logCutAt;

    /**
     * Calls {@code changed} with the series and the first and last period of each change made after modification
     * {@code since} (a value stored, a series' range moving, trimming), oldest first, for caches of
     * values derived from some periods; returns false, having called nothing, when that is not
     * known (the set of series or a series' start changed, or the log no longer reaches back so
     * far): the cache must then start over. Not state: a restored object knows nothing before it.
     */
    public boolean changesSince(long since, ChangeListener changed) {
        if (seriesChanged > since || logCutAt > since) {
            return false;
        }
        java.util.Iterator<Change> back = changeLog.descendingIterator();
        java.util.ArrayDeque<Change> newer = new java.util.ArrayDeque<>();
        while (back.hasNext()) {
            Change c = back.next();
            if (c.at() <= since) {
                break;
            }
            newer.addFirst(c);
        }
        newer.forEach(c -> changed.changed(c.series(), c.from(), c.to()));
        return true;
    }

    private static long epochMonth(LocalDate d) {
        return d.getYear() * 12L + d.getMonthValue() - 1;
    }

    /**
     * The modification count at which anything a metric reads of the months {@code from} to
     * {@code to} last changed (a value, a series' range, the set of series), for caches of values
     * derived from those months alone: a cached value computed at count c is still valid while this
     * is at most c. Not state: 0 until this object changes data.
     */
    public long changedSince(LocalDate from, LocalDate to) {
        long r = seriesChanged;
        for (long m = epochMonth(from), last = epochMonth(to); m <= last; m++) {
            long i = m - firstChangedMonth;
            if (i >= 0 && i < monthChanged.length && monthChanged[(int) i] > r) {
                r = monthChanged[(int) i];
            }
        }
        return r;
    }

    /**
     * The index of {@code month} in {@link #monthChanged}, which grows to hold it (0: not changed).
     * An array by month, not a map: a map boxed the month and the count at every change of every
     * observation (a ninth of the series state's allocation in the all-county run, #13's tenth part).
     */
    private int monthSlot(long month) {
        if (monthChanged.length == 0) {
            monthChanged = new long[8];
            firstChangedMonth = month;
        } else if (month < firstChangedMonth) {
            int shift = (int) Math.max(firstChangedMonth - month, monthChanged.length / 2);
            long[] grown = new long[monthChanged.length + shift];
            System.arraycopy(monthChanged, 0, grown, shift, monthChanged.length);
            monthChanged = grown;
            firstChangedMonth -= shift;
        } else if (month - firstChangedMonth >= monthChanged.length) {
            monthChanged = java.util.Arrays.copyOf(monthChanged,
                    (int) Math.max(month - firstChangedMonth + 1, monthChanged.length + monthChanged.length / 2));
        }
        return (int) (month - firstChangedMonth);
    }

    /**
     * Values metrics derived from this object's data, by a key the metric owns (not state: a
     * restored or copied object starts without them). Kept with the data so that each region keeps
     * its own, however the regions' observations interleave; each entry checks its own validity
     * ({@link #changedSince}).
     */
    private final transient Map<Object, Object> derived = new java.util.HashMap<>();

    /** The value a metric stored under {@code key} with {@link #derive}, or null. */
    public Object derived(Object key) {
        return derived.get(key);
    }

    /** Keeps a value derived from this object's data under a key the caller owns. */
    public void derive(Object key, Object value) {
        derived.put(key, value);
    }

    /**
     * The modification count at which the set of series or a series' first period last changed
     * (for caches of which series a metric reads; not state: 0 until this object changes data).
     */
    public long seriesChanged() {
        return seriesChanged;
    }

    /** A count that changes whenever the data change (for caches of derived values; not state). */
    public long modifications() {
        return modifications;
    }

    /** The value of a series at a period, or null. */
    public SeriesValue get(SeriesId id, LocalDate period) {
        Series s = lookup(id);
        return s == null ? null : s.values.get(period);
    }

    /** The newest period of a series, or null if it has none. */
    public LocalDate latest(SeriesId id) {
        Series s = lookup(id);
        return s == null || s.values.isEmpty() ? null : s.values.lastKey();
    }

    /**
     * The newest period of a series before {@code period}, or null: the series' newest period as
     * it was before a value at {@code period} was stored, asked the same before and after.
     */
    public LocalDate latestBefore(SeriesId id, LocalDate period) {
        Series s = lookup(id);
        int n = s == null ? 0 : s.values.countBefore(period);
        return n == 0 ? null : s.values.keyAt(n - 1);
    }

    /** The newest period the revision horizon counts back from (see {@link Series#settledLatest}), or null. */
    public LocalDate settledLatest(SeriesId id) {
        Series s = lookup(id);
        return s == null ? null : s.settledLatest();
    }

    /**
     * The widest revision horizon, in periods, of the observations written into a series, or 0 if
     * none is known: what its trimming must keep whichever source writes (see {@link #upsert}).
     */
    public int widestHorizon(SeriesId id) {
        Series s = lookup(id);
        return s == null ? 0 : s.widestHorizon;
    }

    /** The first period ever seen of a series (history before it was never published), or null. */
    public LocalDate firstSeen(SeriesId id) {
        Series s = lookup(id);
        return s == null ? null : s.firstSeen;
    }

    /** The frequency of a series, or null if it has none. */
    public Frequency frequency(SeriesId id) {
        Series s = lookup(id);
        return s == null ? null : s.frequency;
    }

    /** The series of an indicator and adjustment, one per sector, in sector order. */
    public java.util.List<SeriesId> sectorsOf(String indicator, String adjustment) {
        java.util.List<SeriesId> ids = new java.util.ArrayList<>();
        for (SeriesId id : series.keySet()) {
            if (id.is(indicator, adjustment)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Every series held, in series order. */
    public java.util.Set<SeriesId> seriesIds() {
        return java.util.Collections.unmodifiableSet(series.keySet());
    }

    /** Number of stored values over all series (for state-size accounting and tests). */
    public int size() {
        return series.values().stream().mapToInt(s -> s.values.size()).sum();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** Holds a series in the ordered map (state, written in order) and the lookup by id. */
    private void add(SeriesId id, Series s) {
        series.put(id, s);
        byId.put(id, s);
    }

    /**
     * An independent copy of the data, as {@link #readFrom} of {@link #writeTo} would make it
     * (nothing derived, no change log), without the bytes: the heap state backend copies a region
     * it is writing a snapshot of before the region changes, and the round trip through bytes was a
     * twelfth of the streaming job's metric operator at a 1 s checkpoint interval. Values are
     * immutable, so the copy shares them.
     */
    public RegionSeries copy() {
        RegionSeries r = new RegionSeries();
        for (Map.Entry<SeriesId, Series> e : series.entrySet()) {
            Series s = new Series(e.getValue().frequency, e.getValue().values.copy());
            s.firstSeen = e.getValue().firstSeen;
            s.widestHorizon = e.getValue().widestHorizon;
            r.add(e.getKey(), s);
        }
        return r;
    }

    /** Writes the state in a compact, versioned binary form (the savepoint format). */
    public void writeTo(DataOutput out) throws IOException {
        out.writeByte(FORMAT_VERSION);
        out.writeShort(series.size());
        for (Map.Entry<SeriesId, Series> e : series.entrySet()) {
            out.writeUTF(e.getKey().indicator());
            out.writeUTF(e.getKey().sector());
            out.writeUTF(e.getKey().adjustment());
            SavedState.writeEnum(out, e.getValue().frequency);
            out.writeInt(e.getValue().firstSeen == null ? Integer.MIN_VALUE : (int) e.getValue().firstSeen.toEpochDay());
            out.writeInt(e.getValue().widestHorizon);
            PeriodValues values = e.getValue().values;
            out.writeInt(values.size());
            for (int i = 0; i < values.size(); i++) {
                out.writeInt((int) values.keyAt(i).toEpochDay());
                writeDecimal(out, values.valueAt(i).value());
                out.writeInt((int) values.valueAt(i).vintage().toEpochDay());
            }
        }
    }

    /** Reads what {@link #writeTo} of this or any earlier release wrote. */
    public static RegionSeries readFrom(DataInput in) throws IOException {
        int version = SavedState.readVersion(in, FORMAT, FORMAT_VERSION);
        RegionSeries r = new RegionSeries();
        int n = in.readShort();
        List<Map.Entry<SeriesId, Series>> read = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            SeriesId id = new SeriesId(in.readUTF(), in.readUTF(), in.readUTF());
            Frequency frequency = version == 1 ? SavedState.frequencyByOldOrdinal(in.readByte(), FORMAT)
                    : SavedState.readEnum(in, Frequency.class, FORMAT);
            int first = in.readInt();
            int widestHorizon = version >= 3 ? in.readInt() : 0;
            int m = in.readInt();
            // Room for the values written, within reason: corrupt bytes then end in an EOF, not a huge array.
            Series s = new Series(frequency, new PeriodValues(Math.min(m, 1 << 12)));
            s.firstSeen = first == Integer.MIN_VALUE ? null : CanonicalDates.ofEpochDay(first);
            s.widestHorizon = widestHorizon;
            for (int j = 0; j < m; j++) {
                LocalDate period = CanonicalDates.ofEpochDay(in.readInt());
                BigDecimal value = readDecimal(in);
                s.values.put(period, new SeriesValue(value, CanonicalDates.ofEpochDay(in.readInt())));
            }
            read.add(new AbstractMap.SimpleImmutableEntry<>(id, s));
        }
        r.addAll(read);
        return r;
    }

    /** {@link #add} of each, building the tree in one pass when they come in ascending order. */
    private void addAll(List<Map.Entry<SeriesId, Series>> entries) {
        boolean ascending = series.isEmpty();
        for (int i = 1; i < entries.size() && ascending; i++) {
            ascending = entries.get(i - 1).getKey().compareTo(entries.get(i).getKey()) < 0;
        }
        if (!ascending || entries.isEmpty()) {
            entries.forEach(e -> add(e.getKey(), e.getValue()));
            return;
        }
        series.putAll(new Ascending<>(entries));
        entries.forEach(e -> byId.put(e.getKey(), e.getValue()));
    }

    /**
     * Entries in ascending key order, as a {@link SortedMap} only so that {@link TreeMap#putAll}
     * into an empty tree builds it in one pass instead of a search and a rebalancing per entry:
     * {@link #writeTo} lists the series in order, and inserting them one by one was a fifth of
     * reading a region, which the RocksDB backend does for every observation. Supports what that
     * putAll reads (its size, comparator and entries), nothing else.
     */
    private static final class Ascending<K, V> extends AbstractMap<K, V> implements SortedMap<K, V> {
        private final List<Map.Entry<K, V>> entries;

        Ascending(List<Map.Entry<K, V>> entries) {
            this.entries = entries;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Map.Entry<K, V>> iterator() {
                    return entries.iterator();
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }

        @Override
        public Comparator<? super K> comparator() {
            return null; // natural order, as the tree's
        }

        @Override
        public SortedMap<K, V> subMap(K fromKey, K toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<K, V> headMap(K toKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SortedMap<K, V> tailMap(K fromKey) {
            throw new UnsupportedOperationException();
        }

        @Override
        public K firstKey() {
            throw new UnsupportedOperationException();
        }

        @Override
        public K lastKey() {
            throw new UnsupportedOperationException();
        }
    }

    static void writeDecimal(DataOutput out, BigDecimal d) throws IOException {
        out.writeByte(d.scale());
        BigInteger unscaled = d.unscaledValue();
        if (unscaled.bitLength() < 64) {
            out.writeByte(0);
            out.writeLong(unscaled.longValue());
        } else {
            byte[] bytes = unscaled.toByteArray();
            out.writeByte(bytes.length);
            out.write(bytes);
        }
    }

    static BigDecimal readDecimal(DataInput in) throws IOException {
        int scale = in.readByte();
        int len = in.readUnsignedByte();
        if (len == 0) {
            return BigDecimal.valueOf(in.readLong(), scale);
        }
        byte[] bytes = new byte[len];
        in.readFully(bytes);
        return new BigDecimal(new BigInteger(bytes), scale);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof RegionSeries other) || !series.keySet().equals(other.series.keySet())) {
            return false;
        }
        for (Map.Entry<SeriesId, Series> e : series.entrySet()) {
            Series s = other.series.get(e.getKey());
            if (s.frequency != e.getValue().frequency || !Objects.equals(s.firstSeen, e.getValue().firstSeen)
                    || s.widestHorizon != e.getValue().widestHorizon || !s.values.equals(e.getValue().values)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Objects.hash(series.keySet(), size());
    }
}
