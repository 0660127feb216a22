package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Stored golden outputs ({@code src/test/resources/golden/*.gz}) and the byte-for-byte comparison
 * with them. Run with {@code -Dgolden.update=true} to rewrite them from the current code (see the
 * README there: a changed golden needs its explanation in the commit).
 */
final class Golden {

    /** Where the goldens live, relative to the jobs module (the tests' working directory). */
    static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {}

    /** Whether this run rewrites the goldens instead of comparing with them. */
    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    /**
     * Fails unless {@code actual} equals the stored golden {@code name} byte for byte, naming the
     * first line that differs; with {@code -Dgolden.update=true} stores {@code actual} instead.
     */
    static void assertEqualsStored(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        byte[] now = actual.getBytes(StandardCharsets.UTF_8);
        if (updating()) {
            Files.createDirectories(DIR);
            // GZIPOutputStream writes no file name and a zero time: the same text gives the same bytes.
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(now);
            }
            return;
        }
        assertTrue(Files.exists(file), file.toAbsolutePath() + " is missing; generate it with -Dgolden.update=true "
                + "(see " + DIR.resolve("README.md") + ")");
        byte[] stored;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            stored = in.readAllBytes();
        }
        if (java.util.Arrays.equals(stored, now)) {
            return;
        }
        String[] a = new String(stored, StandardCharsets.UTF_8).split("\n", -1);
        String[] b = actual.split("\n", -1);
        int i = 0;
        while (i < a.length && i < b.length && a[i].equals(b[i])) {
            i++;
        }
        fail(String.format("%s differs from the golden (%d lines stored, %d now); first at line %d:%n  golden: %s%n  now:    %s",
                name, a.length, b.length, i + 1, i < a.length ? a[i] : "(end)", i < b.length ? b[i] : "(end)"));
    }
}
