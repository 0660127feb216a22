package org.laborwatch.job;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;

/**
 * Rescaling through a savepoint: a savepoint taken at parallelism 2, restored at 1 and at 4 and fed
 * the rest of the input, gives the trigger events and metric points of an uninterrupted run. Keyed
 * state moves between subtasks by key group, which the fixed maximum parallelism keeps stable.
 */
class RescaleFromSavepointTest {

    private static final String FEED = "rescale";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("rescale", 4);

    private static Set<TriggerEvent> uninterrupted;
    private static Map<String, String> uninterruptedPoints;
    private static Set<TriggerEvent> before;
    private static Map<String, String> pointsBefore;
    private static String savepoint;

    @BeforeAll
    static void anUninterruptedRunAndASavepointAtParallelism2() throws Exception {
        List<List<RawRecord>> parts = SavepointRuns.parts();
        SavepointRuns.openFeeds(FEED + "-uninterrupted").add(parts.get(0)).add(parts.get(1)).close();
        SavepointRuns.closePolicies(FEED + "-uninterrupted");
        SavepointRuns.Outputs all = SavepointRuns.start(FEED + "-uninterrupted", 2, null).awaitEnd();
        uninterrupted = SavepointRuns.events(all.triggers.results());
        uninterruptedPoints = SavepointRuns.finalPoints(all.metrics.results());

        FeedSource.Feed feed = SavepointRuns.openFeeds(FEED).add(parts.get(0));
        SavepointRuns.Started first = SavepointRuns.start(FEED, 2, null);
        savepoint = first.stopWithSavepoint(feed, parts.get(0).size(), Path.of("target", "tmp", "rescale-savepoints"));
        before = SavepointRuns.events(first.outputs().triggers.results());
        pointsBefore = SavepointRuns.finalPoints(first.outputs().metrics.results());
        feed.add(parts.get(1)).close();
        SavepointRuns.closePolicies(FEED);
    }

    @ParameterizedTest(name = "restored at parallelism {0}")
    @ValueSource(ints = {1, 4})
    void aSavepointTakenAtParallelism2RestoredAtAnotherGivesTheEventsOfAnUninterruptedRun(int parallelism)
            throws Exception {
        SavepointRuns.Outputs after = SavepointRuns.start(FEED, parallelism, savepoint).awaitEnd();
        SavepointRuns.assertSameAsUninterrupted(uninterrupted, uninterruptedPoints, before, pointsBefore, after);
    }
}
