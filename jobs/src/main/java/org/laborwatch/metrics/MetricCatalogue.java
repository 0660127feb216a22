package org.laborwatch.metrics;

import java.util.List;

/** The metrics the job computes. */
public final class MetricCatalogue {

    private MetricCatalogue() {}

    /** Every implemented metric, in a fixed order so output order is deterministic. */
    public static List<Metric> all() {
        return List.of(new SahmGap(), new InsuredUnemploymentRate(), new IurLookback());
    }
}
