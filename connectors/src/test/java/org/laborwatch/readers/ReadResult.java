package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.laborwatch.contract.Observation;

/** A read collected in memory, with lookups for assertions. */
record ReadResult(ReadReport report, List<Observation> observations) {

    /** The bundled data at the project root, as seen from the module directory Maven tests run in. */
    static final Path DATA = Path.of("..", "data");

    static ReadResult fixture(PublishedFormat format, ReaderOptions options, String name) throws IOException {
        InputStream in = ReadResult.class.getResourceAsStream("/readers/" + name);
        assertNotNull(in, "fixture " + name);
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(format, options, reader, name);
        }
    }

    static ReadResult bundled(PublishedFormat format, ReaderOptions options, String name) throws IOException {
        try (Reader reader = Files.newBufferedReader(DATA.resolve(name), StandardCharsets.UTF_8)) {
            return read(format, options, reader, name);
        }
    }

    static ReadResult text(PublishedFormat format, ReaderOptions options, String fileName, String text)
            throws IOException {
        return read(format, options, new StringReader(text), fileName);
    }

    private static ReadResult read(PublishedFormat format, ReaderOptions options, Reader reader, String name)
            throws IOException {
        List<Observation> out = new ArrayList<>();
        ReadReport report = format.reader(options).read(reader, name, out::add);
        // The report's count must be what was actually emitted.
        assertEquals(out.size(), report.observations(), "observations emitted vs reported");
        return new ReadResult(report, List.copyOf(out));
    }

    List<Observation> where(Predicate<Observation> p) {
        return observations.stream().filter(p).toList();
    }

    long count(String indicator) {
        return where(o -> o.indicator().equals(indicator)).size();
    }

    /** The single observation of a series at a period; fails if there is none or more than one. */
    Observation one(String indicator, String region, String adjustment, String period) {
        List<Observation> found = where(o -> o.indicator().equals(indicator) && o.region().equals(region)
                && o.adjustment().equals(adjustment) && o.period().equals(LocalDate.parse(period)));
        assertEquals(1, found.size(), () -> indicator + "/" + region + "/" + adjustment + " at " + period + ": " + found);
        return found.get(0);
    }

    /** Asserts an exact decimal, scale included: the text as published, not a rounded double. */
    static void assertValue(String expected, Observation o) {
        assertEquals(new BigDecimal(expected), o.value(), () -> "value of " + o);
    }
}
