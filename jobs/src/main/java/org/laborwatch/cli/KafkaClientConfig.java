package org.laborwatch.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client settings of the commands that talk to Kafka ({@code run}, {@code replay},
 * {@code triggers}): a properties file, then {@code LABORWATCH_KAFKA_*} environment variables on
 * top, so secrets (sasl.jaas.config, ssl passwords) never appear on a command line.
 */
final class KafkaClientConfig {

    static final String ENV_PREFIX = "LABORWATCH_KAFKA_";

    private KafkaClientConfig() {}

    static Properties load(Path file) throws IOException {
        return load(file, System.getenv());
    }

    /** {@code LABORWATCH_KAFKA_SASL_JAAS_CONFIG} becomes {@code sasl.jaas.config}. */
    static Properties load(Path file, Map<String, String> env) throws IOException {
        Properties p = new Properties();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("--kafka-config " + file + " is not a file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX) && e.getKey().length() > ENV_PREFIX.length()) {
                p.setProperty(e.getKey().substring(ENV_PREFIX.length()).toLowerCase().replace('_', '.'), e.getValue());
            }
        }
        return p;
    }
}
