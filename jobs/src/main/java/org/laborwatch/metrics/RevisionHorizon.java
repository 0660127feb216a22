package org.laborwatch.metrics;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;

/**
 * How far back a series may still be revised, by source and seasonal adjustment, in years.
 *
 * <p>Each source's window covers the revisions the source documents: BLS re-estimates five years
 * of seasonally adjusted CPS (national) and LAUS (state) data at each annual revision, and five
 * years of seasonally adjusted CES data at each benchmark, so those series keep five years; every
 * other series keeps {@value #DEFAULT_YEARS} years. A series keeps its horizon plus the longest
 * window a metric reads, so every period a revision touches can be recomputed exactly; an
 * observation older than that is refused with a reason (see {@link MetricEngine}), never dropped
 * silently. Operators widen or narrow a source's horizon by configuration ({@link #with}), at the
 * price of state: about 12 bytes per extra period per series.
 */
public final class RevisionHorizon implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Years of revisable history for sources that document no longer revision. */
    public static final int DEFAULT_YEARS = 2;

    /** The longest horizon any source has by default; widening one beyond it is allowed. */
    public static final int DOCUMENTED_MAX_YEARS = 5;

    private final Map<String, Integer> years;
    /** The last answer of {@link #years} (not part of the value: neither compared nor serialized). */
    private transient LastLookUp lastLookUp;

    private RevisionHorizon(Map<String, Integer> years) {
        this.years = Collections.unmodifiableMap(new TreeMap<>(years));
    }

    /** The horizons the sources document (class comment). */
    public static RevisionHorizon documented() {
        Map<String, Integer> y = new TreeMap<>();
        y.put(key("bls.cps", "sa"), DOCUMENTED_MAX_YEARS);
        y.put(key("bls.laus", "sa"), DOCUMENTED_MAX_YEARS);
        y.put(key("bls.ces", "sa"), DOCUMENTED_MAX_YEARS);
        return new RevisionHorizon(y);
    }

    /**
     * This horizon with {@code source} (all its series) or {@code source/adjustment} set to
     * {@code years}.
     *
     * @throws IllegalArgumentException for a blank source or a horizon below one year
     */
    public RevisionHorizon with(String sourceAndAdjustment, int years) {
        if (sourceAndAdjustment == null || sourceAndAdjustment.isBlank()) {
            throw new IllegalArgumentException("a revision horizon needs a source, such as bls.laus or bls.laus/sa");
        }
        if (years < 1) {
            throw new IllegalArgumentException("the revision horizon of " + sourceAndAdjustment
                    + " must be at least 1 year, got " + years);
        }
        Map<String, Integer> y = new TreeMap<>(this.years);
        if (!sourceAndAdjustment.contains("/")) {
            y.keySet().removeIf(k -> k.startsWith(sourceAndAdjustment + "/"));
        }
        y.put(sourceAndAdjustment, years);
        return new RevisionHorizon(y);
    }

    /**
     * Parses {@code SOURCE[/ADJUSTMENT]=YEARS}, as the command line takes it, onto this horizon.
     *
     * @throws IllegalArgumentException naming the expected form
     */
    public RevisionHorizon with(String setting) {
        int eq = setting == null ? -1 : setting.indexOf('=');
        if (eq < 1) {
            throw new IllegalArgumentException("a revision horizon is SOURCE[/ADJUSTMENT]=YEARS, such as bls.laus/sa=5, got "
                    + setting);
        }
        try {
            return with(setting.substring(0, eq).trim(), Integer.parseInt(setting.substring(eq + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the years in revision horizon '" + setting + "' are not a whole number");
        }
    }

    /** Years of revisable history of a series of {@code source} and {@code adjustment}. */
    public int years(String source, String adjustment) {
        // Asked for every observation, and a release's observations share their source and
        // adjustment, as the same instances when they come off the wire (WireStrings): the last
        // answer by identity spares a key built and looked up per observation (#13's tenth part).
        // A plain field: a thread reading another's answer sees it whole (final fields), or misses.
        LastLookUp last = lastLookUp;
        if (last != null && last.source == source && last.adjustment == adjustment) {
            return last.years;
        }
        Integer y = years.get(key(source, adjustment));
        if (y == null) {
            y = years.get(source);
        }
        int found = y == null ? DEFAULT_YEARS : y;
        lastLookUp = new LastLookUp(source, adjustment, found);
        return found;
    }

    /** An answer of {@link #years}, for the same source and adjustment instances. */
    private record LastLookUp(String source, String adjustment, int years) {}

    /** Revisable periods of a series of {@code source}, {@code adjustment} and {@code frequency}. */
    public int periods(String source, String adjustment, Frequency frequency) {
        return years(source, adjustment) * perYear(frequency);
    }

    /** The most revisable periods any source of this frequency may have under this horizon. */
    public int maxPeriods(Frequency frequency) {
        int max = Math.max(DEFAULT_YEARS, DOCUMENTED_MAX_YEARS);
        for (int y : years.values()) {
            max = Math.max(max, y);
        }
        return max * perYear(frequency);
    }

    /** The horizons set, by {@code source/adjustment} or {@code source}, for logs and docs. */
    public Map<String, Integer> settings() {
        return years;
    }

    /** Periods of a frequency in a year, rounded up (so a horizon never falls short of its years). */
    static int perYear(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> 366;
            case WEEKLY -> 53;
            case BIWEEKLY -> 27;
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case ANNUAL -> 1;
        };
    }

    private static String key(String source, String adjustment) {
        return source + "/" + adjustment;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RevisionHorizon h && years.equals(h.years);
    }

    @Override
    public int hashCode() {
        return years.hashCode();
    }

    @Override
    public String toString() {
        return "RevisionHorizon" + years + " (default " + DEFAULT_YEARS + " years)";
    }
}
