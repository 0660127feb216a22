package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * The two OECD downloads of April 2023 replayed as vintages: the second ({@code vintage2023-04b})
 * revises 697 of the total rates the first printed, back to 1989, and the replay must end with its
 * values and recompute every Sahm gap those revisions touch.
 */
class OecdVintageReplayTest {

    /**
     * The OECD reprints whole histories (Australia's revisions go back to 1989-11), so the replay
     * keeps 70 years revisable; under the documented 2-year default the old revisions would be
     * refused as too old, with a reason.
     */
    private static final RevisionHorizon WHOLE_HISTORY = RevisionHorizon.documented().with("oecd.hur=70");

    @Test
    void replayingBothEndsWithTheNewerValuesAndRecomputesTheTouchedPeriods() throws IOException {
        List<Observation> first = CountryData.read("oecd-hur", CountryData.OECD);
        List<Observation> second = CountryData.read("oecd-hur", CountryData.OECD_LATER);
        assertTrue(first.get(0).vintage().isBefore(second.get(0).vintage()), "the b download is the later vintage");

        Map<String, Observation> firstByKey = new HashMap<>();
        first.forEach(o -> firstByKey.put(key(o.region(), o.period()), o));
        Set<String> differing = new HashSet<>();
        for (Observation o : second) {
            Observation before = firstByKey.get(key(o.region(), o.period()));
            if (before != null && before.value().compareTo(o.value()) != 0) {
                differing.add(key(o.region(), o.period()));
            }
        }
        assertEquals(697, differing.size(), "total values the two downloads print differently");

        MetricEngine engine = new MetricEngine(List.of(new SahmGap()), WHOLE_HISTORY);
        Map<String, RegionSeries> regions = new HashMap<>();
        Map<String, MetricPoint> gaps = new HashMap<>();
        for (Observation o : first) {
            engine.apply(regions.computeIfAbsent(o.region(), r -> new RegionSeries()), o).points()
                    .forEach(p -> gaps.put(key(p.region(), p.period()), p));
        }
        Map<String, MetricPoint> afterFirst = new HashMap<>(gaps);
        Map<Upsert, Integer> outcomes = new EnumMap<>(Upsert.class);
        Set<String> revised = new HashSet<>();
        Set<String> reemitted = new HashSet<>();
        for (Observation o : second) {
            MetricEngine.Result r = engine.apply(regions.computeIfAbsent(o.region(), x -> new RegionSeries()), o);
            outcomes.merge(r.upsert(), 1, Integer::sum);
            if (r.upsert() == Upsert.REVISED) {
                revised.add(key(o.region(), o.period()));
            }
            r.points().forEach(p -> {
                gaps.put(key(p.region(), p.period()), p);
                reemitted.add(key(p.region(), p.period()));
            });
        }
        assertEquals(differing, revised, "exactly the differing values are revisions");
        assertEquals(second.size() - differing.size() - newIn(second, firstByKey), (long) outcomes.get(Upsert.UNCHANGED));

        // Every value now held is the later download's.
        for (Observation o : second) {
            var held = regions.get(o.region()).get(new SeriesId("unemployment_rate", "all", "sa"), o.period());
            assertEquals(0, held.value().compareTo(o.value()), o.region() + " " + o.period());
            assertEquals(o.vintage(), held.vintage());
        }
        // The gaps equal those of the later download replayed alone...
        Map<String, MetricPoint> alone = new HashMap<>();
        MetricEngine fresh = new MetricEngine(List.of(new SahmGap()), WHOLE_HISTORY);
        Map<String, RegionSeries> freshRegions = new HashMap<>();
        for (Observation o : second) {
            fresh.apply(freshRegions.computeIfAbsent(o.region(), r -> new RegionSeries()), o).points()
                    .forEach(p -> alone.put(key(p.region(), p.period()), p));
        }
        alone.forEach((k, p) -> assertEquals(p.value(), gaps.get(k).value(), k));
        // ...and every gap a revision changed was emitted again. A gap whose 15-month window holds a
        // revised month but whose value did not change (the month is in both the current and the
        // minimum three-month sum, so the revision cancels) is rightly not re-emitted.
        Set<String> touched = new HashSet<>();
        Set<String> changed = new HashSet<>();
        for (String k : differing) {
            String[] rp = k.split("\\|");
            LocalDate month = LocalDate.parse(rp[1]);
            for (int i = 0; i <= SahmGap.WINDOW; i++) {
                String gap = key(rp[0], month.plusMonths(i));
                MetricPoint before = afterFirst.get(gap);
                if (before == null || !alone.containsKey(gap)) {
                    continue;
                }
                touched.add(gap);
                if (!java.util.Objects.equals(before.value(), alone.get(gap).value())) {
                    changed.add(gap);
                    assertTrue(reemitted.contains(gap), "gap " + gap + " changed by the revision of " + k
                            + " but was not emitted again");
                }
            }
        }
        assertTrue(!changed.isEmpty() && touched.containsAll(changed));
        System.out.printf("OECD replay: %d values revised; %d gaps with a revised month in their window, %d of them"
                + " changed and re-emitted; %d gaps emitted in the second replay%n", revised.size(), touched.size(),
                changed.size(), reemitted.size());
    }

    private static long newIn(List<Observation> second, Map<String, Observation> firstByKey) {
        return second.stream().filter(o -> !firstByKey.containsKey(key(o.region(), o.period()))).count();
    }

    private static String key(String region, LocalDate period) {
        return region + "|" + period;
    }
}
