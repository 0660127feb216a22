package org.laborwatch.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboards in ../dashboards: provisioning as code that stays valid. This class checks
 * their structure (fixed uids, every panel and query on the InfluxQL datasource by uid, no Flux);
 * {@link InfluxPipelineTest#everyDashboardQueryRunsOnWhatTheJobWrote()} runs every query against a
 * real InfluxDB filled by the job through {@link #runAll}.
 */
public class DashboardQueriesTest {

    static final Path DASHBOARDS = Path.of("..", "dashboards");
    static final String DATASOURCE_UID = "laborwatch-influxql";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Metrics the bundled data produce today: panels on them must show data. */
    static final Set<String> COMPUTED = Set.of("sahm_gap", "iur_13wk", "iur_lookback_pct");

    /** What Grafana substitutes, as the dashboards' defaults would (All is the regex .*). */
    static final Map<String, String> VARIABLES = new LinkedHashMap<>();

    static {
        VARIABLES.put("$timeFilter", "time >= '1940-01-01T00:00:00Z' AND time <= now()");
        VARIABLES.put("$__interval", "30d");
        VARIABLES.put("$map_policy", "sahm-state");
        VARIABLES.put("$metric", "sahm_gap");
        VARIABLES.put("$region", ".*");
        VARIABLES.put("$sector", ".*");
        VARIABLES.put("$policy", ".*");
        VARIABLES.put("$country", "US");
    }

    /** One query of a dashboard: a panel target or a template variable. */
    record Query(String dashboard, String panel, String influxql) {
        String substituted() {
            String q = influxql;
            for (Map.Entry<String, String> v : VARIABLES.entrySet()) {
                q = q.replace(v.getKey(), v.getValue());
            }
            return q;
        }

        /** Whether the job's output today must give this query rows. */
        boolean expectsData() {
            String q = substituted();
            if (q.startsWith("SHOW TAG VALUES")) {
                return true;
            }
            Matcher m = Pattern.compile("\"metric\" (=|=~) ('([a-z0-9_]+)'|/\\^\\(?([a-z0-9_|]+)\\)?\\$/)").matcher(q);
            if (m.find()) {
                String names = m.group(3) != null ? m.group(3) : m.group(4);
                for (String n : names.split("\\|")) {
                    if (COMPUTED.contains(n)) {
                        return true;
                    }
                }
                return false;
            }
            return q.contains("FROM \"trigger\"") || q.contains("FROM \"observation\"") || q.contains("FROM (SELECT");
        }
    }

    static List<Path> dashboardFiles() throws IOException {
        try (Stream<Path> files = Files.list(DASHBOARDS.resolve("grafana/dashboards"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            out.add(p);
            p.path("panels").forEach(out::add); // panels inside collapsed rows
        }
        return out;
    }

    static List<Query> queries() throws IOException {
        List<Query> out = new ArrayList<>();
        for (Path f : dashboardFiles()) {
            JsonNode d = JSON.readTree(f.toFile());
            String uid = d.path("uid").asText();
            for (JsonNode p : panels(d)) {
                for (JsonNode t : p.path("targets")) {
                    out.add(new Query(uid, p.path("title").asText() + " [" + t.path("refId").asText() + "]", t.path("query").asText()));
                }
            }
            for (JsonNode v : d.path("templating").path("list")) {
                if (v.path("type").asText().equals("query")) {
                    out.add(new Query(uid, "variable $" + v.path("name").asText(), v.path("query").asText()));
                }
            }
        }
        return out;
    }

    @Test
    void dashboardsAreProvisionedByUidAndQueryInfluxQlOnly() throws IOException {
        List<Path> files = dashboardFiles();
        Set<String> uids = new HashSet<>();
        for (Path f : files) {
            JsonNode d = JSON.readTree(f.toFile());
            String uid = d.path("uid").asText();
            assertTrue(uid.startsWith("laborwatch-") && uid.length() <= 40, f + ": fixed uid, got '" + uid + "'");
            assertTrue(uids.add(uid), "uids are unique: " + uid);
            assertFalse(d.has("id") && !d.get("id").isNull(), f + ": no database id in provisioned JSON");
            Set<String> templateNames = new HashSet<>();
            for (JsonNode v : d.path("templating").path("list")) {
                templateNames.add(v.path("name").asText());
                if (v.path("type").asText().equals("query")) {
                    assertEquals(DATASOURCE_UID, v.path("datasource").path("uid").asText(), f + " variable " + v.path("name"));
                }
            }
            Set<Integer> ids = new HashSet<>();
            for (JsonNode p : panels(d)) {
                String where = f.getFileName() + " panel '" + p.path("title").asText() + "'";
                assertTrue(ids.add(p.path("id").asInt()), where + ": unique panel id");
                assertEquals("influxdb", p.path("datasource").path("type").asText(), where);
                assertEquals(DATASOURCE_UID, p.path("datasource").path("uid").asText(), where);
                assertTrue(p.path("targets").size() > 0, where + ": has a query");
                for (JsonNode t : p.path("targets")) {
                    assertEquals(DATASOURCE_UID, t.path("datasource").path("uid").asText(), where);
                    assertTrue(t.path("rawQuery").asBoolean(), where + ": raw InfluxQL");
                    String q = t.path("query").asText();
                    assertTrue(q.startsWith("SELECT "), where + ": InfluxQL SELECT, got " + q);
                    assertFalse(q.contains("from(bucket") || q.contains("|>"), where + ": no Flux");
                    Matcher m = Pattern.compile("\\$(\\w+)").matcher(q);
                    while (m.find()) {
                        String name = m.group(1);
                        assertTrue(name.equals("timeFilter") || name.equals("__interval") || templateNames.contains(name),
                                where + ": unknown variable $" + name);
                    }
                }
            }
        }
        assertEquals(Set.of("laborwatch-national", "laborwatch-states", "laborwatch-sectors-ai", "laborwatch-triggers"), uids);
        String datasource = Files.readString(DASHBOARDS.resolve("provisioning/datasources/laborwatch.yaml"));
        assertTrue(datasource.contains("uid: " + DATASOURCE_UID) && datasource.contains("type: influxdb"), datasource);
        String provider = Files.readString(DASHBOARDS.resolve("provisioning/dashboards/laborwatch.yaml"));
        assertTrue(provider.contains("type: file") && provider.contains("path: /var/lib/grafana/dashboards/laborwatch"), provider);
        JsonNode gazetteer = JSON.readTree(DASHBOARDS.resolve("grafana/gazetteer/laborwatch-us-states.json").toFile());
        assertEquals(53, gazetteer.size(), "50 states, DC, PR and VI");
    }

    /**
     * Issue #12 item 3: the national overview draws the Sahm gap twice, as first published (the
     * field {@link org.laborwatch.contract.LineProtocol#AS_PUBLISHED}) and on the latest data
     * ({@code value}); {@link #runAll} checks both return rows from what the job wrote.
     */
    @Test
    void theNationalOverviewShowsTheSahmGapInRealTimeAndOnTheLatestData() throws IOException {
        JsonNode d = JSON.readTree(DASHBOARDS.resolve("grafana/dashboards/national-overview.json").toFile());
        List<String> sahm = new ArrayList<>();
        for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
                String q = t.path("query").asText();
                if (q.contains("\"metric\" = 'sahm_gap'") && q.contains("GROUP BY time(")) {
                    sahm.add(p.path("id").asInt() + " " + q);
                }
            }
        }
        assertEquals(2, sahm.size(), "one time series panel, two lines: " + sahm);
        assertEquals(sahm.get(0).split(" ")[0], sahm.get(1).split(" ")[0], "in one panel: " + sahm);
        assertTrue(sahm.stream().anyMatch(q -> q.contains("last(\"value\")")), sahm.toString());
        assertTrue(sahm.stream().anyMatch(q -> q.contains("last(\"" + org.laborwatch.contract.LineProtocol.AS_PUBLISHED
                + "\")")), sahm.toString());
    }

    /**
     * Runs every dashboard query on {@code db}: each must run without an InfluxQL error, and those
     * on data the job produces today must return rows. Returns the panels checked non-empty and those
     * only run.
     */
    static Map<String, List<String>> runAll(InfluxServer server, String db) throws IOException {
        List<String> nonEmpty = new ArrayList<>();
        List<String> ranOnly = new ArrayList<>();
        for (Query q : queries()) {
            String influxql = q.substituted();
            assertFalse(Pattern.compile("\\$\\w").matcher(influxql).find(), q + ": unsubstituted variable");
            JsonNode result;
            try {
                result = server.query(db, influxql);
            } catch (IllegalStateException e) {
                throw new AssertionError(q.dashboard() + " / " + q.panel() + ": " + e.getMessage(), e);
            }
            String name = q.dashboard() + " / " + q.panel();
            if (q.expectsData()) {
                assertTrue(result.path("series").size() > 0, name + " returns no rows: " + influxql);
                nonEmpty.add(name);
            } else {
                ranOnly.add(name);
            }
        }
        return Map.of("non-empty", nonEmpty, "ran", ranOnly);
    }
}
