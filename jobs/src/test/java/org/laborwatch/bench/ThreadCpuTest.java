package org.laborwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's CPU by thread: groups of threads, deltas since the run started, and what no Java thread spent. */
class ThreadCpuTest {

    private static final long S = 1_000_000_000L;

    @Test
    void subtasksOfATaskAndNumberedThreadsOfAKindAreOneGroup() {
        assertEquals("series state and metrics", ThreadCpu.group("series state and metrics (1/2)#0"));
        assertEquals(ThreadCpu.group("series state and metrics (2/2)#3"), ThreadCpu.group("series state and metrics (1/2)#0"));
        assertEquals("kafka-producer-network-thread | producer-N", ThreadCpu.group("kafka-producer-network-thread | producer-17"));
        assertEquals(70, ThreadCpu.group("Source: observations topic -> validate observations -> no policy updates -> x (1/2)#0")
                .length(), "long chains are cut to the table's width");
    }

    @Test
    void aGroupCountsItsThreadsTimeSinceTheStartAndAThreadStartedLaterFromZero() {
        Map<Long, Long> start = Map.of(1L, 5 * S, 2L, 1 * S);
        Map<Long, Long> last = Map.of(1L, 7 * S, 2L, 4 * S, 3L, 2 * S, 4L, 1 * S);
        Map<Long, String> names = Map.of(1L, "task (1/2)#0", 2L, "task (2/2)#0", 3L, "fetcher 1", 4L, "idle");
        Map<String, Double> groups = ThreadCpu.byGroup(start, last, names);
        assertEquals(List.of("task", "fetcher N", "idle"), List.copyOf(groups.keySet()), "largest first");
        assertEquals(5.0, groups.get("task"), 1e-9, "2 s + 3 s");
        assertEquals(2.0, groups.get("fetcher N"), 1e-9, "started during the run");
    }

    @Test
    void theTableShowsTheTopGroupsTheOthersAndWhatNoJavaThreadSpent() {
        Map<String, Double> groups = ThreadCpu.byGroup(Map.of(), Map.of(1L, 3 * S, 2L, 2 * S, 3L, 1 * S),
                Map.of(1L, "a", 2L, "b", 3L, "c"));
        String table = ThreadCpu.table(groups, 10.0, 2);
        assertTrue(table.contains("a ") && table.contains("3.00 s   30 %"), table);
        assertTrue(table.contains("(the other Java threads)") && table.contains("1.00 s   10 %"), table);
        assertTrue(table.contains("(no Java thread: the collector, the JIT, the VM)") && table.contains("4.00 s   40 %"), table);
        assertTrue(table.lines().noneMatch(l -> l.strip().startsWith("c ")), "c is among the others: " + table);
    }
}
