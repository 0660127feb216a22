package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.io.influx.InfluxToken;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.policy.BundledPolicies;

/**
 * No record on any edge of the job graphs falls back to Kryo (issue #13): with generic types
 * disabled ({@code pipeline.generic-types: false}) every transformation's output type still has a
 * serializer, and the stream and job graphs are generated. Kryo was the pipeline's largest
 * per-record cost ({@code LocalDate} fields inside Flink's POJO serializer).
 *
 * <p>Every optional sink is on (InfluxDB series, policy acknowledgements), so the graph is the
 * widest the job builds. Nothing runs: a graph is only generated.
 */
class NoGenericTypesTest {

    private static StreamExecutionEnvironment withoutGenericTypes() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        return env;
    }

    @Test
    void everyTypeOfTheTriggerJobHasItsOwnSerializer() {
        StreamExecutionEnvironment env = withoutGenericTypes();
        PipelineSinks.Builder sinks = PipelineSinks.builder().triggers(new CollectSink<>()).metrics(new CollectSink<>())
                .deadLetters(new CollectSink<>()).policyAcks(new CollectSink<>());
        InfluxSeries.addTo(sinks, "http://localhost:1", "laborwatch", "bucket", InfluxToken.of("token"),
                new CollectSink<DeadLetter>(), b -> {});
        LaborwatchPipeline.build(
                env.fromData(List.of(new RawRecord("{}".getBytes(StandardCharsets.UTF_8), "test")),
                        TypeInformation.of(RawRecord.class)),
                LaborwatchPipeline.noPolicyUpdates(env), BundledPolicies.all(), sinks.build());

        assertEquals(List.of(), typesWithoutSerializer(env), "transformations whose type falls back to Kryo");
        assertNotNull(env.getStreamGraph().getJobGraph(), "the job graph is generated without generic types");
    }

    @Test
    void everyTypeOfTheNotifierHasItsOwnSerializer() {
        StreamExecutionEnvironment env = withoutGenericTypes();
        NotifyPipeline.build(env.fromData("{}"), env.fromData(new SubscriberUpdate("s", "")), List.of(), Set.of(),
                DeliverySettings.standard(),
                new NotifyPipeline.Sinks(new CollectSink<>(), new CollectSink<>(), new CollectSink<>(), new CollectSink<>()),
                attempts -> attempts);

        assertEquals(List.of(), typesWithoutSerializer(env), "transformations whose type falls back to Kryo");
        assertNotNull(env.getStreamGraph().getJobGraph(), "the job graph is generated without generic types");
    }

    /**
     * Every transformation of {@code env} whose output type has no serializer under its
     * configuration (generic types off), as "name: error", so that one run names them all (the graph
     * generator stops at the first).
     */
    private static List<String> typesWithoutSerializer(StreamExecutionEnvironment env) {
        SerializerConfig config = env.getConfig().getSerializerConfig();
        List<String> failures = new ArrayList<>();
        Set<Transformation<?>> seen = new HashSet<>();
        Deque<Transformation<?>> todo = new ArrayDeque<>(env.getTransformations());
        while (!todo.isEmpty()) {
            Transformation<?> t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            todo.addAll(t.getInputs());
            try {
                t.getOutputType().createSerializer(config);
            } catch (RuntimeException e) {
                failures.add(t.getName() + " (" + t.getOutputType().getTypeClass().getSimpleName() + "): " + e.getMessage());
            }
        }
        failures.sort(String::compareTo);
        return failures;
    }
}
