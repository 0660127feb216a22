package org.laborwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Pattern;

/**
 * Where a pipeline run's CPU went, by thread: the CPU time of every Java thread of the bench's JVM,
 * sampled every 100 ms while the run lasts (a task's threads end with the job, and a thread's time
 * cannot be read after it ended: sampling loses at most its last 100 ms), grouped by name, and the
 * rest of the process's CPU, which the collector's and the JIT's threads spend (they are not Java
 * threads the management interface lists). The tenth part of #13 measured this once with a script
 * reading {@code /proc}; a run that took twice its warm-ups' CPU (#13's eighth and thirteenth parts)
 * could not say where, which this line now does for every measured run.
 */
final class ThreadCpu {

    /** A subtask's index and attempt ("(1/2)#0") and other numbers: one group per kind of thread. */
    private static final Pattern SUBTASK = Pattern.compile(" \\(\\d+/\\d+\\)(#\\d+)?");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    /** Flink names a task thread after its chain of operators, which can be long. */
    private static final int NAME_WIDTH = 70;

    private ThreadCpu() {}

    /** The group a thread's CPU counts in: its name without subtask indexes and numbers, shortened. */
    static String group(String threadName) {
        String g = NUMBER.matcher(SUBTASK.matcher(threadName).replaceAll("")).replaceAll("N").strip();
        return g.length() > NAME_WIDTH ? g.substring(0, NAME_WIDTH) : g;
    }

    /**
     * Each group's CPU seconds from the first to the last sample of its threads, the largest first:
     * a thread first seen after the start counts from 0 (it started during the run).
     *
     * @param start each thread's CPU nanoseconds when the run started, by thread id
     * @param last each thread's last sampled CPU nanoseconds, by thread id
     * @param names each thread's name, by thread id
     */
    static Map<String, Double> byGroup(Map<Long, Long> start, Map<Long, Long> last, Map<Long, String> names) {
        Map<String, Double> seconds = new HashMap<>();
        for (Map.Entry<Long, Long> e : last.entrySet()) {
            long delta = e.getValue() - start.getOrDefault(e.getKey(), 0L);
            if (delta > 0) {
                seconds.merge(group(names.get(e.getKey())), delta / 1e9, Double::sum);
            }
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        seconds.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * The report: the {@code top} groups with their seconds and share of the process's CPU, then the
     * other Java threads together, then what no Java thread accounts for (collector, JIT, the VM).
     */
    static String table(Map<String, Double> groups, double processSeconds, int top) {
        StringBuilder out = new StringBuilder();
        double javaThreads = 0;
        int shown = 0;
        double others = 0;
        for (Map.Entry<String, Double> e : groups.entrySet()) {
            javaThreads += e.getValue();
            if (shown++ < top) {
                out.append(line(e.getKey(), e.getValue(), processSeconds));
            } else {
                others += e.getValue();
            }
        }
        if (others > 0) {
            out.append(line("(the other Java threads)", others, processSeconds));
        }
        out.append(line("(no Java thread: the collector, the JIT, the VM)", Math.max(0, processSeconds - javaThreads),
                processSeconds));
        return out.toString();
    }

    private static String line(String name, double seconds, double processSeconds) {
        return String.format(Locale.ROOT, "  %-" + NAME_WIDTH + "s %6.2f s %4.0f %%%n", name, seconds,
                100 * seconds / Math.max(1e-9, processSeconds));
    }

    /** Samples every thread's CPU time from now until {@link Sampler#stop}. */
    static Sampler start() {
        return new Sampler();
    }

    /** A thread that reads every Java thread's CPU time every 100 ms. */
    static final class Sampler {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        private final Map<Long, Long> start = new HashMap<>();
        private final Map<Long, Long> last = new HashMap<>();
        private final Map<Long, String> names = new HashMap<>();
        private volatile boolean stopped;
        private final Thread thread = new Thread(this::run, "bench thread-cpu sampler");

        private Sampler() {
            sample(start);
            last.putAll(start);
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (!stopped) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                sample(last);
            }
        }

        private void sample(Map<Long, Long> into) {
            for (long id : THREADS.getAllThreadIds()) {
                long cpu = THREADS.getThreadCpuTime(id);
                if (cpu < 0) {
                    continue; // ended since the list was taken
                }
                if (!names.containsKey(id)) {
                    // Without a stack (depth 0) this reads no thread's stack and stops none.
                    ThreadInfo info = THREADS.getThreadInfo(id, 0);
                    if (info == null) {
                        continue;
                    }
                    names.put(id, info.getThreadName());
                }
                into.put(id, cpu);
            }
        }

        /** Stops sampling, takes a last sample, and returns each group's CPU seconds since the start. */
        Map<String, Double> stop() throws InterruptedException {
            stopped = true;
            thread.join();
            sample(last);
            return byGroup(start, last, names);
        }
    }

    /** The groups as a list of name and seconds, for the bench's JSON. */
    static List<Map<String, Object>> asList(Map<String, Double> groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        groups.forEach((name, seconds) -> out.add(Map.of("threads", name, "cpu_seconds", seconds)));
        return out;
    }
}
