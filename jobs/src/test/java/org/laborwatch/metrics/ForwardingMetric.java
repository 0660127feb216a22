package org.laborwatch.metrics;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.laborwatch.contract.MetricPoint;

/** A metric that answers everything as another one does; tests override what they observe or change. */
public abstract class ForwardingMetric implements Metric {

    private static final long serialVersionUID = 1L;

    final Metric inner;

    protected ForwardingMetric(Metric inner) {
        this.inner = inner;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public boolean dependsOn(SeriesId series) {
        return inner.dependsOn(series);
    }

    @Override
    public int window(SeriesId series) {
        return inner.window(series);
    }

    @Override
    public Set<SeriesId> partners(SeriesId series) {
        return inner.partners(series);
    }

    @Override
    public boolean composite() {
        return inner.composite();
    }

    @Override
    public boolean needsEverySeries() {
        return inner.needsEverySeries();
    }

    @Override
    public boolean silentWhile(SeriesId series, LocalDate first, LocalDate newest) {
        return inner.silentWhile(series, first, newest);
    }

    @Override
    public Collection<Slot> affected(SeriesId series, LocalDate period, RegionSeries data) {
        return inner.affected(series, period, data);
    }

    @Override
    public Optional<MetricPoint> compute(RegionSeries data, String region, String sector, LocalDate period) {
        return inner.compute(data, region, sector, period);
    }
}
