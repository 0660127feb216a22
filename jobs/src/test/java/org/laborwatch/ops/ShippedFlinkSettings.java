package org.laborwatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The Flink settings and job arguments the project ships, read from the deployment files
 * (docker-compose.yml and deploy/k8s/flinkdeployment.yaml) so tests run what operators run.
 */
public final class ShippedFlinkSettings {

    /** The settings that decide how fast a lost TaskManager is replaced. */
    public static final Predicate<String> RECOVERY = k -> k.startsWith("heartbeat.") || k.startsWith("restart-strategy");

    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path root;

    /** @param root the repository's root directory */
    public ShippedFlinkSettings(Path root) {
        this.root = root;
    }

    /** The FLINK_PROPERTIES of a compose service ({@code jobmanager}, {@code taskmanager}). */
    public Map<String, String> compose(String service) {
        String text = composeFile().path("services").path(service).path("environment").path("FLINK_PROPERTIES").asText();
        Map<String, String> out = new TreeMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            out.put(trimmed.substring(0, colon).strip(), trimmed.substring(colon + 1).strip());
        }
        return out;
    }

    /** The FlinkDeployment's flinkConfiguration. */
    public Map<String, String> k8s() {
        Map<String, String> out = new TreeMap<>();
        flinkDeployment().path("spec").path("flinkConfiguration").fields()
                .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    /** The entries of {@code settings} whose keys {@code keep} accepts. */
    public static Map<String, String> only(Map<String, String> settings, Predicate<String> keep) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> {
            if (keep.test(k)) {
                out.put(k, v);
            }
        });
        return out;
    }

    /**
     * The program arguments of the compose jobmanager's {@code standalone-job} command (what follows
     * {@code --job-classname CLASS}), with {@code ${VAR:-default}} replaced by its default.
     */
    public List<String> composeJobArgs() {
        List<String> command = new ArrayList<>();
        composeFile().path("services").path("jobmanager").path("command").forEach(c -> command.add(c.asText()));
        return command.subList(3, command.size()).stream().map(a -> a.replaceAll("\\$\\{[A-Z_]+:-([^}]*)}", "$1")).toList();
    }

    /** The entry class the compose jobmanager names with {@code --job-classname}. */
    public String composeJobClass() {
        return composeFile().path("services").path("jobmanager").path("command").get(2).asText();
    }

    /** The FlinkDeployment's job arguments. */
    public List<String> k8sJobArgs() {
        List<String> args = new ArrayList<>();
        flinkDeployment().path("spec").path("job").path("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    private JsonNode composeFile() {
        try {
            return YAML.readTree(root.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode flinkDeployment() {
        try (var parser = new YAMLFactory().createParser(root.resolve("deploy/k8s/flinkdeployment.yaml").toFile())) {
            return YAML.readValues(parser, JsonNode.class).next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
