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
import org.laborwatch.contract.LineProtocol;
import org.laborwatch.rollup.RegionsOnRollup;

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
     * @param rollupPoints distinct national roll-up points ({@link RegionsOnRollup}) among them
     * @param rollupWrites writes of roll-up points
     * @param mostWrites the most writes of one point (issue #13: a replay should write each point a
     *     bounded number of times)
     * @param mostWritten that point's series and timestamp
     */
    record Deduplicated(long points, long writes, long rollupPoints, long rollupWrites, long mostWrites,
            String mostWritten) {}

    /** Series then timestamp: the order of an InfluxDB query result. */
    private static final Comparator<PointKey> BY_SERIES_AND_TIME =
            Comparator.comparing(PointKey::series).thenComparingLong(PointKey::timestamp);
    private static final Comparator<Map.Entry<PointKey, String>> ORDER = Map.Entry.comparingByKey(BY_SERIES_AND_TIME);
    /** The sector tag of a roll-up point as {@link LineProtocol} writes it. */
    private static final String ROLLUP_SECTOR_TAG = ",sector=" + RegionsOnRollup.SECTOR_PREFIX;

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

        /** Whether this is a national roll-up point (its sector names the policy). */
        boolean isRollup() {
            return series.contains(ROLLUP_SECTOR_TAG);
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
        Map<PointKey, Long> writesOf = new HashMap<>();
        long writes = 0;
        long rollupWrites = 0;
        try (BufferedReader r = Files.newBufferedReader(written, StandardCharsets.UTF_8)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty()) {
                    PointKey key = PointKey.of(line);
                    last.put(key, line);
                    writesOf.merge(key, 1L, Long::sum);
                    writes++;
                    if (key.isRollup()) {
                        rollupWrites++;
                    }
                }
            }
        }
        Map.Entry<PointKey, Long> most = writesOf.entrySet().stream().max(Map.Entry.<PointKey, Long>comparingByValue()
                .thenComparing(Map.Entry.<PointKey, Long>comparingByKey(BY_SERIES_AND_TIME).reversed())).orElse(null);
        long rollupPoints = last.keySet().stream().filter(PointKey::isRollup).count();
        try (BufferedWriter w = Files.newBufferedWriter(result, StandardCharsets.UTF_8)) {
            for (String line : last.entrySet().stream().sorted(ORDER).map(Map.Entry::getValue).toList()) {
                w.write(line);
                w.write('\n');
            }
        }
        return new Deduplicated(last.size(), writes, rollupPoints, rollupWrites, most == null ? 0 : most.getValue(),
                most == null ? "" : most.getKey().series() + " " + most.getKey().timestamp());
    }
}
