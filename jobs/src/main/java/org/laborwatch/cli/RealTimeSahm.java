package org.laborwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.laborwatch.backtest.Backtest;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.metrics.MetricCatalogue;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.SahmGap;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.policy.Policy;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.ReleaseOrder;

/**
 * The demo's "Sahm rule in real time" section: the national Sahm gap of one year as each Employment
 * Situation release first published it (FRED's SAHMREALTIME) next to what today's data say, with
 * sahm-national's decisions on each.
 *
 * <p>A real-time {@link Backtest} replays the bundled ALFRED UNRATE vintages, release by release,
 * and then FRED's April 2026 vintage (after BLS's January 2026 annual revision) as the latest
 * release. Plain Java over one metric, so it takes a fraction of a second next to the demo's Flink
 * job, which stays on its own inputs (about 0.1 s once the JVM is warm, 1 to 2 s as the first work
 * of a cold JVM on two busy cores: the demo computes it after the job).
 */
final class RealTimeSahm {

    /** The UNRATE vintages, one column per release 2000-2025. */
    static final String VINTAGES = "alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv";
    /** Today's data: the newest vintage bundled. */
    static final String TODAY = "fred_UNRATE_monthly_1948-2026_vintage2026-04.csv";
    static final int YEAR = 2024;

    /**
     * One month of the section.
     *
     * @param period the month
     * @param realTime the gap as first published, or null
     * @param realTimeDecision ENTER or EXIT decided in real time, or null
     * @param today the gap on today's data, or null
     * @param todayDecision ENTER or EXIT on today's data, or null
     */
    record Month(LocalDate period, BigDecimal realTime, Transition realTimeDecision, BigDecimal today,
            Transition todayDecision) {

        String text() {
            return period.toString().substring(0, 7) + " " + value(realTime, realTimeDecision) + " / "
                    + value(today, todayDecision);
        }

        private static String value(BigDecimal v, Transition decision) {
            return (v == null ? "-" : v.toPlainString()) + (decision == null ? "" : " " + decision.name());
        }
    }

    private RealTimeSahm() {}

    /**
     * Checks that both bundled files are there and readable, before any work.
     *
     * @throws IllegalArgumentException naming the missing or unreadable file
     */
    static void checkInputs(Path data) {
        InputFile.check("--data", data.resolve(VINTAGES));
        InputFile.check("--data", data.resolve(TODAY));
    }

    /**
     * Replays the two bundled files from {@code data} and returns the months of {@link #YEAR}.
     *
     * @throws IllegalArgumentException when a file is missing or not of its format (naming it)
     */
    static List<Month> compute(Path data) throws IOException {
        Policy sahm = BundledPolicies.load("sahm-national");
        Backtest realTime = Backtest.asPublished(List.of(sahm), new MetricEngine(MetricCatalogue.named(SahmGap.NAME)));
        List<Observation> vintages = new ArrayList<>();
        InputFile.read("--data", data.resolve(VINTAGES), PublishedFormat.byName("alfred-vintages"),
                ReaderOptions.defaults(), vintages::add);
        List<Observation> latestVintage = new ArrayList<>();
        InputFile.read("--data", data.resolve(TODAY), PublishedFormat.byName("fred"), ReaderOptions.defaults(), latestVintage::add);
        // In publication order, as every command replays several files: FRED's April 2026 vintage comes last.
        ReleaseOrder.merge(List.of(vintages, latestVintage)).forEach(realTime::accept);
        realTime.finish();
        Backtest today = realTime.latestData();
        NavigableMap<LocalDate, BigDecimal> published = realTime.series(SahmGap.NAME, "US", "all");
        NavigableMap<LocalDate, BigDecimal> latest = today.series(SahmGap.NAME, "US", "all");
        Map<LocalDate, Transition> publishedDecisions = decisions(realTime);
        Map<LocalDate, Transition> latestDecisions = decisions(today);
        List<Month> months = new ArrayList<>();
        for (LocalDate m = LocalDate.of(YEAR, 1, 1); m.getYear() == YEAR; m = m.plusMonths(1)) {
            months.add(new Month(m, published.get(m), publishedDecisions.get(m), latest.get(m), latestDecisions.get(m)));
        }
        return months;
    }

    private static Map<LocalDate, Transition> decisions(Backtest b) {
        Map<LocalDate, Transition> byPeriod = new HashMap<>();
        for (TriggerEvent e : b.events()) {
            if (e.region().equals("US") && (e.transition() == Transition.ENTER || e.transition() == Transition.EXIT)) {
                byPeriod.put(e.period(), e.transition());
            }
        }
        return byPeriod;
    }

    /** Prints the section: a title, then the months four to a line. */
    static void print(List<Month> months, PrintStream out) {
        out.println("Sahm rule in real time (FRED SAHMREALTIME) vs today's data, " + YEAR
                + " (sahm_gap as first published / on FRED's April 2026 vintage; ENTER, EXIT: sahm-national):");
        for (int i = 0; i < months.size(); i += 4) {
            List<String> line = new ArrayList<>();
            months.subList(i, Math.min(i + 4, months.size())).forEach(m -> line.add(m.text()));
            out.println("  " + String.join(", ", line));
        }
    }
}
