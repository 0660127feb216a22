package org.laborwatch.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.policy.Policy;

/**
 * Says, after a backtest has read its inputs, which policies had none of the metrics they read
 * (with what those metrics read and which formats supply it) and whether the region asked for has
 * data: a policy over the wrong file is reported, never a silent empty result.
 */
final class InputCoverage {

    private InputCoverage() {}

    /**
     * Writes a line to {@code err} per policy that got none of its metrics and for a region without
     * data.
     *
     * @return false when nothing can be reported: no policy got any of its metrics, or the region
     *     asked for has no data
     */
    static boolean report(Backtest backtest, List<Policy> policies, String region, PrintWriter err) {
        Set<String> computed = backtest.metricsComputed();
        Set<String> read = new TreeSet<>();
        backtest.seriesRead().forEach(s -> read.add(MetricSupply.label(s.indicator(), s.adjustment())));
        int starved = 0;
        for (Policy p : policies) {
            Set<String> lacking = new TreeSet<>(p.metrics());
            lacking.removeAll(computed);
            if (lacking.size() < p.metrics().size()) {
                continue;
            }
            starved++;
            err.println("laborwatch: policy " + p.id() + " has no input: the inputs produce none of " + p.metrics() + ".");
            // A backtest computes a policy's metrics only in the regions it watches.
            boolean watchesNone = backtest.regions().stream().noneMatch(p.scope()::coversRegion);
            if (watchesNone) {
                err.println("  it watches " + String.join(", ", p.scope().regions()) + "; the inputs have data for "
                        + abbreviated(backtest.regions()) + " only");
            }
            for (String metric : lacking) {
                if (!watchesNone || !MetricSupply.hasItsInputs(metric, read)) {
                    err.println("  " + MetricSupply.whyNothing(metric, read, p.scope().regions()));
                }
            }
        }
        boolean ok = true;
        if (starved == policies.size()) {
            err.println("laborwatch: nothing to backtest; give --input files that supply the metrics above "
                    + "(the inputs have " + MetricSupply.list(read) + ")");
            ok = false;
        } else if (starved > 0) {
            err.println("laborwatch: warning: " + starved + " of " + policies.size()
                    + " policies had no input; the results below are for the others");
        }
        if (region != null && !backtest.regions().contains(region)) {
            err.println("laborwatch: --region " + region + ": the inputs have no data for it; regions with data: "
                    + String.join(", ", backtest.regions()));
            ok = false;
        }
        err.flush();
        return ok;
    }

    /** Regions for a message: the first ten, and how many more. */
    private static String abbreviated(Set<String> regions) {
        List<String> first = regions.stream().limit(10).toList();
        return String.join(", ", first) + (regions.size() > first.size() ? " and " + (regions.size() - first.size()) + " more" : "");
    }
}
