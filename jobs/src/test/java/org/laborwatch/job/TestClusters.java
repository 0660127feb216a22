package org.laborwatch.job;

import java.nio.file.Path;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The mini cluster the job tests share: one TaskManager with two slots, every socket on loopback. */
public final class TestClusters {

    private TestClusters() {}

    /** A mini cluster extension whose files go to {@code target/tmp/<directory>}. */
    public static MiniClusterExtension miniCluster(String directory) {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setConfiguration(LocalEnvironments.loopback(Path.of("target", "tmp", directory)))
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .build());
    }
}
