package org.laborwatch.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.backtest.BacktestChart;
import org.laborwatch.backtest.Episode;
import org.laborwatch.backtest.RealTimeComparison;
import org.laborwatch.backtest.RecessionRecord;
import org.laborwatch.backtest.RegionReplay;
import org.laborwatch.contract.Observation;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.readers.PublishedFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code laborwatch backtest}: runs policies over history through the same metric and trigger code
 * as the job, and reports every episode, a summary, and a chart.
 */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = "Run policies over published history with the job's own metric and trigger code: one row per "
                + "episode (CSV), a summary table, and PNG charts: one panel per condition of the policy (each metric "
                + "against its enter and exit thresholds) with the ON periods and NBER recessions (when an input "
                + "carries USREC) shaded, and for a policy over several regions a regions x time chart of the ON "
                + "periods.")
public final class BacktestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "ID|FILE",
            description = "A bundled policy id (${COMPLETION-CANDIDATES}) or a YAML/JSON policy file; repeatable.",
            completionCandidates = BundledIds.class)
    List<String> policies;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "A published data file; repeatable "
            + "(several are replayed release by release, in publication order across the files).")
    List<Path> inputs;

    @Option(names = "--format", required = true, paramLabel = "FORMAT",
            description = "The format of each --input, in order (one format applies to all): ${COMPLETION-CANDIDATES}.",
            completionCandidates = FormatNames.class)
    List<String> formats;

    @Option(names = "--vintage", paramLabel = "YYYY-MM-DD|-",
            description = "Publication date of the values, for inputs whose name carries no _vintageYYYY-MM[-DD] "
                    + "(the LAUS state file, a plain FRED download): one for every --input, or one per --input in "
                    + "order (- for an input that dates its values itself).")
    List<String> vintages;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Write the episodes here (default: standard output).")
    Path out;

    @Option(names = "--chart", paramLabel = "FILE.png", description = "Draw the first policy for one region: one panel "
            + "per metric its conditions compare, with the enter, exit and tier thresholds, ON periods shaded orange "
            + "and NBER recessions grey. When the policy decided more than one region, also write FILE-regions.png "
            + "next to it: one row per region (sorted by first ON period, never-ON regions last), ON periods as bars.")
    Path chart;

    @Option(names = "--region", paramLabel = "REGION",
            description = "Region to chart (default: US when the policy covers it, else the region ON longest); "
                    + "must be one the inputs have data for.")
    String region;

    /** The bundled policy ids, for help. */
    static final class BundledIds extends ArrayList<String> {
        BundledIds() {
            super(BundledPolicies.ids());
        }
    }

    /** The format names, for help. */
    static final class FormatNames extends ArrayList<String> {
        FormatNames() {
            for (PublishedFormat f : PublishedFormat.values()) {
                add(f.formatName());
            }
        }
    }

    @Option(names = "--as-published",
            description = "Decide in real time: each period on its value as first published (after the whole release "
                    + "that first made it computable), when that release came out, as a monitor would have decided that "
                    + "day. The inputs must be vintages in publication order (alfred-vintages, rtdsm, bls-state-release, "
                    + "alfred-first-release; several files are merged release by release). The episodes written are the real-time ones; "
                    + "the summary adds \"Real time vs latest data\": each real-time episode next to the one the values "
                    + "after the last release give, and what moves (dates that shift, episodes that appear or vanish).")
    boolean asPublished;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads replaying the inputs, region by region (default: one per processor). The answer is "
                    + "the same for any number.")
    int threads = Runtime.getRuntime().availableProcessors();

    @picocli.CommandLine.Mixin
    ProgressOption progress = new ProgressOption();

    @Override
    public Integer call() throws IOException {
        PrintStream console = System.out;
        PublishedInputs published;
        try {
            published = PublishedInputs.of(inputs, formats, vintages);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        // Everything the user can get wrong is checked before the inputs are read.
        if (threads < 1) {
            throw new ParameterException(spec.commandLine(), "--threads must be at least 1, not " + threads);
        }
        OutputPath.check("--out", out);
        OutputPath.check("--chart", chart);
        published.check();
        AtomicLong records = new AtomicLong();
        List<Policy> running = new ArrayList<>();
        for (String p : policies) {
            running.add(Files.exists(Path.of(p)) ? PolicyParser.parseFile(Path.of(p)) : BundledPolicies.load(p));
        }
        long started = System.nanoTime();
        // Refuses a policy set it cannot run (a breadth policy without its source) before reading anything.
        RegionReplay replay = RegionReplay.builder().policies(running).engines(MetricEngine::standard)
                .asPublished(asPublished).threads(threads).progress(records).build();
        Backtest backtest;
        AtomicLong filesRead = new AtomicLong();
        // Progress on stderr: standard output may carry the episodes CSV.
        ProgressReporter status = progress.reporter(System.err);
        status.tickEvery(250);
        try {
            List<Observation> observations = published.read((in, i) -> {
                status.phase(String.format("reading file %d of %d, %s", i + 1, inputs.size(), in.path().getFileName()),
                        "files read", filesRead::get);
                filesRead.set(i);
            });
            filesRead.set(inputs.size());
            status.phase("replaying in publication order", "records in all", records::get);
            try {
                // Region by region on every core; the same answer as one observation after another.
                backtest = replay.run(observations);
            } catch (Backtest.PublicationOrderException e) {
                status.close();
                PrintWriter err = spec.commandLine().getErr();
                err.println("laborwatch: --as-published: " + published.describe() + ": " + e.getMessage());
                err.flush();
                return 1;
            }
            status.stop();
        } finally {
            status.close();
        }
        if (!InputCoverage.report(backtest, running, region, spec.commandLine().getErr())) {
            return 1;
        }
        List<Episode> episodes = backtest.episodes();
        writeEpisodes(episodes, console);
        summarize(backtest, episodes, running, console);
        if (asPublished) {
            Backtest latest = backtest.latestData();
            compareWithLatest(RealTimeComparison.compare(episodes, latest.episodes(), backtest::frequency), console);
        }
        if (chart != null) {
            Policy first = running.get(0);
            String chartRegion = region != null ? region : chartRegion(first, episodes);
            // Drawn next to their destination and moved into place: an interrupted run leaves the previous charts.
            try (StagedOutputs staged = StagedOutputs.in(parentOf(chart))) {
                BacktestChart.write(staged.stage(chart), backtest, first, chartRegion, "all");
                int regions = backtest.regions(first.id(), "all").size();
                Path regionsChart = regionsChartPath(chart);
                if (regions > 1) {
                    BacktestChart.writeRegions(staged.stage(regionsChart), backtest, first, "all");
                }
                staged.commit();
                console.printf("Chart of %s for %s written to %s%n", first.id(), chartRegion, chart);
                if (regions > 1) {
                    console.printf("Chart of %s over %d regions written to %s%n", first.id(), regions, regionsChart);
                }
            }
        }
        console.printf("%,d files, %,d observations, %,d events, %,d episodes in %.1f s%n", filesRead.get(),
                backtest.observations(), backtest.events().size(), episodes.size(), (System.nanoTime() - started) / 1e9);
        return 0;
    }

    private void writeEpisodes(List<Episode> episodes, PrintStream console) throws IOException {
        if (out == null) {
            console.println(Episode.CSV_HEADER);
            episodes.forEach(e -> console.println(e.csv()));
            console.println();
            return;
        }
        try (StagedOutputs staged = StagedOutputs.in(parentOf(out))) {
            try (BufferedWriter w = Files.newBufferedWriter(staged.stage(out), StandardCharsets.UTF_8)) {
                w.write(Episode.CSV_HEADER);
                w.write('\n');
                for (Episode e : episodes) {
                    w.write(e.csv());
                    w.write('\n');
                }
            }
            staged.commit();
        }
        console.printf("%d episodes written to %s%n", episodes.size(), out);
    }

    /** The directory of an output file, the working directory for a bare name. */
    static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    private static void summarize(Backtest backtest, List<Episode> episodes, List<Policy> running, PrintStream console) {
        console.printf("%-18s  %8s  %7s  %12s  %12s  %12s%n", "policy", "episodes", "regions", "median len", "first on",
                "last on");
        for (Policy p : running) {
            List<Episode> mine = episodes.stream().filter(e -> e.policy().equals(p.id())).toList();
            long regions = mine.stream().map(Episode::region).distinct().count();
            List<Long> lengths = mine.stream().map(Episode::durationPeriods).sorted().toList();
            console.printf("%-18s  %8d  %7d  %12s  %12s  %12s%n", p.id(), mine.size(), regions,
                    lengths.isEmpty() ? "-" : lengths.get(lengths.size() / 2) + " periods",
                    mine.isEmpty() ? "-" : mine.stream().map(Episode::enterPeriod).min(Comparator.naturalOrder()).get(),
                    mine.isEmpty() ? "-" : mine.stream().map(Episode::enterPeriod).max(Comparator.naturalOrder()).get());
        }
        List<Episode> national = episodes.stream().filter(e -> e.region().equals("US")).toList();
        RecessionRecord recessions = backtest.recessions();
        if (!national.isEmpty() && recessions != null && !backtest.recessionMonths().isEmpty()) {
            console.println();
            console.println("National episodes against NBER recessions (negative: the policy led the recession start):");
            for (Episode e : national) {
                console.printf("  %-16s on %s .. %s  %s%n", e.policy(), e.enterPeriod(),
                        e.exitPeriod() == null ? "still on" : e.exitPeriod(), recessions.judge(e.enterPeriod()).text());
            }
        }
    }

    /** The "Real time vs latest data" section: both runs' episodes side by side, then a count of what moves. */
    static void compareWithLatest(List<RealTimeComparison.Row> rows, PrintStream console) {
        console.println();
        console.println("Real time vs latest data (real time: each period decided on the release that first published it;"
                + " latest data: on the values after the last release):");
        console.printf("  %-18s  %-7s  %-10s  %-26s  %-26s  %s%n", "policy", "region", "sector", "real time on .. off",
                "latest data on .. off", "what moves");
        for (RealTimeComparison.Row r : rows) {
            console.printf("  %-18s  %-7s  %-10s  %-26s  %-26s  %s%n", r.policy(), r.region(), r.sector(), spell(r.realTime()),
                    spell(r.latest()), r.moves());
        }
        long moved = rows.stream().filter(RealTimeComparison.Row::moved).count();
        long realTimeOnly = rows.stream().filter(r -> r.latest() == null).count();
        long latestOnly = rows.stream().filter(r -> r.realTime() == null).count();
        if (rows.isEmpty()) {
            console.println("  no episodes in either");
        } else if (moved == 0) {
            console.printf("  nothing moves: the %d episodes are the same on the latest data%n", rows.size());
        } else {
            console.printf("  %d of %d episodes move: %d with dates that shift, %d only in real time, %d only on the latest"
                    + " data%n", moved, rows.size(), moved - realTimeOnly - latestOnly, realTimeOnly, latestOnly);
        }
    }

    private static String spell(Episode e) {
        return e == null ? "-" : e.enterPeriod() + " .. " + (e.exitPeriod() == null ? "still on" : e.exitPeriod());
    }

    /** {@code chart.png} → {@code chart-regions.png}, in the same directory. */
    static Path regionsChartPath(Path chart) {
        String name = chart.getFileName().toString();
        String stem = name.toLowerCase(java.util.Locale.ROOT).endsWith(".png") ? name.substring(0, name.length() - 4) : name;
        return chart.resolveSibling(stem + "-regions.png");
    }

    private static String chartRegion(Policy policy, List<Episode> episodes) {
        if (policy.scope().covers("US", "all")) {
            return "US";
        }
        Map<String, Long> onTime = new TreeMap<>();
        episodes.stream().filter(e -> e.policy().equals(policy.id()))
                .forEach(e -> onTime.merge(e.region(), e.durationPeriods(), Long::sum));
        return onTime.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("US");
    }
}
