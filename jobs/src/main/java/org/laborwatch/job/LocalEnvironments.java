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
import org.apache.flink.streaming.api.environment.LocalStreamEnvironment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A local Flink mini cluster for the demo, the backtest and tests: every socket on 127.0.0.1, any
 * free port, temp files in a directory of ours (a shared machine has neither a free 8081 nor a
 * private /tmp).
 */
public final class LocalEnvironments {

    private LocalEnvironments() {}

    /** The address local mini clusters listen on unless told otherwise. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The configuration that keeps a mini cluster on loopback and its files under {@code tmpDir}. */
    public static Configuration loopback(Path tmpDir) {
        try {
            Files.createDirectories(tmpDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Configuration c = boundTo(LOOPBACK);
        c.set(RestOptions.BIND_PORT, "0");
        c.set(CoreOptions.TMP_DIRS, tmpDir.toAbsolutePath().toString());
        return c;
    }

    /**
     * The configuration that makes every socket a mini cluster opens (REST/web endpoint, job
     * manager and task manager RPC and data, blob server) listen on {@code address} only.
     */
    public static Configuration boundTo(String address) {
        Configuration c = new Configuration();
        c.set(RestOptions.BIND_ADDRESS, address);
        c.set(RestOptions.ADDRESS, address);
        c.set(JobManagerOptions.BIND_HOST, address);
        c.set(JobManagerOptions.ADDRESS, address);
        c.set(TaskManagerOptions.BIND_HOST, address);
        c.set(TaskManagerOptions.HOST, address);
        return c;
    }

    /**
     * The environment of a job started by a CLI command: the cluster's when submitted to one
     * ({@code flink run}, application mode), which decides its own addresses; otherwise a local
     * mini cluster whose sockets all listen on {@code bindAddress} (loopback unless an operator
     * asks for more), not on every interface as Flink's local default does.
     */
    public static StreamExecutionEnvironment forCommand(String bindAddress) {
        if (!submittedToCluster()) {
            return StreamExecutionEnvironment.createLocalEnvironment(boundTo(bindAddress));
        }
        return StreamExecutionEnvironment.getExecutionEnvironment(new Configuration());
    }

    /**
     * Whether this code runs inside a Flink client that submits to a cluster ({@code flink run},
     * application mode): Flink then installs a context environment, so the environment we would get
     * is not a local one.
     */
    public static boolean submittedToCluster() {
        return !(StreamExecutionEnvironment.getExecutionEnvironment(new Configuration()) instanceof LocalStreamEnvironment);
    }

    /** A local environment with the given parallelism. */
    public static StreamExecutionEnvironment create(int parallelism, Path tmpDir) {
        return StreamExecutionEnvironment.createLocalEnvironment(parallelism, loopback(tmpDir));
    }
}
