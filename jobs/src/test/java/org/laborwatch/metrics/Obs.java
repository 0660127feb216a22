package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;

/** Test observations, built as the readers build them, and an engine that keeps the final points. */
final class Obs {

    private Obs() {}

    static final LocalDate V1 = LocalDate.of(2026, 1, 5);
    static final LocalDate V2 = LocalDate.of(2026, 2, 5);

    static Observation of(String indicator, String region, String sector, String adjustment, Frequency f,
            LocalDate period, String value, String unit, LocalDate vintage) {
        return new Observation(indicator, region, sector, adjustment, f, period, new BigDecimal(value), unit, "test", vintage);
    }

    static Observation rate(String region, LocalDate month, String value, LocalDate vintage) {
        return of("unemployment_rate", region, "all", "sa", Frequency.MONTHLY, month, value, "percent", vintage);
    }

    static LocalDate month(String yyyyMm) {
        return LocalDate.parse(yyyyMm + "-01");
    }

    /** Runs observations through an engine, keeping the last point per metric, indicator, sector and period. */
    static final class Run {
        final MetricEngine engine;
        final RegionSeries data;
        final Map<String, MetricPoint> points = new TreeMap<>();
        final List<MetricPoint> emitted = new ArrayList<>();

        Run(Metric... metrics) {
            this(new MetricEngine(List.of(metrics)), new RegionSeries());
        }

        private Run(MetricEngine engine, RegionSeries data) {
            this.engine = engine;
            this.data = data;
        }

        /** Another region through the same engine (its metric instances), as the keys of one subtask. */
        Run anotherRegion() {
            return new Run(engine, new RegionSeries());
        }

        /** This run going on from its state as a savepoint restores it (its saved bytes read back), with its points. */
        Run restored() {
            try {
                Run r = new Run(engine, RegionSeries.readFrom(new java.io.DataInputStream(
                        new java.io.ByteArrayInputStream(org.laborwatch.state.GoldenBytes.bytes(data::writeTo)))));
                r.points.putAll(points);
                r.emitted.addAll(emitted);
                return r;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        MetricEngine.Result apply(Observation o) {
            MetricEngine.Result r = engine.apply(data, o);
            for (MetricPoint p : r.points()) {
                points.put(key(p.metric(), p.indicator(), p.sector(), p.period()), p);
                emitted.add(p);
            }
            return r;
        }

        Run applyAll(List<Observation> os) {
            os.forEach(this::apply);
            return this;
        }

        MetricPoint get(String metric, String indicator, String sector, LocalDate period) {
            return points.get(key(metric, indicator, sector, period));
        }

        BigDecimal value(String metric, String indicator, String sector, LocalDate period) {
            MetricPoint p = get(metric, indicator, sector, period);
            if (p == null || !p.isAvailable()) {
                throw new AssertionError("no value for " + metric + " " + indicator + " " + sector + " " + period + ": " + p);
            }
            return p.value();
        }

        private static String key(String metric, String indicator, String sector, LocalDate period) {
            return metric + "|" + indicator + "|" + sector + "|" + period;
        }
    }
}
