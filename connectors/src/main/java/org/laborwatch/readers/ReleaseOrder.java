package org.laborwatch.readers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import org.laborwatch.contract.Observation;

/**
 * The one order in which laborwatch replays published files, whichever command replays them
 * ({@code replay}, {@code compute}, {@code backtest}, the demo): release by release, in publication
 * order across all the files (issue #12 item 2).
 *
 * <p>Each file keeps its own order: a vintage reader emits a file release by release (each
 * release's new values and revisions, then the next), and a single-vintage file is one release in
 * period order, which the metric state relies on. The files are then interleaved so that the
 * observation with the oldest vintage among the files' next ones always goes first; on equal
 * vintages the file given first goes first, so a release split over two files (a national and a
 * state table of the same day) is replayed file by file and the order never depends on chance.
 * With one file the order is the file's own. Plain Java, no Flink.
 */
public final class ReleaseOrder {

    private ReleaseOrder() {}

    /**
     * The observations of {@code files} (each in the order its reader emitted them, the files in
     * the order given) merged in publication order, as the class comment describes.
     */
    public static List<Observation> merge(List<List<Observation>> files) {
        Objects.requireNonNull(files, "files");
        int total = 0;
        for (List<Observation> f : files) {
            total += Objects.requireNonNull(f, "a file's observations").size();
        }
        List<Observation> out = new ArrayList<>(total);
        if (files.size() == 1) {
            out.addAll(files.get(0));
            return out;
        }
        // A cursor per file, ordered by the vintage of its next observation, then by file position.
        PriorityQueue<int[]> heads = new PriorityQueue<>((a, b) -> {
            int c = files.get(a[0]).get(a[1]).vintage().compareTo(files.get(b[0]).get(b[1]).vintage());
            return c != 0 ? c : Integer.compare(a[0], b[0]);
        });
        for (int i = 0; i < files.size(); i++) {
            if (!files.get(i).isEmpty()) {
                heads.add(new int[] {i, 0});
            }
        }
        while (!heads.isEmpty()) {
            int[] head = heads.poll();
            List<Observation> file = files.get(head[0]);
            out.add(file.get(head[1]));
            if (head[1] + 1 < file.size()) {
                heads.add(new int[] {head[0], head[1] + 1});
            }
        }
        return out;
    }
}
