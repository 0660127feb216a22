package org.laborwatch.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The processes a test started (JobManagers, TaskManagers, a broker): each one's pid recorded in
 * {@code pids.txt}, its output in its own log file, and all of them stopped after the test class
 * (JUnit extension) or when the JVM exits (shutdown hook), whichever comes first. Only what was
 * started here is ever stopped.
 */
public final class ProcessRegistry implements AfterAllCallback {

    private final Path dir;
    private final List<Process> started = new ArrayList<>();

    /** @param dir where {@code pids.txt} goes */
    public ProcessRegistry(Path dir) {
        this.dir = dir.toAbsolutePath();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop test processes"));
    }

    /**
     * Starts {@code command} in {@code workDir} with extra environment variables; its standard
     * output and error go to {@code out}.
     */
    public synchronized Process start(String name, List<String> command, Path workDir, Map<String, String> env, Path out) {
        try {
            Files.createDirectories(out.getParent());
            Files.createDirectories(dir);
            ProcessBuilder b = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            b.environment().putAll(env);
            Process p = b.start();
            started.add(p);
            Files.writeString(dir.resolve("pids.txt"), p.pid() + " " + name + " " + out + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** {@code kill -9}: the process gets no chance to clean up, as when a machine or container dies. */
    public static void kill9(Process p) throws InterruptedException {
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("process " + p.pid() + " survived SIGKILL for 30 s");
        }
    }

    /** Stops a process gracefully (SIGTERM), forcibly after {@code grace}. */
    public static void stop(Process p, Duration grace) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill9(p);
        }
    }

    /** Stops every process started here that still runs. */
    public synchronized void stopAll() {
        for (Process p : started) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        for (Process p : started) {
            try {
                p.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stopAll();
    }
}
