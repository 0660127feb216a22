package org.laborwatch.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.testing.FreePorts;

/**
 * A Kafka broker as its own JVM process ({@code kafka.Kafka}, KRaft, broker and controller in one),
 * listening on 127.0.0.1 only on free ports, its data and log under {@code dir}: the settings of
 * {@link org.laborwatch.kafka.EmbeddedKafka} and the compose file's broker. The classpath is the
 * Kafka server jars the build lists in {@code target/flink-cluster/broker.classpath}.
 */
public final class KafkaBrokerProcess {

    private final Path dir;
    private final int port;
    private final Process process;

    private KafkaBrokerProcess(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** Formats the storage, starts the broker and waits until it answers. */
    public static KafkaBrokerProcess start(ProcessRegistry processes, Path where, Path classpathFile) throws Exception {
        Path dir = where.toAbsolutePath();
        Files.createDirectories(dir.resolve("data"));
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("no broker classpath at " + classpathFile.toAbsolutePath()
                    + ": the build writes it (maven-dependency-plugin execution flink-cluster-broker-classpath); run mvn verify");
        }
        String classpath = Files.readString(classpathFile).strip();
        int[] ports = FreePorts.distinct(2);
        int port = ports[0];
        int controllerPort = ports[1];
        Properties p = EmbeddedKafka.singleNodeSettings(port, controllerPort, dir.resolve("data"));
        Path config = dir.resolve("server.properties");
        try (var w = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            p.store(w, "written by KafkaBrokerProcess");
        }
        Path log4j = dir.resolve("log4j2.properties");
        Files.writeString(log4j, """
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                appender.out.type = Console
                appender.out.name = out
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                logger.kafka.name = kafka
                logger.kafka.level = WARN
                logger.apache.name = org.apache.kafka
                logger.apache.level = WARN
                """);
        List<String> java = List.of(javaBin(), "-Xms512m", "-Xmx512m", "-Dlog4j2.configurationFile=file:" + log4j,
                "-cp", classpath);
        Process format = processes.start("kafka-format", concat(java, "kafka.tools.StorageTool", "format", "--config",
                config.toString(), "--cluster-id", Uuid.randomUuid().toString(), "--ignore-formatted"), dir, Map.of(),
                dir.resolve("format.out"));
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            throw new IllegalStateException("formatting the broker's storage failed; see " + dir.resolve("format.out"));
        }
        Process broker = processes.start("kafka-broker", concat(java, "kafka.Kafka", config.toString()), dir, Map.of(),
                dir.resolve("broker.out"));
        KafkaBrokerProcess b = new KafkaBrokerProcess(dir, port, broker);
        Waits.until("the broker on " + b.bootstrap() + " (log " + dir.resolve("broker.out") + ")", Duration.ofMinutes(2), () -> {
            if (!broker.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + dir.resolve("broker.out"));
            }
            try (Admin admin = b.admin()) {
                return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
            }
        });
        return b;
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    public Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        return Admin.create(p);
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static List<String> concat(List<String> head, String... tail) {
        List<String> out = new java.util.ArrayList<>(head);
        out.addAll(List.of(tail));
        return out;
    }
}
