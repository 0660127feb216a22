package org.laborwatch.cli;

import java.nio.file.Path;

/**
 * Where the CLI writes what Flink, the Kafka clients and the other frameworks log, so that the
 * console carries only laborwatch's own messages. {@code log4j2.properties} reads the path from the
 * system property {@value #PROPERTY}, which the {@code ./laborwatch} launcher sets on the java command
 * line ({@code $LABORWATCH_LOG}, else {@code out/laborwatch.log} under the working directory). Under
 * {@code flink run} or on a cluster the property is not set, Flink's own log configuration applies,
 * and nothing is announced.
 */
final class FrameworkLog {

    /** The system property log4j2.properties reads the file name from. */
    static final String PROPERTY = "laborwatch.log.file";

    private FrameworkLog() {}

    /** The line that says where the framework log is, or null when logging was not set up by the CLI. */
    static String announcement() {
        String file = System.getProperty(PROPERTY);
        return file == null ? null : "Framework log: " + shown(Path.of(file));
    }

    /** "see ..." for a failure message: where to look for the framework's side of it. */
    static String seeTheLog() {
        String file = System.getProperty(PROPERTY);
        return file == null ? "" : " (framework log: " + shown(Path.of(file)) + ")";
    }

    /** Relative to the working directory when under it: shorter to read and to copy. */
    private static Path shown(Path file) {
        Path cwd = Path.of("").toAbsolutePath();
        return file.startsWith(cwd) ? cwd.relativize(file) : file;
    }
}
