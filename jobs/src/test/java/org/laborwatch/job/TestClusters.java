package org.laborwatch.job;

import java.nio.file.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The mini clusters of the job tests: one TaskManager (two slots unless told), every socket on loopback. */
public final class TestClusters {

    private TestClusters() {}

    /** A mini cluster extension whose files go to {@code target/tmp/<directory>}. */
    public static MiniClusterExtension miniCluster(String directory) {
        return miniCluster(directory, 2);
    }

    /** A mini cluster with {@code slots} slots (a job at parallelism p needs p), files under {@code target/tmp/<directory>}. */
    public static MiniClusterExtension miniCluster(String directory, int slots) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(LocalEnvironments.loopback(Path.of("target", "tmp", directory)))
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(slots)
                .build());
    }
}
