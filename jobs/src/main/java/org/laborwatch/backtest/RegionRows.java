package org.laborwatch.backtest;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The row order of the multi-region chart: regions by their first ON period, earliest first (ties
 * by region code), then the regions never ON, by code. Reading down the rows then follows how a
 * downturn spread, and the regions it spared stand together at the bottom.
 */
public final class RegionRows {

    private RegionRows() {}

    /** {@code regions} in row order, given the episodes of one policy. */
    public static List<String> byFirstOn(Collection<String> regions, List<Episode> episodes) {
        Map<String, LocalDate> firstOn = new HashMap<>();
        for (Episode e : episodes) {
            firstOn.merge(e.region(), e.enterPeriod(), (a, b) -> a.isBefore(b) ? a : b);
        }
        Comparator<String> byFirst = Comparator.comparing(firstOn::get, Comparator.nullsLast(Comparator.naturalOrder()));
        return regions.stream().distinct().sorted(byFirst.thenComparing(Comparator.naturalOrder())).toList();
    }
}
