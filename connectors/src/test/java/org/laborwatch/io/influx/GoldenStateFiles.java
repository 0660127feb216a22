package org.laborwatch.io.influx;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed golden bytes of the InfluxDB sink's checkpointed formats
 * ({@code src/test/resources/state-golden/}). A missing file is written only with
 * {@code -Dlaborwatch.golden.write=true}, never overwritten: golden bytes are made once, by the
 * release that introduces the version.
 */
final class GoldenStateFiles {

    private static final Path DIR = Path.of("src", "test", "resources", "state-golden");

    private GoldenStateFiles() {}

    /** The committed bytes of {@code name}; {@code actual} is written only where allowed and missing. */
    static byte[] read(String name, byte[] actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("laborwatch.golden.write") && !Files.exists(file)) {
            Files.createDirectories(DIR);
            Files.write(file, actual);
        }
        if (!Files.exists(file)) {
            fail(file.toAbsolutePath() + " is missing: golden bytes are made once, by the release that introduces "
                    + "the version, with -Dlaborwatch.golden.write=true");
        }
        return Files.readAllBytes(file);
    }
}
