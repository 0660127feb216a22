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
                + "DOL ETA 539 2019-2025) through the job on a local Flink mini cluster, print the trigger "
                + "timeline, and write out/triggers.jsonl, out/metrics.lp and out/dead-letter.jsonl.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--data", paramLabel = "DIR", description = "Bundled data directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "${env:LABORWATCH_HOME:-.}/data")
    Path data;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: ${DEFAULT-VALUE}).",
            defaultValue = "out")
    Path out;

    @Option(names = "--parallelism", paramLabel = "N", description = "Mini cluster parallelism (default: ${DEFAULT-VALUE}).",
            defaultValue = "2")
    int parallelism;

    @Option(names = "--policy", paramLabel = "ID", split = ",",
            description = "Bundled policies to run (default: all bundled: ${DEFAULT-VALUE}).",
            defaultValue = "sahm-national,sahm-state,eb-iur,eb-iur-6,eb-tur,ai-exposed-claims,disruption-index")
    List<String> policies;

    /** How much of the timeline to print. */
    enum TimelineDetail { COMPACT, FULL }

    @Option(names = "--timeline", paramLabel = "compact|full", defaultValue = "compact",
            description = "compact condenses policies with many events by year; full prints every event (default: ${DEFAULT-VALUE}).")
    TimelineDetail timeline;

    @picocli.CommandLine.Mixin
    InfluxOptions influx = new InfluxOptions();

    @picocli.CommandLine.Mixin
    ValidationOptions validation = new ValidationOptions();

    @Override
    public Integer call() throws Exception {
        PrintStream console = System.out;
        if (parallelism < 1) {
            throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
        }
        if (!Files.isDirectory(data)) {
            throw new IllegalArgumentException("--data " + data + " is not a directory (the bundled data lives in data/)");
        }
        ValidationRules rules = validation.rules(); // a bad --extra-regions file fails before any work
        List<Policy> running = new ArrayList<>();
        for (String id : policies) {
            running.add(BundledPolicies.load(id));
        }
        Files.createDirectories(out);
        long started = System.nanoTime();

        console.println("Replaying the bundled real data:");
        Path observations = out.resolve("observations.jsonl");
        long replayed = replay(observations, console);

        Path triggers = fresh(out.resolve("triggers.jsonl"));
        Path metrics = fresh(out.resolve("metrics.lp"));
        Path deadLetters = fresh(out.resolve("dead-letter.jsonl"));

        StreamExecutionEnvironment env = LocalEnvironments.create(parallelism, out.resolve(".tmp"));
        wire(env, observations, triggers, metrics, deadLetters, running, influx, rules);
        console.printf("Running the job graph on a local Flink mini cluster (parallelism %d)...%n", parallelism);
        env.execute("laborwatch demo");

        List<TriggerEvent> events = readEvents(triggers);
        events.sort(TriggerTimeline.ORDER);
        writeEvents(triggers, events);

        console.println();
        console.println("Trigger timeline (policies: " + String.join(", ", policies) + ")");
        TriggerTimeline.print(events, timeline == TimelineDetail.FULL, console);
        console.println();
        console.println("Summary");
        TriggerTimeline.summarize(events, console);
        console.println();
        LatestReadings.print(metrics, console);
        console.println();
        long metricLines = countLines(metrics);
        Map<String, Integer> reasons = deadLetterReasons(deadLetters);
        console.printf("%,d observations replayed, %,d metric points, %,d trigger events, %,d dead letters %s%n",
                replayed, metricLines, events.size(), reasons.values().stream().mapToInt(i -> i).sum(), reasons);
        console.printf("Wrote %s, %s, %s in %.1f s%n", triggers, metrics, deadLetters, (System.nanoTime() - started) / 1e9);
        if (influx.enabled()) {
            console.printf("Wrote the observation, metric and trigger measurements to InfluxDB at %s (bucket %s)%n",
                    influx.url, influx.bucket);
        }
        return 0;
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
        influx.addTo(sinks, System.getenv());
        LaborwatchPipeline.build(source, LaborwatchPipeline.noPolicyUpdates(env), policies, sinks.build(), rules);
    }

    /** Reads the bundled files into JSON lines, as `replay` would send them to Kafka. */
    private long replay(Path target, PrintStream console) throws IOException {
        long total = 0;
        try (BufferedWriter w = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            for (DemoData.Input in : DemoData.INPUTS) {
                Path file = data.resolve(in.file());
                long[] count = {0};
                ReadReport report;
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    report = in.format().reader(in.options()).read(r, in.file(), o -> {
                        try {
                            w.write(Json.write(o));
                            w.write('\n');
                            count[0]++;
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                }
                total += count[0];
                console.printf("  %-62s %,8d observations (%s)%n", in.file(), count[0], in.format().formatName());
                report.notes().forEach(n -> console.println("      note: " + n));
            }
            Path bad = data.resolve(DemoData.BAD_RECORDS);
            if (Files.exists(bad)) {
                long n = 0;
                for (String line : Files.readAllLines(bad, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        w.write(line);
                        w.write('\n');
                        n++;
                    }
                }
                total += n;
                console.printf("  %-62s %,8d deliberately broken records%n", DemoData.BAD_RECORDS, n);
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

    private static long countLines(Path p) throws IOException {
        try (var lines = Files.lines(p)) {
            return lines.count();
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
