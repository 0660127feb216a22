package org.laborwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.metrics.Metric;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch compute}: reads a published file and computes metrics over it with the job's
 * own {@link MetricEngine} (one {@link RegionSeries} per region, observations in file order), then
 * writes the final value of every (metric, indicator, region, sector, period) as CSV. No Flink.
 */
@Command(name = "compute", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = "Compute metrics over a published file with the job's metric code and write CSV "
                + "(metric,indicator,region,sector,period,value; the final value of each point, an empty value "
                + "when unavailable), sorted by metric, region, sector, period, indicator.")
public final class ComputeCommand implements Callable<Integer> {

    static final String HEADER = "metric,indicator,region,sector,period,value";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true, description = "The published file to read.")
    Path input;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "Its format (listed below).")
    String format;

    @Option(names = "--metric", paramLabel = "NAME", required = true,
            description = "A metric to compute (repeatable; listed below).")
    List<String> metrics;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the CSV here (default: standard output).")
    Path out;

    @Option(names = "--vintage", paramLabel = "YYYY-MM-DD",
            description = "Publication date to stamp on every observation (default: from the file name or rows).")
    String vintage;

    /** The formats and metrics, for the help footer (picocli formats it: %n is a line break). */
    static String footer() {
        StringBuilder b = new StringBuilder("%nFormats:%n");
        for (PublishedFormat f : PublishedFormat.values()) {
            b.append(line(f.formatName(), f.description(), 12));
        }
        b.append("%nMetrics:%n");
        MetricCatalogue.definitions().forEach((name, def) -> b.append(line(name, def, 28)));
        b.append("%nExample:%n  ./laborwatch compute --input data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv "
                + "--format fred --metric sahm_gap --metric tur_3mo --out sahm.csv%n");
        return b.toString();
    }

    private static String line(String name, String text, int width) {
        StringBuilder b = new StringBuilder("  ").append(name);
        b.append(" ".repeat(Math.max(1, width - name.length())));
        return b.append(text.replace("%", "%%")).append("%n").toString();
    }

    @Override
    public Integer call() throws IOException {
        PublishedFormat published;
        try {
            published = PublishedFormat.byName(format);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: " + e.getMessage());
        }
        Set<String> names = new LinkedHashSet<>(metrics);
        List<Metric> selected = new ArrayList<>();
        for (String name : names) {
            List<Metric> m = MetricCatalogue.named(name);
            if (m.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--metric: unknown metric '" + name
                        + "'; known: " + String.join(", ", MetricCatalogue.definitions().keySet()));
            }
            selected.addAll(m);
        }
        ReaderOptions options = ReaderOptions.defaults();
        if (vintage != null) {
            try {
                options = ReaderOptions.withVintage(LocalDate.parse(vintage));
            } catch (DateTimeParseException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--vintage: not a date YYYY-MM-DD: '" + vintage + "'");
            }
        }
        if (!Files.isRegularFile(input)) {
            throw new IllegalArgumentException("--input " + input + " is not a file");
        }
        Map<List<String>, MetricPoint> points = compute(input, published, options, selected);
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            write(points, w);
            w.flush();
        } else {
            // Written next to its destination and moved into place: never a half-written CSV.
            try (StagedOutputs staged = StagedOutputs.in(BacktestCommand.parentOf(out))) {
                try (Writer w = Files.newBufferedWriter(staged.stage(out), StandardCharsets.UTF_8)) {
                    write(points, w);
                }
                staged.commit();
            }
            spec.commandLine().getErr().println("laborwatch: wrote " + points.size() + " metric points to " + out);
            spec.commandLine().getErr().flush();
        }
        return 0;
    }

    /** The final point per (metric, region, sector, period, indicator), in that order. */
    static Map<List<String>, MetricPoint> compute(Path input, PublishedFormat format, ReaderOptions options,
            List<Metric> metrics) throws IOException {
        MetricEngine engine = new MetricEngine(metrics);
        Map<String, RegionSeries> regions = new HashMap<>();
        Comparator<List<String>> byFields = (a, b) -> {
            for (int i = 0; i < a.size(); i++) {
                int c = a.get(i).compareTo(b.get(i));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
        Map<List<String>, MetricPoint> points = new TreeMap<>(byFields);
        try (Reader r = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            format.reader(options).read(r, input.getFileName().toString(), o -> {
                RegionSeries data = regions.computeIfAbsent(o.region(), k -> new RegionSeries());
                for (MetricPoint p : engine.apply(data, o).points()) {
                    points.put(List.of(p.metric(), p.region(), p.sector(), p.period().toString(), p.indicator()), p);
                }
            });
        }
        return points;
    }

    static void write(Map<List<String>, MetricPoint> points, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        for (MetricPoint p : points.values()) {
            w.write(p.metric() + "," + p.indicator() + "," + p.region() + "," + p.sector() + "," + p.period() + ","
                    + (p.isAvailable() ? p.value().toPlainString() : "") + "\n");
        }
    }
}
