package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/**
 * {@link Metric#silentWhile}: a metric says it is silent over a series' span only where it has no
 * point from that series, and the engine, which then skips it, emits exactly what it emits when
 * every metric is evaluated.
 */
class SilentMetricsTest {

    private static final String REGION = "US-CA-06037";

    /** A metric that says it is silent, with one series it reads and the look-back its points need. */
    private record Case(Metric metric, SeriesId series, Frequency frequency, int lookBack, List<SeriesId> partners) {}

    private static List<Case> silentMetrics() {
        List<Case> cases = new ArrayList<>();
        for (Metric m : MetricCatalogue.all()) {
            if (m instanceof LaggedMetric l) {
                String adjustment = l.dependsOn(new SeriesId(l.indicator(), "all", "sa")) ? "sa" : "nsa";
                cases.add(new Case(m, new SeriesId(l.indicator(), "all", adjustment), l.frequency(), l.maxLag(), List.of()));
                if (m instanceof TurMetric) {
                    // From levels: unemployed, read month by month with the labor force.
                    SeriesId lf = new SeriesId(TurMetric.LABOR_FORCE, "all", "sa");
                    cases.add(new Case(m, new SeriesId(TurMetric.UNEMPLOYED, "all", "sa"), Frequency.MONTHLY, l.maxLag(),
                            List.of(lf)));
                }
            } else if (m instanceof SahmGap) {
                cases.add(new Case(m, new SeriesId("unemployment_rate", "all", "sa"), Frequency.MONTHLY, SahmGap.WINDOW,
                        List.of()));
            } else {
                assertFalse(m.silentWhile(new SeriesId("unemployment_rate", "all", "sa"), LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 1, 1)), m.name() + " is not expected to be silent; give it a case here");
            }
        }
        return cases;
    }

    private static LocalDate start(Frequency f) {
        LocalDate d = LocalDate.of(2024, 1, 1);
        while (!f.fits(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** {@code n} consecutive periods of the case's series (and its partners), every one present. */
    private static RegionSeries filled(Case c, int n) {
        RegionSeries data = new RegionSeries();
        LocalDate first = start(c.frequency());
        for (int i = 0; i < n; i++) {
            LocalDate p = c.frequency().plus(first, i);
            for (SeriesId id : concat(c.series(), c.partners())) {
                data.upsert(new Observation(id.indicator(), REGION, id.sector(), id.adjustment(), c.frequency(), p,
                        BigDecimal.valueOf(100 + i % 7), "count", "test", Obs.V1), 100_000, 100_000, null);
            }
        }
        return data;
    }

    private static List<SeriesId> concat(SeriesId id, List<SeriesId> more) {
        List<SeriesId> r = new ArrayList<>(List.of(id));
        r.addAll(more);
        return r;
    }

    private static boolean anyPoint(Case c, RegionSeries data) {
        for (LocalDate t = data.firstSeen(c.series()); !t.isAfter(data.latest(c.series())); t = t.plusDays(1)) {
            if (c.metric().compute(data, REGION, c.series().sector(), t).isPresent()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aSilentMetricHasNoPointAndTheFirstSpanLongEnoughIsNotSilent() {
        List<Case> cases = silentMetrics();
        assertTrue(cases.size() >= 14, "the catalogue's lagged metrics and the Sahm gap: " + cases.size());
        for (Case c : cases) {
            String what = c.metric().name() + " of " + c.series();
            for (int n = 1; n <= c.lookBack() + 1; n++) {
                RegionSeries data = filled(c, n);
                boolean silent = c.metric().silentWhile(c.series(), data.firstSeen(c.series()), data.latest(c.series()));
                // Silent for every span shorter than the look-back, and not at the look-back itself.
                assertEquals(n <= c.lookBack(), silent, what + " over " + n + " periods");
                if (silent) {
                    assertFalse(anyPoint(c, data), what + " said silent over " + n + " periods but has a point");
                }
            }
            // Not silent for nothing: a week further (daily postings emit on Saturdays only) there is a point.
            RegionSeries longer = filled(c, c.lookBack() + 1 + (c.frequency() == Frequency.DAILY ? 7 : 0));
            assertTrue(anyPoint(c, longer), what + " has no point over " + (c.lookBack() + 1) + " periods");
        }
    }

    /** The metric itself, without its {@link Metric#silentWhile}: the engine evaluates it always. */
    private static final class Loud extends ForwardingMetric {
        private static final long serialVersionUID = 1L;

        Loud(Metric inner) {
            super(inner);
        }

        @Override
        public boolean silentWhile(SeriesId series, LocalDate first, LocalDate newest) {
            return false;
        }
    }

    /**
     * Series that start, cross their metrics' look-backs, have gaps filled late, revisions, a
     * partner arriving months behind, and an older start arriving last.
     */
    private static List<Observation> history() {
        List<Observation> os = new ArrayList<>();
        LocalDate m0 = LocalDate.of(2022, 1, 1);
        for (int i = 0; i < 18; i++) {
            if (i != 6) {
                os.add(Obs.of("unemployment_rate", REGION, "all", "sa", Frequency.MONTHLY, m0.plusMonths(i), "4." + i % 10,
                        "percent", Obs.V1));
                os.add(Obs.of("unemployment_rate", REGION, "naics:23", "nsa", Frequency.MONTHLY, m0.plusMonths(i),
                        "5." + i % 10, "percent", Obs.V1));
            }
            if (i >= 3) {
                os.add(Obs.of("unemployed", REGION, "all", "sa", Frequency.MONTHLY, m0.plusMonths(i), String.valueOf(900 + i),
                        "count", Obs.V1));
            }
            if (i >= 3 && i % 4 == 0) {
                // The labor force arrives behind, four months at a time.
                for (int k = i - 4 < 3 ? 3 : i - 3; k <= i; k++) {
                    os.add(Obs.of("labor_force", REGION, "all", "sa", Frequency.MONTHLY, m0.plusMonths(k),
                            String.valueOf(20_000 + k), "count", Obs.V1));
                }
            }
        }
        os.add(Obs.of("unemployment_rate", REGION, "all", "sa", Frequency.MONTHLY, m0.plusMonths(6), "4.6", "percent", Obs.V2));
        os.add(Obs.of("unemployment_rate", REGION, "all", "sa", Frequency.MONTHLY, m0.plusMonths(2), "4.9", "percent", Obs.V2));
        LocalDate w0 = start(Frequency.WEEKLY).minusYears(2);
        while (!Frequency.WEEKLY.fits(w0)) {
            w0 = w0.plusDays(1);
        }
        for (int i = 0; i < 60; i++) {
            if (i % 13 != 5) {
                os.add(Obs.of("initial_claims", REGION, "all", "nsa", Frequency.WEEKLY, w0.plusWeeks(i),
                        String.valueOf(1000 + 17 * i % 90), "count", Obs.V1));
            }
        }
        os.add(Obs.of("initial_claims", REGION, "all", "nsa", Frequency.WEEKLY, w0.plusWeeks(5), "1234", "count", Obs.V2));
        os.add(Obs.of("initial_claims", REGION, "all", "nsa", Frequency.WEEKLY, w0.minusWeeks(1), "999", "count", Obs.V2));
        os.add(Obs.of("unemployment_rate", REGION, "all", "sa", Frequency.MONTHLY, m0.minusMonths(1), "3.9", "percent", Obs.V2));
        return os;
    }

    private static List<MetricPoint> streamed(MetricEngine engine, List<Observation> os) {
        RegionSeries data = new RegionSeries();
        List<MetricPoint> emitted = new ArrayList<>();
        os.forEach(o -> emitted.addAll(engine.apply(data, o).points()));
        return emitted;
    }

    private static List<MetricPoint> deferred(MetricEngine engine, List<Observation> os) {
        RegionSeries data = new RegionSeries();
        Deferred deferred = new Deferred();
        List<MetricPoint> emitted = new ArrayList<>();
        os.forEach(o -> emitted.addAll(engine.apply(data, o, deferred).points()));
        emitted.addAll(engine.flush(data, REGION, deferred));
        return emitted;
    }

    /**
     * The loud engine re-emits a point it emitted before where a series' first value makes a metric
     * list a slot it has a point at from another series (the first {@code unemployed} month lists
     * the TUR of that month, computed from the rates): before the value the slot was not listed, so
     * the unchanged point counted as new. The engine skipping silent metrics leaves these repeats
     * out, and only these: it emits what the loud engine emits in the same order, less points equal
     * to the last one emitted for their metric, indicator, sector and period.
     */
    @Test
    void skippingSilentMetricsLeavesOutOnlyRepeatsOfUnchangedPoints() {
        List<Metric> loud = MetricCatalogue.all().stream().<Metric>map(Loud::new).toList();
        List<Observation> os = history();
        List<MetricPoint> expected = streamed(new MetricEngine(loud), os);
        assertTrue(expected.size() > 100, "the history yields points of the lagged metrics: " + expected.size());
        List<MetricPoint> actual = streamed(MetricEngine.standard(), os);
        assertTrue(expected.size() > withoutRepeats(expected).size(), "the history has a repeat to leave out");
        assertSame("streaming", withoutRepeats(expected), withoutRepeats(actual));
        assertSame("streaming, repeats", expected, actual, withoutRepeats(expected).size());
        List<MetricPoint> expectedDeferred = deferred(new MetricEngine(loud), os);
        List<MetricPoint> actualDeferred = deferred(MetricEngine.standard(), os);
        assertSame("deferred composites", withoutRepeats(expectedDeferred), withoutRepeats(actualDeferred));
        assertSame("deferred composites, repeats", expectedDeferred, actualDeferred, withoutRepeats(expectedDeferred).size());
    }

    /** The points in order, less each equal to the last one kept for its metric, indicator, sector and period. */
    private static List<MetricPoint> withoutRepeats(List<MetricPoint> points) {
        java.util.Map<List<Object>, MetricPoint> last = new java.util.HashMap<>();
        List<MetricPoint> r = new ArrayList<>();
        for (MetricPoint p : points) {
            if (!p.equals(last.put(List.of(p.metric(), p.indicator(), p.sector(), p.period()), p))) {
                r.add(p);
            }
        }
        return r;
    }

    /** The same points in the same order, or the first difference (the lists are long to print). */
    private static void assertSame(String what, List<MetricPoint> expected, List<MetricPoint> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertEquals(expected.get(i), actual.get(i), what + ": point " + i + " of " + expected.size());
        }
        assertEquals(expected.size(), actual.size(), what + ": points emitted");
    }

    /** {@code actual} is {@code expected} with some points left out, and at least {@code atLeast} long. */
    private static void assertSame(String what, List<MetricPoint> expected, List<MetricPoint> actual, int atLeast) {
        int i = 0;
        for (MetricPoint p : actual) {
            while (i < expected.size() && !expected.get(i).equals(p)) {
                i++;
            }
            assertTrue(i < expected.size(), what + ": " + p + " is not in the loud engine's points, in order");
            i++;
        }
        assertTrue(actual.size() >= atLeast, what + ": " + actual.size() + " points, fewer than " + atLeast);
    }
}
