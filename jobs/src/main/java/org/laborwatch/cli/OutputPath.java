package org.laborwatch.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An output path named on the command line, checked before any work so that a long run never ends
 * in "cannot write": it must not be a directory, and its directory must exist and be writable.
 */
final class OutputPath {

    private OutputPath() {}

    /**
     * Fails unless a file can be written at {@code path}; null (option not given) passes.
     *
     * @throws IllegalArgumentException naming the option, the path and the fix
     */
    static void check(String option, Path path) {
        if (path == null) {
            return;
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + " is a directory; give a file name, such as "
                    + path.resolve(option.equals("--chart") ? "chart.png" : "out.csv"));
        }
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": directory " + parent
                    + " does not exist; create it (mkdir -p " + parent + ") or choose another path");
        }
        if (parent != null && !Files.isWritable(parent)) {
            throw new IllegalArgumentException(option + " " + path + ": directory " + parent + " is not writable");
        }
        if (Files.exists(path) && !Files.isWritable(path)) {
            throw new IllegalArgumentException(option + " " + path + " exists and is not writable");
        }
    }
}
