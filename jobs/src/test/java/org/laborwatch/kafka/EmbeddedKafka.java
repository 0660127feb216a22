package org.laborwatch.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.laborwatch.testing.FreePorts;

/**
 * A single-node Kafka (KRaft, broker and controller in one) running inside the test JVM: bound to
 * 127.0.0.1 on two free ports, its log directory under {@code target/}, replication factors and
 * ISR 1. Register it as a JUnit 5 extension ({@code @RegisterExtension static}) to start it once
 * per test class; {@link #stop()} and {@link #restart()} keep ports and log directory, so a test
 * can take the broker away under a running job and bring it back with its data.
 *
 * <p>Records up to {@link #MAX_MESSAGE_BYTES} are accepted, so tests can send 10 MB records (and
 * their dead letters, which carry the bytes as base64).
 */
public final class EmbeddedKafka implements BeforeAllCallback, AfterAllCallback {

    /** Broker-wide message.max.bytes; clients need max.request.size at least this. */
    public static final int MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

    /**
     * The broker's registration session: a broker restarted after this long is back as a new
     * session. Twelve heartbeats: with 3 s (six), a loaded test machine (GC pauses of the mini
     * cluster in the same JVM) let the controller fence its own broker, and the next topic
     * creation failed with "All brokers are currently fenced".
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    /**
     * The broker's transaction protocol (KIP-890): 2 is the default of a new Kafka 4.x cluster and
     * bumps the producer epoch at the end of every transaction; 1 is the classic protocol.
     * {@code -Dlaborwatch.kafka.transaction.version=2} runs the tests against the other one.
     */
    public static final short TRANSACTION_VERSION = Short.parseShort(System.getProperty("laborwatch.kafka.transaction.version", "2"));

    private final Path logDir;
    private int brokerPort;
    private int controllerPort;
    private KafkaRaftServer server;
    private boolean formatted;

    public EmbeddedKafka() {
        this(Path.of("target", "kafka", UUID.randomUUID().toString()));
    }

    public EmbeddedKafka(Path logDir) {
        this.logDir = logDir.toAbsolutePath();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stop();
        deleteLogDir();
    }

    /** Removes the broker's data (the 10 MB test records would otherwise pile up under target/). */
    public void deleteLogDir() throws IOException {
        if (!Files.exists(logDir)) {
            return;
        }
        try (var paths = Files.walk(logDir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Formats the log directory on first start, then starts the broker and waits until it answers. */
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        long t0 = System.nanoTime();
        if (!formatted) {
            Files.createDirectories(logDir);
            int[] ports = FreePorts.distinct(2);
            brokerPort = ports[0];
            controllerPort = ports[1];
        }
        Properties p = singleNodeSettings(brokerPort, controllerPort, logDir);
        p.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        // A restarted broker must not wait for a clean-shutdown dance with itself.
        p.put("controlled.shutdown.enable", "false");
        // A restarted broker re-registers under the same id; the controller waits for the old
        // registration's session to expire first (9 s by default).
        p.put("broker.heartbeat.interval.ms", "500");
        p.put("broker.session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
        KafkaConfig config = KafkaConfig.fromProps(p, false);
        if (!formatted) {
            new Formatter().setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setNodeId(1).setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString())).setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION).setControllerListenerName("CONTROLLER")
                    .setFeatureLevel("transaction.version", TRANSACTION_VERSION)
                    .run();
            formatted = true;
        }
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        try (Admin admin = admin()) {
            awaitUnfenced(admin, bootstrap());
        }
        System.out.printf("embedded kafka on %s (transaction.version %d, log dir %s) up in %d ms%n", bootstrap(),
                TRANSACTION_VERSION, logDir,
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The settings of a single-node KRaft cluster (broker and controller in one) on 127.0.0.1:
     * replication factors and ISR 1, no topic auto-creation, no rebalance delay, and transaction
     * timeouts up to Flink's 15 minutes. Shared with the broker that runs as its own process
     * ({@code KafkaBrokerProcess}).
     */
    public static Properties singleNodeSettings(int brokerPort, int controllerPort, Path logDir) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("num.partitions", "2");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "2");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "2");
        p.put("min.insync.replicas", "1");
        p.put("default.replication.factor", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        // Flink's exactly-once sink asks for its transaction timeout (at most 15 minutes).
        p.put("transaction.max.timeout.ms", Long.toString(Duration.ofMinutes(15).toMillis()));
        return p;
    }

    /** Stops the broker; its ports and data stay for {@link #restart()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
    }

    /** Starts the broker again on the same ports and log directory. */
    public void restart() throws Exception {
        stop();
        start();
    }

    public String bootstrap() {
        return "127.0.0.1:" + brokerPort;
    }

    /** Creates topics (replication 1) if they do not exist yet. */
    public void createTopic(String name, int partitions, Map<String, String> configs) {
        createTopic(bootstrap(), name, partitions, configs);
    }

    /** Creates a topic (replication 1) on the broker at {@code bootstrap} if it does not exist yet. */
    public static void createTopic(String bootstrap, String name, int partitions, Map<String, String> configs) {
        try (Admin admin = admin(bootstrap)) {
            // A topic needs an unfenced broker to place its partitions on.
            awaitUnfenced(admin, bootstrap);
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(configs))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create topic " + name, e);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot create topic " + name, e);
        }
    }

    /**
     * Waits (30 s at most) until the broker at {@code bootstrap} is registered and unfenced: only
     * then does the cluster description list it. A broker fenced for a missed heartbeat is
     * unfenced at its next one.
     */
    private static void awaitUnfenced(Admin admin, String bootstrap) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no unfenced broker at " + bootstrap + " after 30 s");
            }
            Thread.sleep(100);
        }
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES)));
    }

    /** The laborwatch topics with a prefix (each test its own): observations with 2 partitions. */
    public void createLaborwatchTopics(String prefix) {
        createLaborwatchTopics(bootstrap(), prefix);
    }

    /** The laborwatch topics with a prefix on the broker at {@code bootstrap}. */
    public static void createLaborwatchTopics(String bootstrap, String prefix) {
        Map<String, String> large = Map.of("max.message.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        createTopic(bootstrap, prefix + "observations", 2, large);
        createTopic(bootstrap, prefix + "policies", 1, Map.of("cleanup.policy", "compact"));
        createTopic(bootstrap, prefix + "triggers", 2, large);
        createTopic(bootstrap, prefix + "metrics", 2, large);
        createTopic(bootstrap, prefix + "dead-letter", 2, large);
        createTopic(bootstrap, prefix + "policies-applied", 1, large);
    }

    public Admin admin() {
        return admin(bootstrap());
    }

    private static Admin admin(String bootstrap) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return Admin.create(p);
    }

    /** Client settings every test client needs: this broker, and room for 10 MB records. */
    public Properties clientProperties() {
        return clientProperties(bootstrap());
    }

    private static Properties clientProperties(String bootstrap) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return p;
    }

    /** An idempotent producer of raw bytes. */
    public KafkaProducer<byte[], byte[]> producer() {
        return producer(bootstrap());
    }

    /** An idempotent producer of raw bytes for the broker at {@code bootstrap}. */
    public static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
        Properties p = clientProperties(bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, Long.toString(64L * 1024 * 1024));
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends string-keyed records and waits for every acknowledgement. */
    public void produce(String topic, List<Map.Entry<String, byte[]>> records) {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (Map.Entry<String, byte[]> r : records) {
                producer.send(new ProducerRecord<>(topic, r.getKey() == null ? null : r.getKey().getBytes(StandardCharsets.UTF_8),
                        r.getValue()));
            }
            producer.flush();
        }
    }

    /**
     * Everything committed on a topic now: a {@code read_committed} consumer from the beginning up to
     * the last stable offset of each partition.
     */
    public List<ConsumerRecord<byte[], byte[]>> readCommitted(String topic) {
        return readCommitted(bootstrap(), topic);
    }

    /** Everything committed on a topic of the broker at {@code bootstrap} now (see {@link #readCommitted(String)}). */
    public static List<ConsumerRecord<byte[], byte[]>> readCommitted(String bootstrap, String topic) {
        Properties p = clientProperties(bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(MAX_MESSAGE_BYTES));
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor(topic, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // For read_committed, endOffsets is the last stable offset.
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Committed values of a topic as UTF-8 strings. */
    public List<String> readCommittedValues(String topic) {
        return readCommittedValues(bootstrap(), topic);
    }

    /** Committed values of a topic of the broker at {@code bootstrap} as UTF-8 strings. */
    public static List<String> readCommittedValues(String bootstrap, String topic) {
        List<String> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : readCommitted(bootstrap, topic)) {
            out.add(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Sum of the end offsets of a topic (records plus transaction markers under read_uncommitted). */
    public long endOffsetSum(Collection<TopicPartition> partitions) {
        Properties p = clientProperties();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum();
        }
    }
}
