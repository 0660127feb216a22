package org.laborwatch.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;

/**
 * The episodes of a real-time backtest set side by side with those on the latest data, and what
 * moves between them: enter or exit dates that shift, episodes that only one of them has.
 *
 * <p>Episodes of the same policy, region and sector are paired when their ON spells overlap,
 * earliest first; an episode that overlaps nothing on the other side appears or vanishes with the
 * revisions. Plain Java.
 */
public final class RealTimeComparison {

    private RealTimeComparison() {}

    /** The frequency of a policy's periods in a region and sector, to count shifts in periods. */
    @FunctionalInterface
    public interface FrequencyOf {

        /** The frequency, or null when unknown. */
        Frequency of(String policy, String region, String sector);
    }

    /**
     * One real-time episode and its latest-data counterpart.
     *
     * @param policy policy id
     * @param region region code
     * @param sector sector code
     * @param realTime the episode as decided in real time, or null when only the latest data have it
     * @param latest the episode on the latest data, or null when only real time had it
     * @param moves what differs, in words ({@code same} when nothing does)
     */
    public record Row(String policy, String region, String sector, Episode realTime, Episode latest, String moves) {

        /** Whether anything differs between the two. */
        public boolean moved() {
            return !moves.equals(SAME);
        }
    }

    static final String SAME = "same";
    static final String REAL_TIME_ONLY = "real time only: vanishes on the latest data";
    static final String LATEST_ONLY = "latest data only: not signalled in real time";

    /** Pairs the two runs' episodes, by policy, region, sector and period. */
    public static List<Row> compare(List<Episode> realTime, List<Episode> latest, FrequencyOf frequencies) {
        Map<String, List<Episode>> rt = byKey(realTime);
        Map<String, List<Episode>> today = byKey(latest);
        Map<String, List<Episode>> keys = new TreeMap<>(rt);
        today.keySet().forEach(k -> keys.putIfAbsent(k, List.of()));
        List<Row> rows = new ArrayList<>();
        for (String key : keys.keySet()) {
            List<Episode> a = rt.getOrDefault(key, List.of());
            List<Episode> b = today.getOrDefault(key, List.of());
            int i = 0;
            int j = 0;
            while (i < a.size() || j < b.size()) {
                Episode x = i < a.size() ? a.get(i) : null;
                Episode y = j < b.size() ? b.get(j) : null;
                if (x != null && y != null && overlap(x, y)) {
                    Frequency f = frequencies.of(x.policy(), x.region(), x.sector());
                    rows.add(new Row(x.policy(), x.region(), x.sector(), x, y, moves(x, y, f)));
                    i++;
                    j++;
                } else if (y == null || (x != null && x.enterPeriod().isBefore(y.enterPeriod()))) {
                    rows.add(new Row(x.policy(), x.region(), x.sector(), x, null, REAL_TIME_ONLY));
                    i++;
                } else {
                    rows.add(new Row(y.policy(), y.region(), y.sector(), null, y, LATEST_ONLY));
                    j++;
                }
            }
        }
        return rows;
    }

    private static Map<String, List<Episode>> byKey(List<Episode> episodes) {
        Map<String, List<Episode>> byKey = new TreeMap<>();
        for (Episode e : episodes) {
            byKey.computeIfAbsent(e.policy() + "|" + e.region() + "|" + e.sector(), k -> new ArrayList<>()).add(e);
        }
        byKey.values().forEach(l -> l.sort(Comparator.comparing(Episode::enterPeriod)));
        return byKey;
    }

    /** ON spells share a period: each starts before the other's first OFF period. */
    private static boolean overlap(Episode x, Episode y) {
        return before(x.enterPeriod(), y.exitPeriod()) && before(y.enterPeriod(), x.exitPeriod());
    }

    private static boolean before(LocalDate period, LocalDate exitOrNull) {
        return exitOrNull == null || period.isBefore(exitOrNull);
    }

    private static String moves(Episode realTime, Episode latest, Frequency f) {
        List<String> parts = new ArrayList<>();
        if (!realTime.enterPeriod().equals(latest.enterPeriod())) {
            parts.add("enters " + shift(latest.enterPeriod(), realTime.enterPeriod(), f) + " in real time");
        }
        if (realTime.exitPeriod() == null && latest.exitPeriod() != null) {
            parts.add("still on in real time only");
        } else if (realTime.exitPeriod() != null && latest.exitPeriod() == null) {
            parts.add("still on on the latest data only");
        } else if (realTime.exitPeriod() != null && !realTime.exitPeriod().equals(latest.exitPeriod())) {
            parts.add("exits " + shift(latest.exitPeriod(), realTime.exitPeriod(), f) + " in real time");
        }
        if (!realTime.maxTier().equals(latest.maxTier())) {
            parts.add("highest tier " + realTime.maxTier() + " in real time, " + latest.maxTier() + " on the latest data");
        }
        return parts.isEmpty() ? SAME : String.join("; ", parts);
    }

    /** "2 months later", "1 week earlier" (just "later" or "earlier" when the frequency is unknown). */
    private static String shift(LocalDate latest, LocalDate realTime, Frequency f) {
        long n = f == null ? 0 : f.between(latest, realTime);
        if (f == null || n == 0) {
            return realTime.isAfter(latest) ? "later" : "earlier";
        }
        long abs = Math.abs(n);
        String unit = switch (f) {
            case DAILY -> "day";
            case WEEKLY -> "week";
            case BIWEEKLY -> "fortnight";
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
            case ANNUAL -> "year";
        };
        return abs + " " + unit + (abs == 1 ? "" : "s") + (n > 0 ? " later" : " earlier");
    }
}
