package org.laborwatch.backtest;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The NBER recession months an input carried (FRED's USREC) and the months it covered, and what
 * they say about a signal: did a recession start within {@value #WINDOW_MONTHS} months of it, was
 * there none, or do the data not reach far enough to tell.
 *
 * <p>A signal is only called false when the recession data cover the whole window around it: the
 * Sahm rule's July 2024 signal, read with USREC up to 2025, has not yet had its 24 months.
 */
public final class RecessionRecord {

    /** Months on either side of a signal in which a recession start counts as the one it signalled. */
    public static final int WINDOW_MONTHS = 24;

    private final NavigableSet<LocalDate> recessionMonths;
    private final LocalDate coverageStart;
    private final LocalDate coverageEnd;

    /**
     * @param recessionMonths first days of the months with USREC = 1
     * @param coverageStart the first month the indicator covers
     * @param coverageEnd the last month the indicator covers
     */
    public RecessionRecord(Collection<LocalDate> recessionMonths, LocalDate coverageStart,
            LocalDate coverageEnd) {
        this.recessionMonths = new TreeSet<>(recessionMonths);
        this.coverageStart = Objects.requireNonNull(coverageStart, "coverageStart").withDayOfMonth(1);
        this.coverageEnd = Objects.requireNonNull(coverageEnd, "coverageEnd").withDayOfMonth(1);
    }

    /** The first month the indicator covers. */
    public LocalDate coverageStart() {
        return coverageStart;
    }

    /** The last month the indicator covers. */
    public LocalDate coverageEnd() {
        return coverageEnd;
    }

    /** How a signal relates to the recessions. */
    public enum Kind {
        /** The signal came before the recession data start. */
        BEFORE_DATA,
        /** A recession started within the window. */
        NEAR_RECESSION,
        /** No recession started within the window, and the data cover all of it. */
        FALSE_SIGNAL,
        /** No recession started in the months covered, but the data end before the window does. */
        UNDECIDED
    }

    /**
     * The verdict on one signal.
     *
     * @param kind which case
     * @param monthsFromStart months from the nearest recession start to the signal (negative: the
     *     signal led), or null unless {@link Kind#NEAR_RECESSION}
     * @param text the verdict in words, for the summary
     */
    public record Verdict(Kind kind, Long monthsFromStart, String text) {}

    /** The verdict on a signal in {@code signalMonth}. */
    public Verdict judge(LocalDate signalMonth) {
        LocalDate month = signalMonth.withDayOfMonth(1);
        if (month.isBefore(coverageStart)) {
            return new Verdict(Kind.BEFORE_DATA, null, "before the recession data (USREC input starts " + coverageStart + ")");
        }
        Long lead = monthsFromNearestStart(month);
        if (lead != null) {
            String text = lead == 0 ? "in the first recession month"
                    : Math.abs(lead) + (Math.abs(lead) == 1 ? " month " : " months ") + (lead < 0 ? "before" : "after")
                            + " the recession start";
            return new Verdict(Kind.NEAR_RECESSION, lead, text);
        }
        LocalDate windowEnd = month.plusMonths(WINDOW_MONTHS);
        if (coverageEnd.isBefore(windowEnd)) {
            return new Verdict(Kind.UNDECIDED, null, "undecided: the data end before the " + WINDOW_MONTHS
                    + "-month window (USREC to " + coverageEnd + ", window to " + windowEnd + "); no recession start so far");
        }
        // A recession start is only seen after a covered non-recession month, so the month before the
        // window must be covered too, or a recession that started just before the data would be missed.
        LocalDate windowStart = month.minusMonths(WINDOW_MONTHS);
        if (windowStart.minusMonths(1).isBefore(coverageStart)) {
            return new Verdict(Kind.UNDECIDED, null, "undecided: the data start inside the " + WINDOW_MONTHS
                    + "-month window (USREC from " + coverageStart + ", window from " + windowStart
                    + "); no recession start since");
        }
        return new Verdict(Kind.FALSE_SIGNAL, null, "no recession start within " + WINDOW_MONTHS
                + " months: a false signal");
    }

    /**
     * Months from the start of the nearest recession to {@code month}, if one starts within the
     * window: negative means {@code month} led the recession start.
     */
    public Long monthsFromNearestStart(LocalDate month) {
        Long best = null;
        for (LocalDate start : starts()) {
            long months = ChronoUnit.MONTHS.between(start, month.withDayOfMonth(1));
            if (Math.abs(months) <= WINDOW_MONTHS && (best == null || Math.abs(months) < Math.abs(best))) {
                best = months;
            }
        }
        return best;
    }

    /**
     * The first month of each recession: a USREC month whose previous month is covered and was not
     * one. A recession already under way in the first covered month has no known start.
     */
    public List<LocalDate> starts() {
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate m : recessionMonths) {
            LocalDate before = m.minusMonths(1);
            if (!before.isBefore(coverageStart) && !recessionMonths.contains(before)) {
                starts.add(m);
            }
        }
        return starts;
    }
}
