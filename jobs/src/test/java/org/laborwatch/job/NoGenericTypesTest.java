package org.laborwatch.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.io.influx.InfluxToken;
import org.laborwatch.notify.DeliveryAttempt;
import org.laborwatch.notify.DeliverySettings;
import org.laborwatch.notify.SubscriberAck;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.notify.WebhookDeadLetter;
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
        assertTrue(env.getConfig().getSerializerConfig().hasGenericTypesDisabled(), "the option reached the environment");
        return env;
    }

    @Test
    void everyTypeOfTheTriggerJobHasItsOwnSerializer() {
        StreamExecutionEnvironment env = withoutGenericTypes();
        PipelineSinks.Builder sinks = PipelineSinks.builder().triggers(new CollectSink<>()).metrics(new CollectSink<>())
                .deadLetters(new CollectSink<>()).policyAcks(new CollectSink<>());
        InfluxSeries.addTo(sinks, "http://localhost:1", "laborwatch", "bucket", InfluxToken.of("token"),
                new CollectSink<DeadLetter>(), b -> {});
        DataStream<RawRecord> source = env.fromData(List.of(new RawRecord("{}".getBytes(StandardCharsets.UTF_8), "test")),
                TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, BundledPolicies.all(), sinks.build());

        Set<Class<?>> checked = new HashSet<>();
        assertEquals(List.of(), typesWithoutSerializer(env, checked), "transformations whose type falls back to Kryo");
        assertTrue(checked.containsAll(Set.of(RawRecord.class, Observation.class, MetricPoint.class, PolicyInput.class,
                TriggerEvent.class, DeadLetter.class, PolicyAck.class)), "the walk reached every record type: " + checked);
        assertNotNull(env.getStreamGraph().getJobGraph(), "the job graph is generated without generic types");
    }

    @Test
    void everyTypeOfTheNotifierHasItsOwnSerializer() {
        StreamExecutionEnvironment env = withoutGenericTypes();
        NotifyPipeline.build(env.fromData("{}"), env.fromData(new SubscriberUpdate("s", "")), List.of(), Set.of(),
                DeliverySettings.standard(),
                new NotifyPipeline.Sinks(new CollectSink<>(), new CollectSink<>(), new CollectSink<>(), new CollectSink<>()),
                attempts -> attempts);

        Set<Class<?>> checked = new HashSet<>();
        assertEquals(List.of(), typesWithoutSerializer(env, checked), "transformations whose type falls back to Kryo");
        assertTrue(checked.containsAll(Set.of(Delivery.class, DeliveryAttempt.class, WebhookDeadLetter.class,
                SubscriberAck.class)), "the walk reached every record type: " + checked);
        assertNotNull(env.getStreamGraph().getJobGraph(), "the job graph is generated without generic types");
    }

    /**
     * Every transformation of {@code env} whose output type has no serializer under its
     * configuration (generic types off), as "name (type): error", so that one run names them all
     * (the graph generator stops at the first). Adds every type it checked to {@code checked}.
     */
    private static List<String> typesWithoutSerializer(StreamExecutionEnvironment env, Set<Class<?>> checked) {
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
            checked.add(t.getOutputType().getTypeClass());
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
