package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.Upsert;
import org.laborwatch.readers.ReaderOptions;

/**
 * The series-state operator keeps the region in hand only where the state backend hands out copies
 * (RocksDB), and then reads and writes a region once per run of its observations, writing before
 * the checkpoint barrier; on the heap backend every observation goes through the state. Either way
 * its points, dead letters and state equal the plain engine's over per-region series, also across a
 * checkpoint and a restore in mid-stream.
 */
class ComputeMetricsStateReadsTest {

    private static final Set<String> STATES = Set.of("US-CA", "US-TX", "US-NY", "US-OH");

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void pointsDeadLettersAndStateEqualThePlainEngineAndACopyingBackendReadsARegionOncePerRun(String backend)
            throws Exception {
        List<Observation> input = releases();
        int half = input.size() / 2;

        KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> first = harness(backend, null);
        send(first, input.subList(0, half));
        // As a task does: before the barrier, then the snapshot.
        first.prepareSnapshotPreBarrier(1);
        OperatorSubtaskState checkpoint = first.snapshot(1, 1);
        List<Object> out = new ArrayList<>(first.getOutput());
        List<DeadLetter> reported = new ArrayList<>(deadLetters(first));
        long reads = function(first).stateReads();
        long writes = function(first).stateWrites();
        first.close();

        KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> second = harness(backend, checkpoint);
        send(second, input.subList(half, input.size()));
        out.addAll(second.getOutput());
        reported.addAll(deadLetters(second));
        reads += function(second).stateReads();
        second.prepareSnapshotPreBarrier(2);
        writes += function(second).stateWrites();
        second.close();

        Expected expected = plainEngine(input, half);
        List<MetricPoint> points = out.stream().map(r -> (MetricPoint) ((StreamRecord<?>) r).getValue()).toList();
        assertEquals(expected.points, points, "the same points in the same order as the plain engine");
        assertEquals(expected.reports, reported.stream().map(DeadLetter::detail).toList(),
                "the same conflicts and refusals, reported");
        if (backend.equals("rocksdb")) {
            // One read per run of a region in each harness; in each, one more read finds out whether the
            // backend hands out copies, at the first region that has state: in the first harness, the
            // first region's second observation (its first found no state, which tells nothing).
            assertEquals(runs(input.subList(0, half)) + runs(input.subList(half, input.size())) + 1 + 2, reads,
                    "a region is read once per run of its observations");
            // Plus one: the first region's first observation, written at once, since no read had yet
            // told whether the backend hands out copies.
            assertEquals(expected.runsWithChanges + 1, writes, "a region is written once per run that changed it");
        } else {
            assertEquals(input.size() + 2, reads, "on the heap backend every observation reads its region from the state"
                    + " (and two reads, one per harness, find that it hands out the stored object)");
            assertEquals(expected.changes, writes, "on the heap backend every change is written at once");
        }
    }

    /**
     * Four states' monthly rates (LAUS) and weekly claims (ETA 539), 2019-2021, as releases: each
     * month's records region by region, so a region's observations come in runs; plus revisions, a
     * stale repeat and a conflicting duplicate, and runs of one where regions alternate.
     */
    private static List<Observation> releases() throws Exception {
        List<Observation> all = new ArrayList<>();
        LocalDate from = LocalDate.of(2019, 1, 1);
        LocalDate to = LocalDate.of(2021, 12, 31);
        all.addAll(TestData.read("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> STATES.contains(o.region()) && !o.period().isBefore(from)
                        && !o.period().isAfter(to)));
        all.addAll(TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", ReaderOptions.defaults(),
                o -> STATES.contains(o.region()) && !o.period().isBefore(from) && !o.period().isAfter(to)));
        all.sort(Comparator.comparing((Observation o) -> o.period().withDayOfMonth(1)).thenComparing(Observation::region)
                .thenComparing(Observation::period).thenComparing(Observation::indicator));
        List<Observation> out = new ArrayList<>(all);
        Observation rate = all.stream().filter(o -> o.indicator().equals("unemployment_rate")).skip(40).findFirst()
                .orElseThrow();
        out.add(with(rate, rate.value().add(new BigDecimal("0.3")), rate.vintage().plusMonths(1))); // a revision
        out.add(with(rate, rate.value().add(new BigDecimal("0.9")), rate.vintage().minusDays(1))); // stale
        out.add(with(rate, rate.value().add(new BigDecimal("0.1")), rate.vintage().plusMonths(1))); // a conflict
        // Regions alternating record by record: runs of one.
        for (Observation o : all.subList(all.size() - 12, all.size())) {
            out.add(with(o, o.value(), o.vintage().plusMonths(2)));
        }
        return out;
    }

    private static Observation with(Observation o, BigDecimal value, LocalDate vintage) {
        return new Observation(o.indicator(), o.region(), o.sector(), o.adjustment(), o.frequency(), o.period(), value,
                o.unit(), o.source(), vintage);
    }

    private static int runs(List<Observation> in) {
        int runs = 0;
        String previous = null;
        for (Observation o : in) {
            if (!o.region().equals(previous)) {
                runs++;
            }
            previous = o.region();
        }
        return runs;
    }

    /**
     * The plain engine's points and reports; the observations that changed a region, and the runs of
     * a region with such a change, counted in the two halves apart (a run across the checkpoint is
     * written before it).
     */
    private record Expected(List<MetricPoint> points, List<String> reports, long changes, long runsWithChanges) {}

    private static Expected plainEngine(List<Observation> in, int half) {
        MetricEngine engine = MetricEngine.standard();
        Map<String, RegionSeries> regions = new HashMap<>();
        List<MetricPoint> points = new ArrayList<>();
        List<String> reports = new ArrayList<>();
        long changes = 0;
        long runsWithChanges = 0;
        boolean runChanged = false;
        for (int i = 0; i < in.size(); i++) {
            Observation o = in.get(i);
            if (i == half || (i > 0 && !o.region().equals(in.get(i - 1).region()))) {
                runsWithChanges += runChanged ? 1 : 0;
                runChanged = false;
            }
            MetricEngine.Result r = engine.apply(regions.computeIfAbsent(ComputeMetrics.keyOf(o), k -> new RegionSeries()), o);
            boolean changed = r.upsert() != Upsert.STALE && r.upsert() != Upsert.TOO_OLD;
            changes += changed ? 1 : 0;
            runChanged |= changed;
            if (r.upsert().reported()) {
                reports.add(r.report());
            }
            points.addAll(r.points());
        }
        runsWithChanges += runChanged ? 1 : 0;
        return new Expected(points, reports, changes, runsWithChanges);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> harness(String backend,
            OperatorSubtaskState restore) throws Exception {
        KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> h =
                new KeyedOneInputStreamOperatorTestHarness<>(new ComputeMetrics.Operator(MetricEngine.standard()),
                        ComputeMetrics::keyOf, Types.STRING);
        StateBackend state = backend.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
        h.setStateBackend(state);
        if (restore != null) {
            h.initializeState(restore);
        }
        h.open();
        return h;
    }

    private static void send(KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> h,
            List<Observation> in) throws Exception {
        for (Observation o : in) {
            h.processElement(o, 0L);
        }
    }

    private static List<DeadLetter> deadLetters(KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> h) {
        var side = h.getSideOutput(ComputeMetrics.REPORTED);
        return side == null ? List.of() : side.stream().map(StreamRecord::getValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static ComputeMetrics function(KeyedOneInputStreamOperatorTestHarness<String, Observation, MetricPoint> h) {
        return (ComputeMetrics) ((KeyedProcessOperator<String, Observation, MetricPoint>) h.getOperator()).getUserFunction();
    }
}
