package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Kafka client settings: a file, with LABORWATCH_KAFKA_* environment variables on top. */
class KafkaClientConfigTest {

    @Test
    void environmentOverridesTheFileAndNamesMapToProperties() throws Exception {
        Path file = Path.of("target", "tmp", "client.properties");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "security.protocol=SASL_SSL\nsasl.mechanism=PLAIN\n");
        Properties p = KafkaClientConfig.load(file, Map.of(
                "LABORWATCH_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "LABORWATCH_KAFKA_SASL_JAAS_CONFIG", "secret",
                "LABORWATCH_KAFKA_", "ignored",
                "OTHER", "x"));
        assertEquals("SASL_SSL", p.getProperty("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.getProperty("sasl.mechanism"));
        assertEquals("secret", p.getProperty("sasl.jaas.config"));
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void aMissingFileIsAnError() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> KafkaClientConfig.load(Path.of("target", "no-such.properties"), Map.of()));
        assertTrue(e.getMessage().contains("--kafka-config"), e.getMessage());
    }
}
