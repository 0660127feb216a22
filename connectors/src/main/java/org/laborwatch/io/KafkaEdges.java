package org.laborwatch.io;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.flink.util.function.SerializableFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.notify.SubscriberUpdate;
import org.laborwatch.policy.PolicyUpdate;

/**
 * The Kafka edges of the job: observation and policy sources, and JSON sinks.
 *
 * <p>The observation source keeps each record's bytes untouched and names its origin
 * {@code topic-partition@offset}, so validation decides what is good and a dead letter points
 * back at the record. {@code extra} carries the client settings an operator passes through
 * (security.protocol, sasl.*, ssl.*).
 */
public final class KafkaEdges {

    private KafkaEdges() {}

    /** Observations: from the committed offsets of the group, or the earliest on first start. */
    public static KafkaSource<RawRecord> observations(String bootstrap, String topic, String groupId, Properties extra) {
        return observations(bootstrap, topic, groupId, extra, null);
    }

    /**
     * Observations, optionally bounded: with {@code stoppingOffsets} (tests use
     * {@link OffsetsInitializer#latest()}) the source ends there, so a job over a topic finishes and
     * commits its last transactions. Production passes {@code null}: unbounded.
     */
    public static KafkaSource<RawRecord> observations(String bootstrap, String topic, String groupId, Properties extra,
            OffsetsInitializer stoppingOffsets) {
        var builder = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setTopics(require(topic, "observations topic"))
                .setGroupId(require(groupId, "consumer group"))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(extra);
        if (stoppingOffsets != null) {
            builder.setBounded(stoppingOffsets);
        }
        return builder.build();
    }

    /**
     * Observations from the earliest offset up to the end offsets at start, then the source
     * finishes: a replay of what a topic holds (the benchmark; a bounded job also commits its last
     * transaction in the final checkpoint).
     */
    public static KafkaSource<RawRecord> observationsBounded(String bootstrap, String topic, String groupId,
            Properties extra) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setTopics(require(topic, "observations topic"))
                .setGroupId(require(groupId, "consumer group"))
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setBounded(OffsetsInitializer.latest())
                .setDeserializer(new RawRecordDeserializer())
                .setProperties(extra)
                .build();
    }

    /**
     * Policy updates: always the whole compacted topic from the earliest offset, so every instance
     * ends up with the newest version of every policy (older versions are refused by version).
     */
    public static KafkaSource<PolicyUpdate> policies(String bootstrap, String topic, String groupId, Properties extra) {
        return policies(bootstrap, topic, groupId, extra, null);
    }

    /** Policy updates, optionally bounded like {@link #observations(String, String, String, Properties, OffsetsInitializer)}. */
    public static KafkaSource<PolicyUpdate> policies(String bootstrap, String topic, String groupId, Properties extra,
            OffsetsInitializer stoppingOffsets) {
        var builder = KafkaSource.<PolicyUpdate>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setTopics(require(topic, "policies topic"))
                .setGroupId(require(groupId, "consumer group") + "-policies")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new PolicyTextDeserializer())
                .setProperties(extra);
        if (stoppingOffsets != null) {
            builder.setBounded(stoppingOffsets);
        }
        return builder.build();
    }

    /**
     * Trigger events as their JSON text, for the notifier: {@code isolation.level=read_committed}, so
     * only events of committed transactions of the exactly-once trigger sink are read; from the
     * group's committed offsets (committed on checkpoints), or the earliest on first start.
     */
    public static KafkaSource<String> triggerTexts(String bootstrap, String topic, String groupId, Properties extra,
            OffsetsInitializer stoppingOffsets) {
        Properties p = new Properties();
        p.putAll(extra);
        p.setProperty("isolation.level", "read_committed");
        var builder = KafkaSource.<String>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setTopics(require(topic, "triggers topic"))
                .setGroupId(require(groupId, "consumer group"))
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new TextDeserializer())
                .setProperties(p);
        if (stoppingOffsets != null) {
            builder.setBounded(stoppingOffsets);
        }
        return builder.build();
    }

    /**
     * Subscriber updates: the whole compacted topic from the earliest offset, like policies, so every
     * instance ends up with the newest version of every subscriber.
     */
    public static KafkaSource<SubscriberUpdate> subscribers(String bootstrap, String topic, String groupId, Properties extra) {
        return KafkaSource.<SubscriberUpdate>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setTopics(require(topic, "subscribers topic"))
                .setGroupId(require(groupId, "consumer group") + "-subscribers")
                .setStartingOffsets(OffsetsInitializer.earliest())
                .setDeserializer(new SubscriberTextDeserializer())
                .setProperties(extra)
                .build();
    }

    /**
     * A sink of JSON values with a key per element.
     *
     * @param transactionalIdPrefix required for EXACTLY_ONCE; unique per sink and job
     */
    public static <T> KafkaSink<T> jsonSink(String bootstrap, String topic, SerializableFunction<T, String> key,
            SerializableFunction<T, byte[]> value, DeliveryGuarantee guarantee, String transactionalIdPrefix,
            Properties extra) {
        var builder = KafkaSink.<T>builder()
                .setBootstrapServers(require(bootstrap, "bootstrap servers"))
                .setRecordSerializer(new KeyedJson<>(require(topic, "topic"), key, value))
                .setDeliveryGuarantee(guarantee)
                .setKafkaProducerConfig(extra);
        if (guarantee == DeliveryGuarantee.EXACTLY_ONCE) {
            builder.setTransactionalIdPrefix(require(transactionalIdPrefix, "transactional id prefix"));
        }
        return builder.build();
    }

    private static String require(String value, String what) {
        Objects.requireNonNull(value, what + " must be set");
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value;
    }

    /** Keeps the bytes; the job's validation decides. */
    static final class RawRecordDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
            byte[] value = record.value() == null ? new byte[0] : record.value();
            // The key goes with the record so validation can refuse one that disagrees with its
            // series (it would sit on another series' partition); an unkeyed record has none.
            String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            out.collect(new RawRecord(value, record.topic() + "-" + record.partition() + "@" + record.offset(), key));
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeInformation.of(RawRecord.class);
        }
    }

    /**
     * Policy texts with their keys (checked against the policy id); a tombstone (null value) of the
     * compacted topic carries no policy.
     */
    static final class PolicyTextDeserializer implements KafkaRecordDeserializationSchema<PolicyUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<PolicyUpdate> out) {
            if (record.value() != null) {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                out.collect(new PolicyUpdate(key, new String(record.value(), StandardCharsets.UTF_8)));
            }
        }

        @Override
        public TypeInformation<PolicyUpdate> getProducedType() {
            return TypeInformation.of(PolicyUpdate.class);
        }
    }

    /** Record values as UTF-8 text; a tombstone carries nothing. */
    static final class TextDeserializer implements KafkaRecordDeserializationSchema<String> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<String> out) {
            if (record.value() != null) {
                out.collect(new String(record.value(), StandardCharsets.UTF_8));
            }
        }

        @Override
        public TypeInformation<String> getProducedType() {
            return TypeInformation.of(String.class);
        }
    }

    /** Subscriber definitions with their keys (checked against the id); a tombstone is ignored. */
    static final class SubscriberTextDeserializer implements KafkaRecordDeserializationSchema<SubscriberUpdate> {
        private static final long serialVersionUID = 1L;

        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<SubscriberUpdate> out) {
            if (record.value() != null) {
                String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
                out.collect(new SubscriberUpdate(key, new String(record.value(), StandardCharsets.UTF_8)));
            }
        }

        @Override
        public TypeInformation<SubscriberUpdate> getProducedType() {
            return TypeInformation.of(SubscriberUpdate.class);
        }
    }

    /** Key and value as UTF-8 JSON. */
    static final class KeyedJson<T> implements KafkaRecordSerializationSchema<T> {
        private static final long serialVersionUID = 1L;
        private final String topic;
        private final SerializableFunction<T, String> key;
        private final SerializableFunction<T, byte[]> value;

        KeyedJson(String topic, SerializableFunction<T, String> key, SerializableFunction<T, byte[]> value) {
            this.topic = topic;
            this.key = key;
            this.value = value;
        }

        @Override
        public ProducerRecord<byte[], byte[]> serialize(T element, KafkaSinkContext context, Long timestamp) {
            String k = key.apply(element);
            return new ProducerRecord<>(topic, null, timestamp, k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                    value.apply(element));
        }
    }
}
