package org.laborwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/**
 * Busy time per subtask of each task (a chain of operators) of a mini-cluster job, from Flink's
 * own {@code accumulateBusyTimeMs} gauge (the time a subtask spent processing, as opposed to idle
 * or back-pressured; {@code busyTimeMsPerSecond} is its rate). A metric reporter in the bench's JVM
 * reads each gauge when its task ends, so a bounded job's totals are complete when it finishes.
 * Found through {@code META-INF/services}; enabled per job by {@link #enable}.
 */
public final class BusyTime {

    /** Final totals of the finished subtasks: task name -> subtask index -> ms busy, idle, back-pressured. */
    private static final Map<String, Map<Integer, long[]>> FINISHED = new ConcurrentHashMap<>();

    private BusyTime() {}

    /** Adds the reporter to a mini cluster's configuration and forgets earlier jobs' totals. */
    static void enable(Configuration conf) {
        conf.setString("metrics.reporters", "busy");
        conf.setString("metrics.reporter.busy.factory.class", Factory.class.getName());
        FINISHED.clear();
    }

    /** One subtask's totals. */
    record Subtask(String task, int index, long busyMs, long idleMs, long backPressuredMs) {}

    /** The totals of every subtask that finished since {@link #enable}, by task then subtask. */
    static List<Subtask> finished() {
        List<Subtask> out = new ArrayList<>();
        new TreeMap<>(FINISHED).forEach((task, subtasks) -> new TreeMap<>(subtasks).forEach(
                (i, t) -> out.add(new Subtask(task, i, t[0], t[1], t[2]))));
        return out;
    }

    /** A table of the subtasks' busy time and, per task, the busiest subtask's share of the task's busy time. */
    static String table(List<Subtask> subtasks, double runSeconds) {
        StringBuilder b = new StringBuilder();
        Map<String, List<Subtask>> byTask = new TreeMap<>();
        subtasks.forEach(s -> byTask.computeIfAbsent(s.task(), k -> new ArrayList<>()).add(s));
        byTask.forEach((task, list) -> {
            long total = list.stream().mapToLong(Subtask::busyMs).sum();
            long max = list.stream().mapToLong(Subtask::busyMs).max().orElse(0);
            b.append(String.format(Locale.ROOT, "  %-70.70s busy ms per subtask %s; busiest %.0f %% of the task's busy time,"
                    + " %.0f %% of the run%n", task,
                    list.stream().map(s -> s.index() + ":" + s.busyMs()).toList(),
                    total == 0 ? 0.0 : 100.0 * max / total, 100.0 * max / 1000 / runSeconds));
        });
        return b.toString();
    }

    /** Creates the reporter; named in the configuration by class. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }

    private static final class Reporter implements MetricReporter {
        private static final List<String> NAMES = List.of("accumulateBusyTimeMs", "accumulateIdleTimeMs",
                "accumulateBackPressuredTimeMs");

        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {}

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
            int which = NAMES.indexOf(name);
            if (which < 0 || !(metric instanceof Gauge<?> g) || !(g.getValue() instanceof Number n)) {
                return;
            }
            Map<String, String> v = group.getAllVariables();
            String task = v.get("<task_name>");
            String index = v.get("<subtask_index>");
            if (task == null || index == null) {
                return;
            }
            FINISHED.computeIfAbsent(task, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(Integer.parseInt(index), k -> new long[3])[which] = n.longValue();
        }
    }
}
