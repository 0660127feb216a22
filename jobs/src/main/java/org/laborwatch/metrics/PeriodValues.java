package org.laborwatch.metrics;

import java.time.LocalDate;
import java.util.Arrays;
import org.laborwatch.contract.Frequency;

/**
 * The values of one series by period, in period order, held in arrays: the periods as ordered ints
 * (searched), the same periods as dates (handed out without allocating) and the values.
 *
 * <p>Why not a {@code TreeMap}: every observation looks its series' periods up a dozen times (the
 * value it replaces, the settled newest period, each metric's inputs), and in a job holding
 * thousands of regions each lookup walked tree nodes and date keys scattered over the heap, a
 * cache miss per step: {@code TreeMap} lookups were half of the metric operator's samples on the
 * all-county workload (#13). Here a lookup is a binary search over one int array. Series grow at
 * their newest end and are trimmed at their oldest, so the live values are a window
 * {@code [start, end)} of the arrays: appending and trimming move nothing, and a revision in the
 * middle replaces a value in place.
 *
 * <p>Not thread-safe; one instance belongs to one {@link RegionSeries}.
 */
final class PeriodValues {

    private int[] days;
    private LocalDate[] periods;
    private SeriesValue[] values;
    private int start;
    private int end;
    /**
     * {@link #settledLatest}, kept until the set of periods changes (a revision of a value leaves
     * it): the revision horizon asks for it twice per observation, and finding it walks the series
     * back from its newest period.
     */
    private LocalDate settled;
    private boolean settledKnown;

    PeriodValues() {
        this(4);
    }

    /** Empty, with room for {@code capacity} periods. */
    PeriodValues(int capacity) {
        int c = Math.max(capacity, 1);
        days = new int[c];
        periods = new LocalDate[c];
        values = new SeriesValue[c];
    }

    int size() {
        return end - start;
    }

    boolean isEmpty() {
        return end == start;
    }

    /** The value at a period, or null. */
    SeriesValue get(LocalDate period) {
        int i = indexOf(period);
        return i >= 0 ? values[i] : null;
    }

    boolean containsKey(LocalDate period) {
        return indexOf(period) >= 0;
    }

    /** The newest period; only when not empty. */
    LocalDate lastKey() {
        return periods[end - 1];
    }

    /** The {@code i}-th period, oldest first. */
    LocalDate keyAt(int i) {
        return periods[start + i];
    }

    /** The {@code i}-th value, oldest first. */
    SeriesValue valueAt(int i) {
        return values[start + i];
    }

    /** Stores a value at a period, replacing the one held there. */
    void put(LocalDate period, SeriesValue value) {
        int day = day(period);
        if (end > start && day > days[end - 1]) {
            insertAt(end, day, period, value); // a new newest period, the common case
            return;
        }
        int i = Arrays.binarySearch(days, start, end, day);
        if (i >= 0) {
            values[i] = value;
        } else {
            insertAt(-i - 1, day, period, value);
        }
    }

    /**
     * How many periods lie before {@code bound} (the first {@code n} of {@link #keyAt}); with
     * {@link #removeFirst}, what trimming removes.
     */
    int countBefore(LocalDate bound) {
        int i = Arrays.binarySearch(days, start, end, day(bound));
        return (i >= 0 ? i : -i - 1) - start;
    }

    /** Removes the oldest {@code n} periods. */
    void removeFirst(int n) {
        if (n <= 0) {
            return;
        }
        Arrays.fill(periods, start, start + n, null);
        Arrays.fill(values, start, start + n, null);
        start += n;
        settledKnown = false;
    }

    /**
     * The newest period whose predecessor in {@code frequency} is held too, or null (see
     * {@code RegionSeries.Series#settledLatest}).
     */
    LocalDate settledLatest(Frequency frequency) {
        if (!settledKnown) {
            settled = null;
            for (int i = end - 1; i >= start; i--) {
                if (containsKey(frequency.plus(periods[i], -1))) {
                    settled = periods[i];
                    break;
                }
            }
            settledKnown = true;
        }
        return settled;
    }

    /** An independent copy (values are immutable and shared). */
    PeriodValues copy() {
        PeriodValues c = new PeriodValues(size());
        int n = size();
        System.arraycopy(days, start, c.days, 0, n);
        System.arraycopy(periods, start, c.periods, 0, n);
        System.arraycopy(values, start, c.values, 0, n);
        c.end = n;
        return c;
    }

    private int indexOf(LocalDate period) {
        return Arrays.binarySearch(days, start, end, day(period));
    }

    /**
     * A period as an int in date order: year, month and day packed, exact for years within four
     * million of year 0 (observations are of the years 1800 to 2199). Not the epoch day, whose
     * leap-year arithmetic was a twentieth of a backtest once lookups were binary searches.
     */
    private static int day(LocalDate period) {
        return (period.getYear() << 9) | (period.getMonthValue() << 5) | period.getDayOfMonth();
    }

    private void insertAt(int at, int day, LocalDate period, SeriesValue value) {
        if (end == days.length) {
            at -= start;
            makeRoom();
            at += start;
        }
        if (at < end) {
            System.arraycopy(days, at, days, at + 1, end - at);
            System.arraycopy(periods, at, periods, at + 1, end - at);
            System.arraycopy(values, at, values, at + 1, end - at);
        }
        days[at] = day;
        periods[at] = period;
        values[at] = value;
        end++;
        settledKnown = false;
    }

    /**
     * Room for one more at the end: the live window moved to the front if trimming has freed at
     * least half of the arrays, else arrays half as large again.
     */
    private void makeRoom() {
        int n = size();
        int capacity = n < days.length / 2 ? days.length : days.length + Math.max(4, days.length >> 1);
        if (capacity == days.length) {
            System.arraycopy(days, start, days, 0, n);
            System.arraycopy(periods, start, periods, 0, n);
            System.arraycopy(values, start, values, 0, n);
            Arrays.fill(periods, n, end, null);
            Arrays.fill(values, n, end, null);
        } else {
            days = Arrays.copyOfRange(days, start, start + capacity);
            periods = Arrays.copyOfRange(periods, start, start + capacity);
            values = Arrays.copyOfRange(values, start, start + capacity);
        }
        start = 0;
        end = n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodValues other
                && Arrays.equals(days, start, end, other.days, other.start, other.end)
                && Arrays.equals(values, start, end, other.values, other.start, other.end);
    }

    @Override
    public int hashCode() {
        int h = 1;
        for (int i = start; i < end; i++) {
            h = 31 * (31 * h + days[i]) + values[i].hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("{");
        for (int i = start; i < end; i++) {
            b.append(i == start ? "" : ", ").append(periods[i]).append('=').append(values[i]);
        }
        return b.append('}').toString();
    }
}
