package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code run} says in one line where it reads and writes, and never prints the InfluxDB token. */
class RunStartupLineTest {

    @Test
    void namesTheBrokerTopicsAndInfluxButNotTheToken() throws IOException {
        Path token = Files.writeString(Path.of("target", "run-startup-token"), "s3cr3t-t0ken\n");
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--bootstrap", "kafka:9092", "--triggers-topic", "t.triggers",
                "--influx-url", "http://influxdb:8086", "--influx-org", "lw", "--influx-bucket", "lw-bucket",
                "--influx-token-file", token.toString());
        String line = run.startupLine();
        assertEquals(1, line.lines().count(), line);
        for (String part : new String[] {"kafka:9092", "laborwatch.observations", "laborwatch.policies", "t.triggers",
            "laborwatch.metrics", "laborwatch.dead-letter", "laborwatch.policies-applied", "http://influxdb:8086",
            "lw-bucket"}) {
            assertTrue(line.contains(part), part + " in: " + line);
        }
        assertFalse(line.contains("s3cr3t"), line);
    }

    @Test
    void theLoggedConfigurationHasEverySettingButNoSecret() throws IOException {
        Path token = Files.writeString(Path.of("target", "run-config-token"), "s3cr3t-t0ken\n");
        Path kafka = Files.writeString(Path.of("target", "run-config-kafka.properties"), String.join("\n",
                "security.protocol=SASL_SSL",
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"pw-s3cr3t\";",
                "ssl.truststore.password=ts-s3cr3t", "ssl.key.password=k-s3cr3t", ""));
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--bootstrap", "kafka:9092", "--kafka-config", kafka.toString(),
                "--influx-url", "http://influxdb:8086", "--influx-token-file", token.toString(),
                "--revision-horizon", "bls.laus/sa=4", "--transaction-timeout", "PT2M");
        String line = run.configurationLine();
        assertEquals(1, line.lines().count(), line);
        for (String part : new String[] {run.startupLine(), "transaction timeout 120 s", "policies bundled",
            "[bls.laus/sa=4]", "future vintage tolerance PT48H", "security.protocol=SASL_SSL", "sasl.jaas.config=***",
            "ssl.truststore.password=***", "ssl.key.password=***", "InfluxDB token from " + token}) {
            assertTrue(line.contains(part), part + " in: " + line);
        }
        assertFalse(line.contains("s3cr3t"), line);
    }
}
