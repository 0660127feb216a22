package org.laborwatch.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.PolicyInput;
import org.laborwatch.job.WireTypes;

/**
 * The {@code wire} section of the benchmark (issue #13): the CPU time to serialize and deserialize
 * one record of each type on the job's edges, with the records' own serializers ({@link WireTypes})
 * and with the serializer Flink derives for them (a POJO serializer with Kryo for {@code LocalDate}
 * and the maps, what the job used before), in turns in one thread, so other load on the machine
 * slows both alike. Thread CPU time, not wall time: waiting for a core is not counted.
 */
final class WireCost {

    /** One record type's result: CPU ns per record (median of the rounds) and bytes per record. */
    record Result(String type, double ownNs, double derivedNs, int ownBytes, int derivedBytes) {}

    private static final int RECORDS_PER_ROUND = 100_000;
    private static final int ROUNDS = 7;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private WireCost() {}

    static List<Result> measure() throws IOException {
        LocalDate april = LocalDate.of(2020, 4, 1);
        Observation o = new Observation("unemployment_rate", "US-CA-06037", "naics:72", "sa", Frequency.MONTHLY, april,
                new BigDecimal("5.2"), "percent", "bls.laus", LocalDate.of(2020, 5, 20));
        MetricPoint p = MetricPoint.ok("sahm_gap", "unemployment_rate", "US-CA-06037", "naics:72", Frequency.MONTHLY, april,
                new BigDecimal("0.53"), LocalDate.of(2020, 5, 20));
        TreeMap<String, BigDecimal> evidence = new TreeMap<>();
        evidence.put("sahm_gap", new BigDecimal("0.53"));
        TreeMap<String, BigDecimal> thresholds = new TreeMap<>();
        thresholds.put("sahm_gap", new BigDecimal("0.50"));
        TriggerEvent e = new TriggerEvent(TriggerEvent.idFor("sahm-rule", 1, "US", "all", april, Transition.ENTER, "base"),
                "sahm-rule", 1, "US", "all", Transition.ENTER, "base", 1, april, Frequency.MONTHLY, LocalDate.of(2020, 5, 9),
                null, evidence, thresholds, null, LocalDate.of(2020, 5, 8), Instant.parse("2020-05-08T00:00:00Z"));
        List<Result> results = new ArrayList<>();
        results.add(compare("observation", WireTypes.OBSERVATION, Observation.class, o));
        results.add(compare("metric_point", WireTypes.METRIC_POINT, MetricPoint.class, p));
        results.add(compare("policy_input", WireTypes.POLICY_INPUT, PolicyInput.class, new PolicyInput("sahm-rule", p)));
        results.add(compare("trigger_event", WireTypes.TRIGGER_EVENT, TriggerEvent.class, e));
        return results;
    }

    private static <T> Result compare(String name, TypeInformation<T> own, Class<T> type, T value) throws IOException {
        SerializerConfigImpl config = new SerializerConfigImpl();
        TypeSerializer<T> ownSerializer = own.createSerializer(config);
        TypeSerializer<T> derived = TypeInformation.of(type).createSerializer(config);
        long[] ownNs = new long[ROUNDS];
        long[] derivedNs = new long[ROUNDS];
        for (int r = 0; r < ROUNDS; r++) {
            derivedNs[r] = nsPerRecord(derived, value);
            ownNs[r] = nsPerRecord(ownSerializer, value);
        }
        return new Result(name, median(ownNs), median(derivedNs), size(ownSerializer, value), size(derived, value));
    }

    private static <T> long nsPerRecord(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        DataInputDeserializer in = new DataInputDeserializer();
        long start = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < RECORDS_PER_ROUND; i++) {
            out.clear();
            serializer.serialize(value, out);
            in.setBuffer(out.getSharedBuffer(), 0, out.length());
            if (!value.equals(serializer.deserialize(in))) {
                throw new IllegalStateException(serializer.getClass().getSimpleName() + " did not give back " + value);
            }
        }
        return (THREADS.getCurrentThreadCpuTime() - start) / RECORDS_PER_ROUND;
    }

    private static <T> int size(TypeSerializer<T> serializer, T value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(512);
        serializer.serialize(value, out);
        return out.length();
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
