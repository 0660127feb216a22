package org.laborwatch.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Committed bytes of each saved-state format version ({@code src/test/resources/state-golden}), the
 * way flink-connector-kafka tests its enumerator state: a release's bytes must still decode to the
 * same value in every later release, and the current version must encode to exactly its file.
 *
 * <p>A missing file is written only when the build runs with {@code -Dlaborwatch.golden.write=true},
 * and an existing one is never overwritten: the bytes of a released version are fixed forever.
 */
public final class GoldenBytes {

    /** The system property that lets a test write a golden file that does not exist yet. */
    public static final String WRITE = "laborwatch.golden.write";
    private static final Path DIR = Path.of("src", "test", "resources", "state-golden");

    private GoldenBytes() {}

    /** Something that writes a state value to a {@link DataOutputStream}. */
    @FunctionalInterface
    public interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    /** The bytes {@code writer} writes. */
    public static byte[] bytes(Writer writer) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            writer.write(out);
        }
        return bytes.toByteArray();
    }

    /** The committed bytes of {@code name} (for example {@code trigger-state-v2.bin}). */
    public static byte[] read(String name) throws IOException {
        Path file = DIR.resolve(name);
        if (!Files.exists(file)) {
            fail(file.toAbsolutePath() + " is missing: golden bytes are made once, by the release that "
                    + "introduces the version, with -D" + WRITE + "=true (see state-golden/README.md)");
        }
        return Files.readAllBytes(file);
    }

    /** Asserts that {@code actual} equals the committed bytes of {@code name} (writing them if allowed and absent). */
    public static void assertEncodesTo(String name, byte[] actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean(WRITE) && !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.write(file, actual);
        }
        assertArrayEquals(read(name), actual, "the current format must encode to its committed bytes " + file
                + "; a change of format needs a new version number and a new golden file, never new bytes here");
    }
}
