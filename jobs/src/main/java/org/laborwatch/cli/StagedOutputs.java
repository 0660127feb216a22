package org.laborwatch.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Output files that are never seen half-written: each is written in a staging directory next to its
 * destination and moved into place ({@code ATOMIC_MOVE}, replacing the previous one) only by
 * {@link #commit()}, once all are complete. Until then, and for good after a failure or Ctrl-C,
 * the previous outputs stay as they were; {@link #close()} removes the staging directory whatever
 * happened, and a shutdown hook does the same if the JVM is stopped first.
 */
final class StagedOutputs implements AutoCloseable {

    /** Prefix of staging directories, so a leftover one (after kill -9) is recognisable. */
    static final String PREFIX = ".partial-";

    private final Path staging;
    private final Map<Path, Path> stagedToFinal = new LinkedHashMap<>();
    private final Thread onShutdown;
    private boolean done;

    private StagedOutputs(Path staging) {
        this.staging = staging;
        this.onShutdown = new Thread(this::discardOnShutdown, "laborwatch-discard-partial-outputs");
        Runtime.getRuntime().addShutdownHook(onShutdown);
    }

    /**
     * A staging directory inside {@code dir} (same file system, so the moves can be atomic); a
     * single output file's parent directory works as well.
     */
    static StagedOutputs in(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new StagedOutputs(Files.createTempDirectory(dir, PREFIX));
    }

    /** The staging directory, for scratch files that are not outputs (removed with it). */
    Path directory() {
        return staging;
    }

    /** Where to write the output that {@link #commit()} moves to {@code destination}. */
    synchronized Path stage(Path destination) {
        Path staged = staging.resolve(destination.getFileName().toString());
        if (stagedToFinal.putIfAbsent(staged, destination) != null) {
            throw new IllegalStateException("two outputs named " + destination.getFileName());
        }
        return staged;
    }

    /** Moves every staged file into place; missing ones are an error, as the work was not finished. */
    synchronized void commit() throws IOException {
        if (done) {
            throw new IllegalStateException("outputs in " + staging + " were already committed or discarded");
        }
        for (Path staged : stagedToFinal.keySet()) {
            if (!Files.isRegularFile(staged)) {
                throw new IOException("output " + staged + " was not written; the previous outputs are kept");
            }
        }
        for (Map.Entry<Path, Path> e : stagedToFinal.entrySet()) {
            move(e.getKey(), e.getValue());
        }
        done = true;
        deleteStaging();
    }

    /** Removes the staging directory: a no-op after {@link #commit()}. */
    @Override
    public void close() {
        discard();
        try {
            Runtime.getRuntime().removeShutdownHook(onShutdown);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: it discards the same directory.
        }
    }

    /** Synchronised with {@link #commit()}: Ctrl-C during the moves waits for them to end. */
    private synchronized void discard() {
        done = true;
        deleteStaging();
    }

    /** Ctrl-C: the job may still be writing into the directory, so a first attempt can race with it. */
    private void discardOnShutdown() {
        for (int attempt = 1; ; attempt++) {
            try {
                discard();
                return;
            } catch (UncheckedIOException e) {
                if (attempt == 3) {
                    System.err.println("laborwatch: " + e.getMessage());
                    return;
                }
            }
        }
    }

    private void deleteStaging() {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> all = Files.walk(staging)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the temporary directory " + staging + "; delete it by hand", e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Only across file systems, which stage() avoids unless the destination is a mount point itself.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
