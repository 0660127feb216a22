package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.StreamSupport;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.junit.jupiter.api.Test;

/**
 * A job whose policies are all given at start (the demo, the bench, bounded tests) has no source
 * but its observations: the empty policy-update input is part of their chain and ends when they
 * end. A source of its own finishes at once, and on a bounded run its task can decline the
 * checkpoint Flink triggers at the end of the data, which makes the job wait for the next periodic
 * checkpoint (docs/benchmark-history.md, #13's ninth and tenth parts).
 */
class PoliciesGivenAtStartTest {

    private static JobGraph built(int parallelism) {
        return TestGraphs.withPoliciesAtStart(parallelism, "policies-at-start").getStreamGraph().getJobGraph();
    }

    @Test
    void theObservationsAreTheJobsOnlySourceAndTheNoUpdatesInputIsInTheirChain() {
        for (int parallelism : new int[] {1, 2}) {
            List<JobVertex> sources = StreamSupport.stream(built(parallelism).getVertices().spliterator(), false)
                    .filter(JobVertex::isInputVertex).toList();
            assertEquals(1, sources.size(), "sources at parallelism " + parallelism + ": "
                    + sources.stream().map(JobVertex::getName).toList());
            String chain = sources.get(0).getName();
            assertTrue(chain.contains("validate observations") && chain.contains("no policy updates"),
                    "the observations' chain at parallelism " + parallelism + ": " + chain);
        }
    }
}
