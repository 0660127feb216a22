package org.laborwatch.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A local Flink mini cluster for the demo, the backtest and tests: every socket on 127.0.0.1, any
 * free port, temp files in a directory of ours (a shared machine has neither a free 8081 nor a
 * private /tmp).
 */
public final class LocalEnvironments {

    private LocalEnvironments() {}

    /** The configuration that keeps a mini cluster on loopback and its files under {@code tmpDir}. */
    public static Configuration loopback(Path tmpDir) {
        try {
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Configuration c = new Configuration();
        c.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        c.set(RestOptions.ADDRESS, "127.0.0.1");
        c.set(RestOptions.BIND_PORT, "0");
        c.set(JobManagerOptions.BIND_HOST, "127.0.0.1");
        c.set(JobManagerOptions.ADDRESS, "127.0.0.1");
        c.set(TaskManagerOptions.BIND_HOST, "127.0.0.1");
        c.set(TaskManagerOptions.HOST, "127.0.0.1");
        c.set(CoreOptions.TMP_DIRS, tmpDir.toAbsolutePath().toString());
        return c;
    }

    /** A local environment with the given parallelism. */
    public static StreamExecutionEnvironment create(int parallelism, Path tmpDir) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, loopback(tmpDir));
    }
}
