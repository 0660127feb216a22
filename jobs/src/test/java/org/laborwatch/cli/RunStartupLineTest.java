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
}
