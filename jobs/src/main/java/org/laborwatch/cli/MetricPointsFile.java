package org.laborwatch.cli;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns the metric points the job wrote, in line protocol, into one line per point with its final
 * value. A historical replay writes a point each time a later observation or revision recomputes
 * it; that count is an artefact of replay order, not information, and InfluxDB keeps only the last
 * write anyway. Every write of one point comes from one keyed subtask, in its order, so "last
 * written" is well defined even with several writers appending to one file.
 */
final class MetricPointsFile {

    /**
     * @param points distinct points written
     * @param writes lines read, one per write
     */
    record Deduplicated(long points, long writes) {}

    /** Series then timestamp: the order of an InfluxDB query result. */
    private static final Comparator<Map.Entry<PointKey, String>> ORDER = Map.Entry.comparingByKey(
            Comparator.comparing(PointKey::series).thenComparingLong(PointKey::timestamp));

    private MetricPointsFile() {}

    /** Measurement and tags (the series, as written) and the timestamp: what makes a point one point. */
    record PointKey(String series, long timestamp) {

        /** The key of a line {@code measurement,tags fields timestamp}; metric lines carry no string fields. */
        static PointKey of(String line) {
            int seriesEnd = firstUnescapedSpace(line);
            int lastSpace = line.lastIndexOf(' ');
            if (seriesEnd < 0 || lastSpace <= seriesEnd) {
                throw new IllegalArgumentException("not a line-protocol point with a timestamp: " + line);
            }
            return new PointKey(line.substring(0, seriesEnd), Long.parseLong(line.substring(lastSpace + 1)));
        }

        private static int firstUnescapedSpace(String line) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == ' ') {
                    return i;
                }
            }
            return -1;
        }
    }

    /** Reads {@code written}, writes the last line of each point to {@code result}, sorted. */
    static Deduplicated lastWritePerPoint(Path written, Path result) throws IOException {
        Map<PointKey, String> last = new HashMap<>();
        long writes = 0;
        try (BufferedReader r = Files.newBufferedReader(written, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    last.put(PointKey.of(line), line);
                    writes++;
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
            for (String line : last.entrySet().stream().sorted(ORDER).map(Map.Entry::getValue).toList()) {
                w.write(line);
                w.write('\n');
            }
        }
        return new Deduplicated(last.size(), writes);
    }
}
