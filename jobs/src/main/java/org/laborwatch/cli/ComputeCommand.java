package org.laborwatch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.metrics.AsPublished;
import org.laborwatch.metrics.Deferred;
import org.laborwatch.metrics.Metric;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.readers.PublishedFormat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch compute}: reads one or several published files and computes metrics over them
 * with the job's own {@link MetricEngine} (one {@link RegionSeries} per region, observations in
 * {@link org.laborwatch.readers.ReleaseOrder}: release by release, in publication order across the
 * files), then writes the final (or, with {@code --as-published}, the first published) value of
 * every (metric, indicator, region, sector, period) as CSV. No Flink.
 */
@Command(name = "compute", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = "Compute metrics over one or several published files (replayed release by release in "
                + "publication order across the files) with the job's metric code and write CSV "
                + "(metric,indicator,region,sector,period,value,status,reason: the final value of each point; an "
                + "unavailable point has an empty value, status unavailable and the reason, such as "
                + "'unemployment_rate (sa) missing for 2025-10'), sorted by metric, region, sector, period, indicator. "
                + "Exits 1 when the input yields none of the metrics, with what they read and which formats supply it.")
public final class ComputeCommand implements Callable<Integer> {

    static final String HEADER = "metric,indicator,region,sector,period,value,status,reason";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "A published file to read; repeatable (several files are replayed release by release, in "
                    + "publication order across them).")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "The format of each --input, in order, or one for all (listed below).")
    List<String> formats;

    @Option(names = "--metric", paramLabel = "NAME", required = true,
            description = "A metric to compute (repeatable; listed below).")
    List<String> metrics;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the CSV here (default: standard output).")
    Path out;

    @Option(names = "--vintage", paramLabel = "YYYY-MM-DD|-",
            description = "Publication date of the values, stamped on every observation (default: from a file name "
                    + "ending _vintageYYYY-MM[-DD].csv, or per row for eta539, eta203 and btos; required otherwise). Refused by "
                    + "alfred-vintages, alfred-first-release, rtdsm and bls-state-release, which date every value themselves. "
                    + "One for every --input, or one per --input in order (- for an input that dates its values itself).")
    List<String> vintages;

    @Option(names = "--as-published",
            description = "Write each point as first computed, after the whole release that first made its period "
                    + "computable (what a monitor would have said that day), instead of its latest value; same "
                    + "columns. Each input must be in publication order, as the vintage formats (alfred-vintages, rtdsm, "
                    + "bls-state-release, alfred-first-release) emit it; several are merged release by release. A period "
                    + "never computed keeps its latest, unavailable, point.")
    boolean asPublished;

    /** The formats and metrics, for the help footer (picocli formats it: %n is a line break). */
    static String footer() {
        StringBuilder b = new StringBuilder("%nFormats:%n");
        for (PublishedFormat f : PublishedFormat.values()) {
            b.append(line(f.formatName(), f.description(), 22));
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
        PublishedInputs published;
        try {
            published = PublishedInputs.of(inputs, formats, vintages);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
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
        OutputPath.check("--out", out);
        published.check();
        Computed computed;
        try {
            computed = compute(published.read(), selected, asPublished);
        } catch (AsPublishedOrderException e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("laborwatch: --as-published: " + published.describe() + ": " + e.getMessage());
            err.flush();
            return 1;
        }
        PrintWriter err = spec.commandLine().getErr();
        List<String> missing = names.stream().filter(n -> !computed.metrics().contains(n)).toList();
        for (String name : missing) {
            err.println("laborwatch: no " + name + " from " + published.describe() + ": "
                    + MetricSupply.whyNothing(name, computed.series()) + ". The input has "
                    + MetricSupply.list(computed.series()) + ".");
        }
        if (missing.size() == names.size()) {
            err.println("laborwatch: nothing computed; see `laborwatch compute --help` for the formats and metrics");
            err.flush();
            return 1;
        }
        if (out == null) {
            PrintWriter w = spec.commandLine().getOut();
            write(computed.points(), w);
            w.flush();
        } else {
            // Written next to its destination and moved into place: never a half-written CSV.
            try (StagedOutputs staged = StagedOutputs.in(BacktestCommand.parentOf(out))) {
                try (Writer w = Files.newBufferedWriter(staged.stage(out), StandardCharsets.UTF_8)) {
                    write(computed.points(), w);
                }
                staged.commit();
            }
            err.println("laborwatch: wrote " + computed.points().size() + " metric points to " + out);
        }
        err.flush();
        return 0;
    }

    /**
     * What the inputs gave.
     *
     * @param points the final point per (metric, region, sector, period, indicator), in that order
     * @param metrics the names of the metrics with at least one point
     * @param series the input series the files held, as {@link MetricSupply#label}
     */
    record Computed(Map<List<String>, MetricPoint> points, Set<String> metrics, Set<String> series) {}

    /** An input whose vintages go back in time within a region, so "first computed" has no meaning. */
    static final class AsPublishedOrderException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AsPublishedOrderException(String message) {
            super(message);
        }
    }

    /**
     * The metrics over {@code observations}, taken in the order given (the commands give them in
     * {@link org.laborwatch.readers.ReleaseOrder}); with {@code asPublished}, each point is the one
     * first computed after a whole release ({@link AsPublished}, one per region, as regions are
     * independent), or the latest point of a period that never had a value.
     */
    static Computed compute(List<Observation> observations, List<Metric> metrics,
            boolean asPublished) {
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
        Set<String> names = new TreeSet<>();
        Set<String> series = new TreeSet<>();
        Map<String, AsPublished> trackers = new HashMap<>();
        Map<String, Deferred> deferred = new HashMap<>();
        java.util.function.Consumer<MetricPoint> keep = p -> {
            names.add(p.metric());
            points.put(List.of(p.metric(), p.region(), p.sector(), p.period().toString(), p.indicator()), p);
        };
        observations.forEach(o -> {
            series.add(MetricSupply.label(o.indicator(), o.adjustment()));
            RegionSeries data = regions.computeIfAbsent(o.region(), k -> new RegionSeries());
            AsPublished tracker = trackers.computeIfAbsent(o.region(), k -> new AsPublished());
            // Composite metrics once per month of input (Deferred); as published, each release at once.
            Deferred wait = asPublished ? null : deferred.computeIfAbsent(o.region(), k -> new Deferred());
            for (MetricPoint p : engine.apply(data, o, wait).points()) {
                keep.accept(p);
                if (asPublished) {
                    try {
                        tracker.accept(p);
                    } catch (IllegalArgumentException e) {
                        throw new AsPublishedOrderException(e.getMessage());
                    }
                }
            }
        });
        deferred.forEach((region, wait) -> engine.flush(regions.get(region), region, wait).forEach(keep));
        if (asPublished) {
            for (AsPublished tracker : trackers.values()) {
                tracker.finish();
            }
            points.replaceAll((key, latest) -> trackers.get(latest.region())
                    .asPublished(AsPublished.Key.of(latest)).orElse(latest));
        }
        return new Computed(points, names, series);
    }

    static void write(Map<List<String>, MetricPoint> points, Writer w) throws IOException {
        w.write(HEADER);
        w.write('\n');
        try (SequenceWriter rows = CSV.writeValues(w)) {
            for (MetricPoint p : points.values()) {
                rows.write(new String[] {p.metric(), p.indicator(), p.region(), p.sector(), p.period().toString(),
                    p.isAvailable() ? p.value().toPlainString() : "", p.status().jsonName(),
                    p.reason() == null ? "" : p.reason()});
            }
        }
    }

    /** Quotes a cell only when it needs it (a reason listing several periods has commas). */
    private static final ObjectWriter CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build()
            .writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n"));
}
