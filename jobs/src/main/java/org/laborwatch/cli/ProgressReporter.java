package org.laborwatch.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of long work on the console. On an interactive terminal it redraws one status line
 * ({@code \r}) with the phase, what is done so far and the elapsed seconds; elsewhere (a pipe, a
 * file, CI) it stays silent, as a log full of carriage returns helps nobody. In both cases it ends
 * with one summary line of every phase.
 *
 * <p>Counts are read, not pushed: each phase gives a {@link LongSupplier}, so work running on other
 * threads (a local Flink job) can be watched without reporting to this class.
 */
public final class ProgressReporter implements AutoCloseable {

    private record Phase(String name, String unit, LongSupplier done, long startedNanos) {}

    private record Finished(String name, String unit, long done, long nanos) {}

    private final PrintStream out;
    private final boolean interactive;
    private final LongSupplier clock;
    private final long startedNanos;
    private final List<Finished> finished = new ArrayList<>();
    private Phase current;
    private int drawnWidth;
    private ScheduledExecutorService ticker;

    /**
     * @param out where to print
     * @param interactive redraw a status line ({@code true}) or print only the summary
     * @param clock nanoseconds, as {@link System#nanoTime()}
     */
    ProgressReporter(PrintStream out, boolean interactive, LongSupplier clock) {
        this.out = out;
        this.interactive = interactive;
        this.clock = clock;
        this.startedNanos = clock.getAsLong();
    }

    /**
     * A reporter on {@code out}: interactive when {@code override} says so, else when this JVM has
     * a console (standard input and output are a terminal).
     */
    static ProgressReporter forConsole(PrintStream out, Boolean override) {
        boolean interactive = override != null ? override : System.console() != null;
        return new ProgressReporter(out, interactive, System::nanoTime);
    }

    /** Whether the status line is drawn. */
    boolean interactive() {
        return interactive;
    }

    /** Ends the current phase, if any, and starts one counting {@code done} in {@code unit}. */
    public synchronized void phase(String name, String unit, LongSupplier done) {
        endPhase();
        current = new Phase(name, unit, done, clock.getAsLong());
        tick();
    }

    /** Redraws the status line (interactive only). */
    public synchronized void tick() {
        if (!interactive || current == null) {
            return;
        }
        String line = String.format(Locale.ROOT, "%s: %,d %s, %.1f s", current.name(), current.done().getAsLong(),
                current.unit(), seconds(clock.getAsLong() - startedNanos));
        // Pad over the previous, longer line: \r only moves the cursor back.
        String padded = line.length() < drawnWidth ? line + " ".repeat(drawnWidth - line.length()) : line;
        out.print("\r" + padded);
        out.flush();
        drawnWidth = line.length();
    }

    /** Prints a line of its own above the status line, which is redrawn after it. */
    public synchronized void println(String line) {
        clearLine();
        out.println(line);
        tick();
    }

    /** Redraws the status line every {@code millis} on a daemon thread until {@link #close()}. */
    public synchronized void tickEvery(long millis) {
        if (!interactive || ticker != null) {
            return;
        }
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "laborwatch-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Ends the last phase and prints the summary, e.g.
     * {@code demo done in 12.3 s: reading inputs 7 files (1.0 s); running the job 80,000 records (11.3 s)}.
     */
    public synchronized void finish(String what) {
        stop();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s done in %.1f s", what,
                seconds(clock.getAsLong() - startedNanos)));
        for (int i = 0; i < finished.size(); i++) {
            Finished f = finished.get(i);
            b.append(i == 0 ? ": " : "; ").append(String.format(Locale.ROOT, "%s %,d %s (%.1f s)", f.name(), f.done(),
                    f.unit(), seconds(f.nanos())));
        }
        out.println(b);
        out.flush();
    }

    /** Ends the last phase and clears the status line, so that results can be printed before {@link #finish}. */
    public synchronized void stop() {
        stopTicking();
        endPhase();
        clearLine();
    }

    /** Stops redrawing and clears the status line, without a summary (the work failed). */
    @Override
    public synchronized void close() {
        stopTicking();
        clearLine();
        current = null;
    }

    private void endPhase() {
        if (current != null) {
            finished.add(new Finished(current.name(), current.unit(), current.done().getAsLong(),
                    clock.getAsLong() - current.startedNanos()));
            current = null;
        }
    }

    private void clearLine() {
        if (interactive && drawnWidth > 0) {
            out.print("\r" + " ".repeat(drawnWidth) + "\r");
            out.flush();
            drawnWidth = 0;
        }
    }

    private void stopTicking() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
