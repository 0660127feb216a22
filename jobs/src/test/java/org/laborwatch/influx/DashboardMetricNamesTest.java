package org.laborwatch.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.laborwatch.policy.MetricNames;
import org.laborwatch.rollup.RegionsOnRollup;

/**
 * Every metric a dashboard asks for, in a panel query or a metric picker, is one the job emits:
 * a name no metric emits would draw an empty panel forever.
 */
class DashboardMetricNamesTest {

    /** {@code "metric" = 'name'} in an InfluxQL query, as it stands (escaped) in the dashboard's JSON. */
    private static final Pattern IN_QUERY = Pattern.compile("metric\\\\?\" = '([^']+)'");

    @Test
    void everyMetricADashboardNamesIsEmitted() throws IOException {
        Set<String> emitted = new TreeSet<>(MetricNames.ALL);
        emitted.add(RegionsOnRollup.REGIONS_ON);
        emitted.add(RegionsOnRollup.SHARE);
        Set<String> named = new TreeSet<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(DashboardQueriesTest.DASHBOARDS.resolve("grafana").resolve("dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String text = Files.readString(file);
                Matcher m = IN_QUERY.matcher(text);
                while (m.find()) {
                    if (!m.group(1).startsWith("$")) { // a dashboard variable, checked below
                        named.add(m.group(1));
                    }
                }
                for (JsonNode variable : json.readTree(text).path("templating").path("list")) {
                    if (variable.path("name").asText().equals("metric") && variable.path("type").asText().equals("custom")) {
                        for (String option : variable.path("query").asText().split(",")) {
                            named.add(option.trim());
                        }
                    }
                }
            }
        }
        assertTrue(named.size() >= 10, "found the dashboards' metric names: " + named);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(emitted);
        assertEquals(Set.of(), unknown, "named by a dashboard but emitted by no metric");
    }
}
