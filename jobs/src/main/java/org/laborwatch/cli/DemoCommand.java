package org.laborwatch.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.LineProtocol;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.contract.ValidationRules;
import org.laborwatch.io.LineFileSink;
import org.laborwatch.io.RawLinesFormat;
import org.laborwatch.job.LaborwatchPipeline;
import org.laborwatch.job.LocalEnvironments;
import org.laborwatch.job.PipelineSinks;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.readers.ReadReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch demo}: replays the bundled real data through the job graph on a local mini
 * cluster, prints the trigger timeline, and writes the outputs to files. No server needed.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Replay the bundled real data (national unemployment 1948-2023, state LAUS 1976-2023, "
                + "DOL ETA 539 and ETA 203 2019-2025, Census BTOS AI use, Indeed national postings, the OECD unemployment rates of "
                + "35 countries and 4 groups 1989-2023, and seven broken "
                + "records) through the job on a local Flink mini cluster with every bundled policy, print the trigger "
                + "timeline, the latest AI-era readings and the Sahm rule of 2024 in real time (the ALFRED UNRATE "
                + "vintages as each release published them) next to today's data, and write out/triggers.jsonl, out/metrics.lp, "
                + "out/dead-letter.jsonl and out/observations.jsonl (each replaced only when the job has completed).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Bundled data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:LABORWATCH_HOME:-.}/data")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "out")
    Path out;

    @Option(names = "--parallelism", paramLabel = "N", description = "Mini cluster parallelism (default: one per two"
            + " cores of this machine, at least 1).")
    Integer parallelism;

    /**
     * One parallel instance per two cores: each keeps two threads busy (validating the records and
     * the series state), so on a 2-core machine parallelism 2 only adds threads competing for the
     * cores (the demo took 30-31 s there at 2, 25.6-25.9 s at 1, with the same outputs).
     */
    static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    @Option(names = "--policy", paramLabel = "ID", split = ",",
            description = "Bundled policies to run (default: all bundled: ${DEFAULT-VALUE}).",
            defaultValue = "sahm-national,sahm-state,eb-iur,eb-iur-6,eb-tur,ai-exposed-claims,disruption-index,sahm-countries")
    List<String> policies;

    /** How much of the timeline to print. */
    enum TimelineDetail { COMPACT, FULL }

    @Option(names = "--timeline", paramLabel = "compact|full", defaultValue = "compact",
            description = "compact condenses policies with many events by year; full prints every event (default: ${DEFAULT-VALUE}).")
    TimelineDetail timeline;

    @picocli.CommandLine.Mixin
    InfluxOptions influx = new InfluxOptions();

    @picocli.CommandLine.Mixin
    ProgressOption progress = new ProgressOption();

    /** How the job is run: a testing seam (tests cancel it midway), not a flag. */
    interface JobRun {
        /** Runs the job in {@code env} to completion; {@code written} counts the lines the sinks wrote so far. */
        void run(StreamExecutionEnvironment env, LongSupplier written) throws Exception;
    }

    /** Testing seams, not flags: the job run and the bundled inputs replayed (tests replay a few). */
    JobRun jobRun = (env, written) -> env.execute("laborwatch demo");
    List<DemoData.Input> inputs = DemoData.INPUTS;

    private final AtomicLong replayedSoFar = new AtomicLong();

    @picocli.CommandLine.Mixin
    ValidationOptions validation = new ValidationOptions();

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        if (parallelism == null) {
            parallelism = defaultParallelism();
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory (the bundled data lives in data/)");
        }
        ValidationRules rules = validation.rules(); // a bad --extra-regions file fails before any work
        RealTimeSahm.checkInputs(data); // a missing vintage file fails before the Flink job runs
        influx.checkWriteApi();
        List<Policy> running = new ArrayList<>();
        for (String id : policies) {
            running.add(BundledPolicies.load(id));
        }
        String log = FrameworkLog.announcement();
        if (log != null) {
            console.println(log);
        }
        Path observationsOut = out.resolve("observations.jsonl");
        Path triggersOut = out.resolve("triggers.jsonl");
        Path metricsOut = out.resolve("metrics.lp");
        Path deadLettersOut = out.resolve("dead-letter.jsonl");
        MetricPointsFile.Deduplicated points;
        long replayed;
        // Everything is written in a staging directory under out/ (the mini cluster's temp files
        // too) and moved into place only when complete: Ctrl-C or a failure leaves the previous
        // outputs as they were, and no temporary directory.
        try (StagedOutputs staged = StagedOutputs.in(out); ProgressReporter status = progress.reporter(console)) {
            Path observations = staged.stage(observationsOut);
            Path triggers = fresh(staged.stage(triggersOut));
            Path metrics = staged.stage(metricsOut);
            Path metricWrites = fresh(staged.directory().resolve("metric-writes.lp"));
            Path deadLetters = fresh(staged.stage(deadLettersOut));

            status.phase("reading inputs", "records", replayedSoFar::get);
            status.println("Replaying the bundled real data:");
            replayed = replay(observations, status);

            LongSupplier written = () -> LineFileSink.linesAppended(triggers) + LineFileSink.linesAppended(metricWrites)
                    + LineFileSink.linesAppended(deadLetters);
            status.println(String.format("Running the job graph on a local Flink mini cluster (parallelism %d)...",
                    parallelism));
            status.phase("running the job", "records written", written);
            status.tickEvery(250);
            StreamExecutionEnvironment env = LocalEnvironments.create(parallelism, staged.directory().resolve("flink-tmp"));
            wire(env, observations, triggers, metricWrites, deadLetters, running, influx, rules);
            try {
                jobRun.run(env, written);
            } catch (Exception e) {
                status.close();
                System.err.println("laborwatch: the demo job failed: " + rootCause(e) + "; the previous outputs in "
                        + out + " are unchanged" + FrameworkLog.seeTheLog());
                return 1;
            }

            AtomicLong filesDone = new AtomicLong();
            status.phase("writing outputs", "files", filesDone::get);
            List<TriggerEvent> sorted = readEvents(triggers);
            sorted.sort(TriggerTimeline.ORDER);
            writeEvents(triggers, sorted);
            filesDone.incrementAndGet();
            points = MetricPointsFile.lastWritePerPoint(metricWrites, metrics);
            filesDone.incrementAndGet();
            staged.commit();
            filesDone.addAndGet(2);
            status.stop();

            List<TriggerEvent> events = readEvents(triggersOut);
            console.println();
            console.println("Trigger timeline (policies: " + String.join(", ", policies) + ")");
            TriggerTimeline.print(events, timeline == TimelineDetail.FULL, console);
            console.println();
            console.println("Summary");
            TriggerTimeline.summarize(events, console);
            console.println();
            LatestReadings.print(metricsOut, console);
            console.println();
            // Computed once the job has run: the JVM is warm by then, and it takes a fraction of a second.
            long sahmStarted = System.nanoTime();
            List<RealTimeSahm.Month> realTimeSahm = RealTimeSahm.compute(data);
            RealTimeSahm.print(realTimeSahm, console);
            console.printf("  (the ALFRED releases and FRED's April 2026 vintage replayed in plain Java in %.2f s)%n",
                    (System.nanoTime() - sahmStarted) / 1e9);
            console.println();
            Map<String, Integer> reasons = deadLetterReasons(deadLettersOut);
            console.printf("%,d observations replayed, %,d metric points (%,d writes), %,d trigger events, %,d dead letters %s%n",
                    replayed, points.points(), points.writes(), events.size(),
                    reasons.values().stream().mapToInt(i -> i).sum(), reasons);
            console.printf("National roll-ups: %,d points, %,d writes; the most written point: %,d writes (%s)%n",
                    points.rollupPoints(), points.rollupWrites(), points.mostWrites(), points.mostWritten());
            console.printf("Wrote %s, %s, %s, %s%n", observationsOut, triggersOut, metricsOut, deadLettersOut);
            if (influx.enabled()) {
                console.printf("Wrote the observation, metric and trigger measurements to InfluxDB at %s (bucket %s)%n",
                        influx.url, influx.bucket);
            }
            status.finish("demo");
        }
        return 0;
    }

    /** The innermost cause: Flink wraps a task's failure in several layers of its own. */
    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** The demo's wiring: the observations file in, files out, the bundled policies, no updates. */
    static void wire(StreamExecutionEnvironment env, Path observations, Path triggers, Path metrics, Path deadLetters,
            List<Policy> policies) {
        wire(env, observations, triggers, metrics, deadLetters, policies, new InfluxOptions(), ValidationRules.defaults());
    }

    /** The demo's wiring, also writing to InfluxDB when {@code influx} has a URL. */
    static void wire(StreamExecutionEnvironment env, Path observations, Path triggers, Path metrics, Path deadLetters,
            List<Policy> policies, InfluxOptions influx, ValidationRules rules) {
        DataStream<RawRecord> source = env.fromSource(
                FileSource.forRecordStreamFormat(new RawLinesFormat("observations.jsonl"),
                        new org.apache.flink.core.fs.Path(observations.toAbsolutePath().toUri())).build(),
                WatermarkStrategy.noWatermarks(), "bundled observations").uid("source-observations");
        PipelineSinks.Builder sinks = PipelineSinks.builder()
                        // Distinct lambdas, not Json::write twice: javac conflates serializable
                        // method references that differ only in their instantiated type.
                        .triggers(new LineFileSink<TriggerEvent>(triggers, (TriggerEvent e) -> Json.write(e)))
                        .metrics(new LineFileSink<MetricPoint>(metrics, (MetricPoint p) -> LineProtocol.metric(p)))
                        .deadLetters(new LineFileSink<DeadLetter>(deadLetters, (DeadLetter d) -> Json.write(d)));
        // Lines InfluxDB refuses go to the same file (writers of one path share it).
        influx.addTo(sinks, System.getenv(), new LineFileSink<DeadLetter>(deadLetters, (DeadLetter d) -> Json.write(d)));
        LaborwatchPipeline.build(source, policies, sinks.build(), rules);
    }

    /** Reads the bundled files into JSON lines, as `replay` would send them to Kafka. */
    private long replay(Path target, ProgressReporter console) throws IOException {
        long total = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (DemoData.Input in : inputs) {
                Path file = data.resolve(in.file());
                long[] count = {0};
                long[] leftOut = {0};
                ReadReport report;
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    report = in.format().reader(in.options()).read(r, in.file(), o -> {
                        if (in.leftOut().contains(o.region())) {
                            leftOut[0]++;
                            return;
                        }
                        try {
                            w.write(Json.write(o));
                            w.write('\n');
                            count[0]++;
                            replayedSoFar.incrementAndGet();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
                total += count[0];
                console.println(String.format("  %-62s %,8d observations (%s)", in.file(), count[0],
                        in.format().formatName()));
                report.notes().forEach(n -> console.println("      note: " + n));
                if (leftOut[0] > 0) {
                    console.println(String.format("      note: %,d observations of %s left out: another input supplies"
                            + " the same series", leftOut[0], String.join(", ", in.leftOut())));
                }
            }
            Path bad = data.resolve(DemoData.BAD_RECORDS);
            if (Files.exists(bad)) {
                long n = 0;
                for (String line : Files.readAllLines(bad, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        w.write(line);
                        w.write('\n');
                        n++;
                        replayedSoFar.incrementAndGet();
                    }
                }
                total += n;
                console.println(String.format("  %-62s %,8d deliberately broken records", DemoData.BAD_RECORDS, n));
            }
        }
        return total;
    }

    private static Path fresh(Path p) throws IOException {
        Files.deleteIfExists(p);
        Files.createFile(p);
        return p;
    }

    private static List<TriggerEvent> readEvents(Path p) throws IOException {
        List<TriggerEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            events.add(Json.read(line, TriggerEvent.class));
        }
        return events;
    }

    private static void writeEvents(Path p, List<TriggerEvent> events) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            for (TriggerEvent e : events) {
                w.write(Json.write(e));
                w.write('\n');
            }
        }
    }

    private static Map<String, Integer> deadLetterReasons(Path p) throws IOException {
        Map<String, Integer> reasons = new TreeMap<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            reasons.merge(Json.mapper().readTree(line).path("reason").asText(), 1, Integer::sum);
        }
        return reasons;
    }
}
