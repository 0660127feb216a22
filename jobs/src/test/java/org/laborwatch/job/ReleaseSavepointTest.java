package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;

/**
 * A savepoint of a released job, restored by this one: what an operator does on every upgrade.
 *
 * <p>{@code src/test/resources/savepoints/} keeps a savepoint the previous release took, with what
 * that release wrote before it (see the README there). A release that changes state makes the next
 * one with {@code -Dlaborwatch.savepoint.write=<directory>}, which runs the first part of the input
 * at parallelism 2 and stops with a savepoint into that directory.
 */
class ReleaseSavepointTest {

    /** The feed name is in the savepoint (the source's split), so it is fixed. */
    static final String FEED = "release";
    /** The savepoint of the previous release, as the build copies it to the test classpath. */
    static final Path RELEASE = Path.of("target", "test-classes", "savepoints", "release-1aa96ed");
    static final String TRIGGERS_BEFORE = "trigger-events-before.jsonl";
    static final String POINTS_BEFORE = "metric-points-before.tsv";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = TestClusters.miniCluster("release-savepoint");

    @Test
    void theReleaseSavepointHasTheMaxParallelismTheJobNowSets() throws IOException {
        CheckpointMetadata metadata;
        try (InputStream in = Files.newInputStream(RELEASE.resolve("_metadata"))) {
            metadata = Checkpoints.loadCheckpointMetadata(new DataInputStream(in), getClass().getClassLoader(),
                    RELEASE.toString());
        }
        assertFalse(metadata.getOperatorStates().isEmpty());
        for (OperatorState operator : metadata.getOperatorStates()) {
            assertEquals(LaborwatchPipeline.MAX_PARALLELISM, operator.getMaxParallelism(), operator.getOperatorID()
                    + ": a savepoint restores only with the max parallelism it was taken with");
        }
    }

    @Test
    void theSavepointOfThePreviousReleaseRestoresAndGoesOnAsAnUninterruptedRun() throws Exception {
        List<List<RawRecord>> parts = SavepointRuns.parts();
        SavepointRuns.openFeeds("release-uninterrupted").add(parts.get(0)).add(parts.get(1)).close();
        SavepointRuns.closePolicies("release-uninterrupted");
        SavepointRuns.Outputs uninterrupted = SavepointRuns.start("release-uninterrupted", 2, null).awaitEnd();

        SavepointRuns.openFeeds(FEED).add(parts.get(0)).add(parts.get(1)).close();
        SavepointRuns.closePolicies(FEED);
        SavepointRuns.Outputs after = SavepointRuns.start(FEED, 2, RELEASE.toAbsolutePath().toUri().toString()).awaitEnd();

        Set<TriggerEvent> before = new HashSet<>();
        for (String line : Files.readAllLines(RELEASE.resolve(TRIGGERS_BEFORE), StandardCharsets.UTF_8)) {
            before.add(Json.read(line, TriggerEvent.class));
        }
        Map<String, String> pointsBefore = new TreeMap<>();
        for (String line : Files.readAllLines(RELEASE.resolve(POINTS_BEFORE), StandardCharsets.UTF_8)) {
            String[] kv = line.split("\t", 2);
            pointsBefore.put(kv[0], kv[1]);
        }
        SavepointRuns.assertSameAsUninterrupted(SavepointRuns.events(uninterrupted.triggers.results()),
                SavepointRuns.finalPoints(uninterrupted.metrics.results()), before, pointsBefore, after);
    }

    @Test
    @EnabledIfSystemProperty(named = "laborwatch.savepoint.write", matches = ".+")
    void writeTheSavepointOfThisRelease() throws Exception {
        Path directory = Path.of(System.getProperty("laborwatch.savepoint.write"));
        Files.createDirectories(directory);
        List<RawRecord> first = SavepointRuns.parts().get(0);
        FeedSource.Feed feed = SavepointRuns.openFeeds(FEED).add(first);
        SavepointRuns.Started job = SavepointRuns.start(FEED, 2, null);
        String savepoint = job.stopWithSavepoint(feed, first.size(), directory);
        List<String> events = new ArrayList<>();
        SavepointRuns.events(job.outputs().triggers.results()).forEach(e -> events.add(Json.write(e)));
        events.sort(null);
        Files.write(directory.resolve(TRIGGERS_BEFORE), events, StandardCharsets.UTF_8);
        List<String> points = new ArrayList<>();
        SavepointRuns.finalPoints(job.outputs().metrics.results()).forEach((k, v) -> points.add(k + "\t" + v));
        Files.write(directory.resolve(POINTS_BEFORE), points, StandardCharsets.UTF_8);
        System.out.println("savepoint of " + first.size() + " records, " + events.size() + " trigger events, "
                + job.outputs().metrics.results().size() + " metric points (" + points.size() + " keys): " + savepoint);
    }
}
