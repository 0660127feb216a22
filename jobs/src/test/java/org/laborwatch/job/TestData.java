package org.laborwatch.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;

/** Reads the project's bundled data (../data) for tests. */
public final class TestData {

    public static final Path DATA = Path.of("..", "data");

    private TestData() {}

    /** Observations of a bundled file, in file order. */
    public static List<Observation> read(String file, String format, ReaderOptions options, Predicate<Observation> keep)
            throws IOException {
        List<Observation> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            PublishedFormat.byName(format).reader(options).read(r, file, o -> {
                if (keep.test(o)) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    /** Observations as the raw JSON records a producer would send. */
    public static List<RawRecord> raw(List<Observation> observations, String origin) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            out.add(new RawRecord(Json.writeBytes(observations.get(i)), origin + ":" + (i + 1)));
        }
        return out;
    }

    /** The demo's deliberately broken records. */
    public static List<RawRecord> badRecords() throws IOException {
        List<RawRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA.resolve("demo-bad-records.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            out.add(new RawRecord(lines.get(i).getBytes(StandardCharsets.UTF_8), "demo-bad-records.jsonl:" + (i + 1)));
        }
        return out;
    }
}
