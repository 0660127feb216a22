package org.laborwatch.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A command-line tool from a Debian package that a test needs: found on the PATH, or installed
 * with apt-get when the test runs as root (as CI does on a fresh machine), or a clear failure.
 */
public final class DebianTool {

    private DebianTool() {}

    /** The path of {@code binary}, installing {@code debianPackage} if needed and possible. */
    public static Path ensure(String binary, String debianPackage) throws IOException, InterruptedException {
        Path found = which(binary);
        if (found != null) {
            return found;
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException(binary + " is not installed and the tests are not running as root: run "
                    + "'apt-get install " + debianPackage + "' first");
        }
        run(List.of("apt-get", "update", "-qq"));
        run(List.of("apt-get", "install", "-y", "-qq", debianPackage));
        found = which(binary);
        if (found == null) {
            throw new IllegalStateException("installed " + debianPackage + " but " + binary + " is still not on the PATH");
        }
        return found;
    }

    private static Path which(String binary) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(dir, binary);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }
}
