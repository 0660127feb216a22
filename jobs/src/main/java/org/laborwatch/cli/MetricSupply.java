package org.laborwatch.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.laborwatch.metrics.Metric;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.SeriesId;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.SeriesSpec;

/**
 * Which inputs a metric reads and which formats supply them, derived from the metrics' own
 * {@link Metric#dependsOn} and the formats' own {@link PublishedFormat#yields}, so the answer
 * cannot drift from the code that computes and reads. Used to say why a metric came out empty.
 */
final class MetricSupply {

    private MetricSupply() {}

    /** {@code indicator (adjustment)} the metric reads → the formats that yield it, in catalogue order. */
    static Map<String, Set<String>> inputs(String metric) {
        List<Metric> instances = MetricCatalogue.named(metric);
        Map<String, Set<String>> byInput = new TreeMap<>();
        for (PublishedFormat f : PublishedFormat.values()) {
            for (SeriesSpec s : f.yields()) {
                SeriesId id = new SeriesId(s.indicator(), s.sector(), s.adjustment());
                if (instances.stream().anyMatch(m -> m.dependsOn(id))) {
                    byInput.computeIfAbsent(label(s.indicator(), s.adjustment()), k -> new LinkedHashSet<>())
                            .add(f.formatName());
                }
            }
        }
        return byInput;
    }

    /** How the inputs are named in messages: {@code unemployment_rate (sa)}. */
    static String label(String indicator, String adjustment) {
        return indicator + " (" + adjustment + ")";
    }

    /**
     * Why {@code metric} produced nothing from inputs that held the series in {@code present}
     * ({@link #label} form): what it reads that was absent and which formats supply it, or, when all
     * were there (one, for a metric that needs any one of them), that they were too short or too
     * sparse for it.
     */
    static String whyNothing(String metric, Collection<String> present) {
        return whyNothing(metric, present, null);
    }

    /**
     * {@link #whyNothing(String, Collection)} for a policy that watches only {@code regions} (null:
     * every region): a backtest computes a metric only where a policy reads it, so when the input
     * has every series, the history it lacks may be that of the regions watched.
     */
    static String whyNothing(String metric, Collection<String> present, List<String> regions) {
        Map<String, Set<String>> inputs = inputs(metric);
        List<String> absent = new ArrayList<>();
        inputs.forEach((input, formats) -> {
            if (!present.contains(input)) {
                absent.add(input + " (formats: " + String.join(", ", formats) + ")");
            }
        });
        if (inputs.isEmpty()) {
            return metric + " reads no series any format yields";
        }
        if (absent.size() == inputs.size()) {
            return metric + " reads " + (needsEverySeries(metric) ? "" : "any of ") + String.join(", ", absent)
                    + "; the input has none of them";
        }
        if (!absent.isEmpty() && needsEverySeries(metric)) {
            return metric + " reads " + String.join(", ", inputs.keySet()) + "; the input lacks "
                    + String.join(", ", absent);
        }
        if (!absent.isEmpty()) {
            List<String> held = inputs.keySet().stream().filter(present::contains).toList();
            return metric + " reads any of " + String.join(", ", inputs.keySet()) + "; the input has "
                    + String.join(", ", held) + ", but not enough history for any period of it" + watched(regions);
        }
        return metric + " reads " + String.join(", ", inputs.keySet())
                + ", which the input has, but not enough history for any period of it" + watched(regions);
    }

    private static String watched(List<String> regions) {
        return regions == null ? "" : " in the regions the policy watches (" + String.join(", ", regions) + ")";
    }

    /**
     * Whether {@code present} ({@link #label} form) has what {@code metric} needs to read: every
     * series it reads, or one of them for a metric that does not need them all.
     */
    static boolean hasItsInputs(String metric, Collection<String> present) {
        Map<String, Set<String>> inputs = inputs(metric);
        return !inputs.isEmpty() && (needsEverySeries(metric) ? present.containsAll(inputs.keySet())
                : inputs.keySet().stream().anyMatch(present::contains));
    }

    private static boolean needsEverySeries(String metric) {
        return MetricCatalogue.named(metric).stream().allMatch(Metric::needsEverySeries);
    }

    /** The series in {@code present}, for messages. */
    static String list(Collection<String> present) {
        return present.isEmpty() ? "nothing" : present.stream().sorted().collect(Collectors.joining(", "));
    }
}
