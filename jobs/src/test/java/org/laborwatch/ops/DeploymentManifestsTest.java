package org.laborwatch.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.laborwatch.cli.LaborwatchCli;
import picocli.CommandLine;

/**
 * The deployment files as an operator uses them: docker-compose.yml validated by docker-compose
 * itself (no engine needed), every image pinned, every mounted file present, the Grafana
 * provisioning the dashboard tests check, and the job arguments of compose and Kubernetes accepted
 * by the real command line.
 */
class DeploymentManifestsTest {

    private static final Path ROOT = Path.of("..");
    private static final ObjectMapper YAML = new YAMLMapper();

    private static JsonNode compose() throws Exception {
        return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    @Test
    void composeIsValidForDockerCompose() throws Exception {
        Path dockerCompose = DebianTool.ensure("docker-compose", "docker-compose");
        Process p = new ProcessBuilder(dockerCompose.toString(), "--env-file", ".env.example", "-f", "docker-compose.yml",
                "config", "-q").directory(ROOT.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), out);
    }

    @Test
    void composeNeedsItsSecretsFromTheEnvironment() throws Exception {
        String text = Files.readString(ROOT.resolve("docker-compose.yml"));
        assertFalse(text.contains("change-me"), "no secret values in docker-compose.yml");
        assertTrue(text.contains("${INFLUX_TOKEN:?"), "the token must come from .env");
        assertTrue(Files.readString(ROOT.resolve(".gitignore")).lines().anyMatch(".env"::equals));
    }

    @Test
    void everyImageIsPinned() throws Exception {
        List<String> images = new ArrayList<>();
        compose().path("services").forEach(s -> {
            if (s.has("image")) {
                images.add(s.get("image").asText());
            }
        });
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(Files.readString(ROOT.resolve("deploy/Dockerfile")));
        while (from.find()) {
            images.add(from.group(1));
        }
        for (JsonNode doc : k8s("deploy/k8s/kafka-topics.yaml")) {
            doc.findValues("image").forEach(i -> images.add(i.asText()));
        }
        assertTrue(images.size() >= 8, images.toString());
        for (String image : images) {
            assertTrue(image.matches("[^:]+:[0-9][^:]*"), "pinned to a version, not latest: " + image);
        }
    }

    @Test
    void everyMountedFileExists() throws Exception {
        for (Iterator<Map.Entry<String, JsonNode>> it = compose().path("services").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> service = it.next();
            for (JsonNode volume : service.getValue().path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith("./")) {
                    assertTrue(Files.exists(ROOT.resolve(source)), service.getKey() + " mounts missing " + source);
                }
            }
        }
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+)").matcher(Files.readString(ROOT.resolve("deploy/Dockerfile")));
        while (copy.find()) {
            assertTrue(Files.exists(ROOT.resolve(copy.group(1))), "Dockerfile copies missing " + copy.group(1));
        }
    }

    @Test
    void grafanaGetsTheProvisioningTheDashboardTestsCheck() throws Exception {
        List<String> mounts = new ArrayList<>();
        compose().path("services").path("grafana").path("volumes").forEach(v -> mounts.add(v.asText()));
        assertTrue(mounts.contains("./dashboards/provisioning:/etc/grafana/provisioning:ro"), mounts.toString());
        // The provider reads the dashboards from where compose mounts the JSON the dashboard tests check.
        JsonNode provider = YAML.readTree(ROOT.resolve("dashboards/provisioning/dashboards/laborwatch.yaml").toFile());
        String path = provider.path("providers").get(0).path("options").path("path").asText();
        assertTrue(mounts.contains("./dashboards/grafana/dashboards:" + path + ":ro"), mounts + " vs " + path);
        try (var files = Files.list(ROOT.resolve("dashboards/grafana/dashboards"))) {
            assertEquals(4, files.filter(f -> f.toString().endsWith(".json")).count());
        }
        assertTrue(Files.isRegularFile(ROOT.resolve("dashboards/provisioning/datasources/laborwatch.yaml")));
    }

    @Test
    void theComposeJobArgumentsAreAcceptedByTheCommandLine() throws Exception {
        List<String> command = new ArrayList<>();
        compose().path("services").path("jobmanager").path("command").forEach(c -> command.add(c.asText()));
        assertEquals("standalone-job", command.get(0));
        assertEquals(LaborwatchCli.class.getName(), command.get(2));
        List<String> args = command.subList(3, command.size()).stream()
                .map(a -> a.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")).toList();
        assertParses(args);
    }

    @Test
    void theFlinkDeploymentRunsTheJarOfTheImageWithSavepointUpgradesAndHighAvailability() throws Exception {
        JsonNode fd = k8s("deploy/k8s/flinkdeployment.yaml").get(0);
        assertEquals("flink.apache.org/v1beta1", fd.path("apiVersion").asText());
        assertEquals("FlinkDeployment", fd.path("kind").asText());
        assertEquals("v2_2", fd.path("spec").path("flinkVersion").asText());
        JsonNode job = fd.path("spec").path("job");
        assertEquals("savepoint", job.path("upgradeMode").asText());
        assertEquals("local:///opt/flink/usrlib/laborwatch-jobs.jar", job.path("jarURI").asText());
        assertTrue(Files.readString(ROOT.resolve("deploy/Dockerfile")).contains("/opt/flink/usrlib/laborwatch-jobs.jar"));
        assertEquals(LaborwatchCli.class.getName(), job.path("entryClass").asText());
        JsonNode conf = fd.path("spec").path("flinkConfiguration");
        assertEquals("kubernetes", conf.path("high-availability.type").asText());
        assertFalse(conf.path("execution.checkpointing.dir").asText().isBlank());
        assertFalse(conf.path("execution.checkpointing.savepoint-dir").asText().isBlank());
        List<String> args = new ArrayList<>();
        job.path("args").forEach(a -> args.add(a.asText()));
        assertParses(args);
        JsonNode topics = k8s("deploy/k8s/kafka-topics.yaml").get(0);
        assertEquals("Job", topics.path("kind").asText());
    }

    /**
     * Each committing sink's committer re-registers its pendingCommittables gauge at every
     * checkpoint, which Flink's metric group logs as a "Name collision" WARN: every log
     * configuration we ship sets that logger to ERROR (the job jar's for local runs, the image's
     * Flink configuration, and the FlinkDeployment's, which the operator puts in place of the
     * image's).
     */
    @Test
    void everyShippedLogConfigurationSilencesTheMetricNameCollisions() throws Exception {
        String logger = "logger.metricgroup.name = org.apache.flink.metrics.MetricGroup";
        String level = "logger.metricgroup.level = ERROR";
        String jar = Files.readString(ROOT.resolve("jobs/src/main/resources/log4j2.properties"));
        assertTrue(jar.contains(logger + "\n" + level), "jobs log4j2.properties");
        String docker = Files.readString(ROOT.resolve("deploy/Dockerfile"));
        assertTrue(docker.contains(logger + "\\n" + level) && docker.contains("/opt/flink/conf/log4j-console.properties")
                && docker.contains("/opt/flink/conf/log4j.properties"), "Dockerfile patches both Flink log configurations");
        String k8s = k8s("deploy/k8s/flinkdeployment.yaml").get(0).path("spec").path("logConfiguration")
                .path("log4j-console.properties").asText();
        assertTrue(k8s.contains(logger + "\n" + level), "FlinkDeployment logConfiguration: " + k8s);
        assertTrue(k8s.contains("rootLogger.appenderRef.console.ref"), "a complete configuration, not just the one logger");
    }

    @Test
    void composeAndKubernetesShipTheSameRecoverySettings() {
        ShippedFlinkSettings shipped = new ShippedFlinkSettings(ROOT);
        Map<String, String> jobManager = ShippedFlinkSettings.only(shipped.compose("jobmanager"), ShippedFlinkSettings.RECOVERY);
        // The values docs/operations.md explains and MultiProcessClusterIT measures (recovery under 10 s).
        assertEquals("500ms", jobManager.get("heartbeat.interval"), jobManager.toString());
        assertEquals("exponential-delay", jobManager.get("restart-strategy.type"), jobManager.toString());
        assertEquals(jobManager, ShippedFlinkSettings.only(shipped.k8s(), ShippedFlinkSettings.RECOVERY));
        // A TaskManager watches the JobManager with its own heartbeat settings.
        assertEquals(ShippedFlinkSettings.only(jobManager, k -> k.startsWith("heartbeat.")),
                ShippedFlinkSettings.only(shipped.compose("taskmanager"), ShippedFlinkSettings.RECOVERY));
    }

    /**
     * Recovery from a lost TaskManager should not wait for a new TaskManager to start (a JVM or a
     * pod: 8-18 s measured), so both deployments keep a spare: compose runs two TaskManagers, the
     * FlinkDeployment (native mode, an active resource manager) asks Flink for one redundant
     * TaskManager. MultiProcessClusterIT runs the same shape.
     */
    @Test
    void bothDeploymentsKeepASpareTaskManager() throws Exception {
        assertEquals(2, compose().path("services").path("taskmanager").path("scale").asInt(), "compose taskmanager scale");
        assertEquals("1", new ShippedFlinkSettings(ROOT).k8s().get("slotmanager.redundant-taskmanager-num"),
                "FlinkDeployment slotmanager.redundant-taskmanager-num");
        assertTrue(k8s("deploy/k8s/flinkdeployment.yaml").get(0).path("spec").path("mode").isMissingNode()
                        || "native".equals(k8s("deploy/k8s/flinkdeployment.yaml").get(0).path("spec").path("mode").asText()),
                "redundant TaskManagers need the operator's native mode");
    }

    /**
     * Every topic a command reads or writes by default ({@code --*-topic} options of {@code run}
     * and {@code notify}) is created by the script both deployments run, compacted where the
     * command reads it as a table.
     */
    @Test
    void theTopicScriptCreatesEveryDefaultTopic() throws Exception {
        String script = Files.readString(ROOT.resolve("deploy/kafka/create-topics.sh"));
        CommandLine cli = new CommandLine(new LaborwatchCli());
        List<String> checked = new ArrayList<>();
        for (String command : List.of("run", "notify")) {
            for (CommandLine.Model.OptionSpec o : cli.getSubcommands().get(command).getCommandSpec().options()) {
                if (o.longestName().endsWith("-topic") && o.defaultValue() != null) {
                    assertTrue(Pattern.compile("(?m)^create " + Pattern.quote(o.defaultValue()) + " ").matcher(script).find(),
                            command + " " + o.longestName() + " defaults to " + o.defaultValue() + ", which create-topics.sh does not create");
                    checked.add(o.defaultValue());
                }
            }
        }
        assertTrue(checked.containsAll(List.of("laborwatch.observations", "laborwatch.subscribers")), checked.toString());
        for (String compacted : List.of("laborwatch.policies", "laborwatch.subscribers")) {
            assertTrue(Pattern.compile("(?m)^create " + Pattern.quote(compacted) + " .*cleanup.policy=compact").matcher(script).find(),
                    compacted + " must be compacted");
        }
    }

    private static void assertParses(List<String> args) {
        CommandLine cli = LaborwatchCli.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        assertTrue(parsed.hasSubcommand(), args.toString());
        assertEquals("run", parsed.subcommand().commandSpec().name());
    }

    private static List<JsonNode> k8s(String file) throws Exception {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(ROOT.resolve(file).toFile())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(docs::add);
        }
        return docs;
    }

}
