package org.laborwatch.cli;

import java.io.PrintStream;
import picocli.CommandLine.Option;

/** {@code --progress} / {@code --no-progress}: the status line, forced on or off (default: on a terminal). */
public final class ProgressOption {

    @Option(names = "--progress", negatable = true, defaultValue = Option.NULL_VALUE,
            description = "Redraw a status line while working (default: only when the console is a terminal; "
                    + "otherwise print one summary line at the end).")
    Boolean progress;

    /** A reporter following the flag, or the console when it is not given. */
    ProgressReporter reporter(PrintStream out) {
        return ProgressReporter.forConsole(out, progress);
    }
}
