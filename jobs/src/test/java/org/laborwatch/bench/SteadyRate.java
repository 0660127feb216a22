package org.laborwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;
import org.laborwatch.job.LaborwatchPipeline;

/**
 * The rate of a bounded pipeline run while it runs: the records into the series-state operator
 * (Flink's {@code numRecordsIn} of every subtask), sampled every 20 ms while the job runs, and the
 * rate between the moments 20 % and 90 % of them had arrived. The run's first seconds are not a
 * steady state even after warm-ups: the previous run's end (end of input, the final checkpoint)
 * deoptimizes hot methods of the job's path, which the first records then run uncompiled until the
 * JIT has compiled them again (#13's seventh part). A reporter in the bench's JVM holds the counters;
 * found through {@code META-INF/services}, enabled by {@link #enable}.
 */
public final class SteadyRate {

    /** The operator whose input is counted: every valid observation passes it once. */
    static final String OPERATOR = LaborwatchPipeline.NAME_METRICS;

    private static final List<Counter> COUNTERS = new CopyOnWriteArrayList<>();

    private SteadyRate() {}

    /** Adds the reporter to a mini cluster's configuration (next to the reporters already named). */
    static void enable(Configuration conf) {
        String named = conf.getString("metrics.reporters", "");
        conf.setString("metrics.reporters", named.isEmpty() ? "rate" : named + ",rate");
        conf.setString("metrics.reporter.rate.factory.class", Factory.class.getName());
    }

    /** Samples the counted records from now until {@link Sampler#stop}. */
    static Sampler start() {
        COUNTERS.clear();
        return new Sampler();
    }

    /** One sample: nanoseconds since the sampler started, records counted so far. */
    record Sample(long nanos, long records) {}

    /** A thread that samples the counted records every 20 ms. */
    static final class Sampler {
        private final List<Sample> samples = new ArrayList<>();
        private final long t0 = System.nanoTime();
        private volatile boolean stopped;
        private final Thread thread = new Thread(this::run, "bench steady-rate sampler");

        private Sampler() {
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!stopped) {
                long n = 0;
                for (Counter c : COUNTERS) {
                    n += c.getCount();
                }
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime() - t0, n));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
        }

        /** Stops sampling and returns the samples. */
        List<Sample> stop() throws InterruptedException {
            stopped = true;
            thread.join();
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }
    }

    /**
     * Seconds from the first sample with the final count (the last record into the series state)
     * to the last sample (the run's end): the final checkpoint and shutdown. Flink triggers one
     * checkpoint when every task has reached the end of its data; a task still finishing after the
     * previous checkpoint declines it ("tasks not ready"), and the job then waits for the next
     * periodic checkpoint, up to one interval (#13's ninth part). NaN without records.
     */
    static double tailSeconds(List<Sample> samples) {
        if (samples.isEmpty() || samples.get(samples.size() - 1).records() == 0) {
            return Double.NaN;
        }
        Sample end = samples.get(samples.size() - 1);
        for (Sample s : samples) {
            if (s.records() >= end.records()) {
                return (end.nanos() - s.nanos()) / 1e9;
            }
        }
        throw new AssertionError("the last sample has the final count");
    }

    /**
     * Records per second between the first samples at or above {@code from} and {@code to} of the
     * final count; NaN when the samples do not tell (too few records, or both in one sample).
     */
    static double rate(List<Sample> samples, double from, double to) {
        if (samples.isEmpty()) {
            return Double.NaN;
        }
        long total = samples.get(samples.size() - 1).records();
        Sample a = null;
        Sample b = null;
        for (Sample s : samples) {
            if (a == null && s.records() >= from * total) {
                a = s;
            }
            if (b == null && s.records() >= to * total) {
                b = s;
            }
        }
        if (total == 0 || a == null || b == null || b.nanos() <= a.nanos()) {
            return Double.NaN;
        }
        return (b.records() - a.records()) / ((b.nanos() - a.nanos()) / 1e9);
    }

    /** Creates the reporter; named in the configuration by class. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new Reporter();
        }
    }

    private static final class Reporter implements MetricReporter {
        @Override
        public void open(MetricConfig config) {}

        @Override
        public void close() {}

        @Override
        public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
            if (name.equals("numRecordsIn") && metric instanceof Counter c
                    && OPERATOR.equals(group.getAllVariables().get("<operator_name>"))) {
                COUNTERS.add(c);
            }
        }

        @Override
        public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {}
    }
}
