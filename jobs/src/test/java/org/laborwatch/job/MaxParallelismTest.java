package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;

/**
 * The job's maximum parallelism is set, not derived: every operator gets {@link
 * LaborwatchPipeline#MAX_PARALLELISM} whatever parallelism the job starts at, and it is the value
 * Flink derived for releases that set none, so their savepoints restore ({@link ReleaseSavepointTest}
 * checks the kept savepoint itself).
 */
class MaxParallelismTest {

    private static StreamExecutionEnvironment built(int parallelism) {
        return TestGraphs.withPoliciesAtStart(parallelism, "max-parallelism");
    }

    @Test
    void everyOperatorHasTheJobsMaxParallelismAtAnyParallelism() {
        for (int parallelism : new int[] {1, 2, 96}) {
            List<StreamNode> nodes = List.copyOf(built(parallelism).getStreamGraph().getStreamNodes());
            assertFalse(nodes.isEmpty());
            for (StreamNode node : nodes) {
                assertEquals(LaborwatchPipeline.MAX_PARALLELISM, node.getMaxParallelism(),
                        node.getOperatorName() + " at parallelism " + parallelism);
            }
        }
    }

    @Test
    void itIsWhatFlinkDerivedForTheParallelismsReleasesRanAt() {
        // Flink derives max(128, 1.5 x parallelism rounded up to a power of two): 128 up to 85.
        for (int parallelism = 1; parallelism <= 85; parallelism++) {
            assertEquals(KeyGroupRangeAssignment.computeDefaultMaxParallelism(parallelism),
                    LaborwatchPipeline.MAX_PARALLELISM, "parallelism " + parallelism);
        }
    }

    @Test
    void aParallelismAboveItFailsWhenTheGraphIsBuiltNamingTheLimit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> built(LaborwatchPipeline.MAX_PARALLELISM + 1));
        assertTrue(e.getMessage().contains("above the job's maximum " + LaborwatchPipeline.MAX_PARALLELISM), e.getMessage());
    }
}
