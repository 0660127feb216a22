package org.laborwatch.job;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.RawRecord;

/**
 * A savepoint of a released job, restored by this one: what an operator does on every upgrade.
 *
 * <p>{@code src/test/resources/savepoints/} keeps a savepoint the previous release took (see the
 * README there). A release that changes state makes the next one with
 * {@code -Dlaborwatch.savepoint.write=<directory>}, which runs the first part of the input at
 * parallelism 2 and stops with a savepoint into that directory.
 */
class ReleaseSavepointTest {

    /** The feed name is in the savepoint (the source's split), so it is fixed. */
    static final String FEED = "release";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("release-savepoint");

    @Test
    @EnabledIfSystemProperty(named = "laborwatch.savepoint.write", matches = ".+")
    void writeTheSavepointOfThisRelease() throws Exception {
        Path directory = Path.of(System.getProperty("laborwatch.savepoint.write"));
        Files.createDirectories(directory);
        List<RawRecord> first = SavepointRuns.parts().get(0);
        FeedSource.Feed feed = SavepointRuns.openFeeds(FEED).add(first);
        SavepointRuns.Started job = SavepointRuns.start(FEED, 2, null);
        String savepoint = job.stopWithSavepoint(feed, first.size(), directory);
        System.out.println("savepoint of " + first.size() + " records, " + job.outputs().triggers.results().size()
                + " trigger events, " + job.outputs().metrics.results().size() + " metric points: " + savepoint);
    }
}
