package org.laborwatch.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.laborwatch.policy.MetricNames;
import org.laborwatch.reference.CountryCodes;

/**
 * The demo's view of the AI-era and sector metrics: for each, the latest period and the regions or
 * sectors at both ends, read back from the line protocol the job wrote (what a dashboard would show).
 */
final class LatestReadings {

    private static final Pattern LINE = Pattern.compile(
            "^metric,(?:indicator=[^,]+,)?metric=([^,]+),region=([^,]+),sector=([^ ]+) unavailable=false,value=([^ ]+) (-?\\d+)$");

    /** A metric to show: where to look and how many at each end. */
    private record Shown(String metric, String title, boolean bySector) {}

    private static final List<Shown> SHOWN = List.of(
            new Shown("ai_exposed_claims_shift", "AI-exposed claims shift vs 2019 (Eloundou beta, OEWS-weighted)", false),
            new Shown("occupational_dissimilarity", "Occupational dissimilarity of UI claimants vs 2019 (Yale index)", false),
            new Shown("ai_use_rate", "Businesses using AI, % (Census BTOS)", false),
            new Shown("postings_change_52wk", "Indeed job postings, % change on a year earlier (US)", false),
            new Shown("disruption_index", "Disruption index (illustrative)", false));

    private LatestReadings() {}

    private record Reading(String region, String sector, LocalDate period, BigDecimal value) {}

    static void print(Path metricsLp, PrintStream out) throws IOException {
        Map<String, Map<String, Reading>> latest = new HashMap<>();
        try (Stream<String> lines = Files.lines(metricsLp)) {
            lines.forEach(line -> {
                Matcher m = LINE.matcher(line);
                if (!m.matches()) {
                    return;
                }
                LocalDate period = LocalDate.ofInstant(Instant.ofEpochSecond(0, Long.parseLong(m.group(5))), ZoneOffset.UTC);
                Reading r = new Reading(m.group(2), m.group(3), period, new BigDecimal(m.group(4)));
                latest.computeIfAbsent(m.group(1), k -> new HashMap<>()).merge(r.region() + "|" + r.sector(), r,
                        (a, b) -> b.period().isAfter(a.period()) || b.period().equals(a.period()) ? b : a);
            });
        }
        out.println("AI-era, sector and country metrics, latest period (highest and lowest)");
        for (Shown s : SHOWN) {
            Map<String, Reading> byKey = latest.get(s.metric());
            if (byKey == null) {
                continue;
            }
            LocalDate last = byKey.values().stream().map(Reading::period).max(Comparator.naturalOrder()).orElseThrow();
            List<Reading> at = new ArrayList<>(byKey.values().stream().filter(r -> r.period().equals(last))
                    .filter(r -> s.bySector() ? !r.sector().equals("all") : r.sector().equals("all")).toList());
            at.sort(Comparator.comparing(Reading::value).reversed());
            int n = Math.min(3, at.size() / 2);
            List<String> top = new ArrayList<>();
            List<String> bottom = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                top.add(label(at.get(i), s.bySector()));
                bottom.add(label(at.get(at.size() - 1 - i), s.bySector()));
            }
            out.printf("  %-70s %s (%d)%n", s.title(), last, at.size());
            if (at.size() <= 2) {
                at.forEach(r -> out.printf("      %s%n", label(r, s.bySector())));
            } else {
                out.printf("      high: %s%n      low:  %s%n", String.join(", ", top), String.join(", ", bottom));
            }
        }
        Map<String, Reading> sahm = latest.get(MetricNames.SAHM_GAP);
        if (sahm != null) {
            printNations(sahm, out);
        }
    }

    /** How many nations to name at each end of the Sahm gap ranking. */
    private static final int NATIONS_SHOWN = 5;

    /**
     * The Sahm gap of every nation and group of nations, each at its own latest month: sources end
     * in different months (FRED's US data in 2023-11, the OECD's in 2023-03), so a common latest
     * period would show the US alone.
     */
    private static void printNations(Map<String, Reading> sahm, PrintStream out) {
        List<Reading> nations = new ArrayList<>(sahm.values().stream()
                .filter(r -> r.sector().equals("all") && CountryCodes.isNationOrGroup(r.region())).toList());
        if (nations.size() < 2) {
            return;
        }
        nations.sort(Comparator.comparing(Reading::value).reversed().thenComparing(Reading::region));
        LocalDate first = nations.stream().map(Reading::period).min(Comparator.naturalOrder()).orElseThrow();
        LocalDate last = nations.stream().map(Reading::period).max(Comparator.naturalOrder()).orElseThrow();
        int n = Math.min(NATIONS_SHOWN, nations.size() / 2);
        List<String> top = new ArrayList<>();
        List<String> bottom = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            top.add(nationLabel(nations.get(i)));
            bottom.add(nationLabel(nations.get(nations.size() - 1 - i)));
        }
        out.printf("  %-70s %s..%s (%d)%n", "Sahm rule gap by country, each at its latest month", first.toString()
                .substring(0, 7), last.toString().substring(0, 7), nations.size());
        out.printf("      high: %s%n      low:  %s%n", String.join(", ", top), String.join(", ", bottom));
    }

    private static String nationLabel(Reading r) {
        return r.region() + " " + r.value().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " ("
                + r.period().toString().substring(0, 7) + ")";
    }

    private static String label(Reading r, boolean bySector) {
        String where = bySector ? r.sector().replaceFirst("^indeed:", "") : r.region().replaceFirst("^US-", "");
        return where + " " + r.value().toPlainString();
    }
}
