package org.laborwatch.influx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.laborwatch.testing.FreePorts;

/**
 * A real InfluxDB for tests: Debian's influxd 1.6 behind nginx, which maps the v2 write API the
 * sink speaks ({@code /api/v2/write?bucket=db/rp&precision=s}) to influxd's {@code /write}
 * (feasibility.md §3), serves {@code /health}, and requires {@code Authorization: Token <TOKEN>}
 * on writes so a wrong token gets the 401 a real InfluxDB 2.x would give.
 *
 * <p>When {@code influxd} or {@code nginx} is missing and the tests run as root (CI on a fresh
 * Debian), it installs the Debian packages {@code influxdb} and {@code nginx-light} with services
 * kept from starting; otherwise it fails saying what to install. Everything binds 127.0.0.1 on free
 * ports and lives under the given directory (in target/); {@link #close()} stops both.
 */
public final class InfluxServer implements AutoCloseable {

    /** The token nginx accepts on writes. */
    public static final String TOKEN = "laborwatch-test-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final Path influxd;
    private final Path nginx;
    private final int httpPort;
    private final int rpcPort;
    private final int proxyPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process influxdProcess;
    private Process nginxProcess;

    private InfluxServer(Path dir, Path influxd, Path nginx) throws IOException {
        this.dir = dir.toAbsolutePath();
        this.influxd = influxd;
        this.nginx = nginx;
        int[] ports = FreePorts.distinct(3);
        this.httpPort = ports[0];
        this.rpcPort = ports[1];
        this.proxyPort = ports[2];
    }

    /** Installs when needed, writes the configs under {@code dir}, starts influxd and nginx. */
    public static InfluxServer start(Path dir) throws IOException, InterruptedException {
        ensureInstalled();
        InfluxServer s = new InfluxServer(dir, find("influxd").orElseThrow(), find("nginx").orElseThrow());
        try {
            s.configure();
            s.startInfluxd();
            s.startNginx();
            return s;
        } catch (IOException | InterruptedException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The URL the sink writes to (nginx). */
    public String url() {
        return "http://127.0.0.1:" + proxyPort;
    }

    /** influxd's own URL (queries). */
    public String influxdUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    // ---------------------------------------------------------------- install

    private static synchronized void ensureInstalled() throws IOException, InterruptedException {
        if (find("influxd").isPresent() && find("nginx").isPresent()) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException("The InfluxDB tests need influxd (InfluxDB 1.6+) and nginx on the PATH. "
                    + "Install them (Debian: sudo apt-get install influxdb nginx-light; services need not run) "
                    + "or run the tests as root, which installs them.");
        }
        // Keep the packages' services from starting (a container's policy-rc.d usually does this already).
        Path policy = Path.of("/usr/sbin/policy-rc.d");
        boolean ownPolicy = !Files.exists(policy);
        if (ownPolicy) {
            Files.writeString(policy, "#!/bin/sh\nexit 101\n");
            policy.toFile().setExecutable(true);
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("sh", "-c",
                    "apt-get update -qq && apt-get install -y -qq --no-install-recommends influxdb nginx-light");
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            pb.redirectErrorStream(true);
            Path log = Path.of("target", "apt-install.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("installing influxdb and nginx-light with apt-get failed; see " + log
                        + ":\n" + tail(log));
            }
        } finally {
            if (ownPolicy) {
                Files.deleteIfExists(policy);
            }
        }
        if (find("influxd").isEmpty() || find("nginx").isEmpty()) {
            throw new IllegalStateException("apt-get installed influxdb and nginx-light, yet influxd or nginx is not found");
        }
    }

    private static boolean isRoot() {
        try {
            Process p = new ProcessBuilder("id", "-u").start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 && out.equals("0");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Optional<Path> find(String program) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin", "/usr/local/bin"));
        for (String d : dirs) {
            if (!d.isEmpty()) {
                Path p = Path.of(d, program);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- configuration

    private void configure() throws IOException {
        if (Files.exists(dir)) {
            // A fresh server each run: data of an earlier run would hide a missing point.
            try (Stream<Path> old = Files.walk(dir)) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        Files.createDirectories(dir);
        for (String d : List.of("meta", "data", "wal", "nginx/body", "nginx/proxy", "nginx/fastcgi", "nginx/uwsgi", "nginx/scgi")) {
            Files.createDirectories(dir.resolve(d));
        }
        Files.writeString(dir.resolve("influxdb.conf"), """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s/meta"
                [data]
                  dir = "%s/data"
                  wal-dir = "%s/wal"
                  query-log-enabled = false
                [retention]
                  enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  enabled = true
                  bind-address = "127.0.0.1:%d"
                  auth-enabled = false
                  log-enabled = false
                [continuous_queries]
                  enabled = false
                [subscriber]
                  enabled = false
                """.formatted(rpcPort, dir, dir, dir, httpPort));
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/nginx/body;
                  proxy_temp_path %1$s/nginx/proxy;
                  fastcgi_temp_path %1$s/nginx/fastcgi;
                  uwsgi_temp_path %1$s/nginx/uwsgi;
                  scgi_temp_path %1$s/nginx/scgi;
                  client_max_body_size 64m;
                  map $arg_bucket $influx_db { "~^(?<d>[^/%%]+)(/|%%2F|%%2f)" $d; default $arg_bucket; }
                  map $arg_bucket $influx_rp { "~^[^/%%]+(/|%%2F|%%2f)(?<r>.+)$" $r; default ""; }
                  map $arg_precision $influx_precision { ns n; us u; ms ms; s s; default n; }
                  server {
                    listen 127.0.0.1:%2$d;
                    location = /api/v2/write {
                      default_type application/json;
                      if ($http_authorization != "Token %3$s") {
                        return 401 '{"code":"unauthorized","message":"unauthorized access"}';
                      }
                      proxy_set_header Authorization "";
                      proxy_pass http://127.0.0.1:%4$d/write?db=$influx_db&rp=$influx_rp&precision=$influx_precision;
                    }
                    location = /health {
                      default_type application/json;
                      return 200 '{"name":"influxdb","message":"ready for queries and writes","status":"pass","checks":[],"version":"1.6.7-shim"}';
                    }
                    location / { proxy_pass http://127.0.0.1:%4$d; }
                  }
                }
                """.formatted(dir, proxyPort, TOKEN, httpPort));
    }

    // ---------------------------------------------------------------- processes

    /** Starts influxd (again, after {@link #stopInfluxd()}: the data are kept) and waits for /ping. */
    public synchronized void startInfluxd() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(influxd.toString(), "run", "-config", dir.resolve("influxdb.conf").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("influxd.log").toFile()));
        influxdProcess = pb.start();
        waitFor(influxdUrl() + "/ping", influxdProcess, dir.resolve("influxd.log"));
    }

    /** Stops influxd (SIGTERM, then waits): writes through nginx get 502 until it is back. */
    public synchronized void stopInfluxd() throws InterruptedException {
        stop(influxdProcess);
        influxdProcess = null;
    }

    private void startNginx() throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-e", dir.resolve("nginx-error.log").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("nginx.log").toFile()));
        nginxProcess = pb.start();
        waitFor(url() + "/health", nginxProcess, dir.resolve("nginx-error.log"));
    }

    private void waitFor(String url, Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(url + ": the process exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 == 2) {
                    return;
                }
            } catch (IOException e) {
                // not up yet
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException(url + " did not answer within " + START_TIMEOUT + ":\n" + tail(log));
    }

    private static void stop(Process p) throws InterruptedException {
        if (p == null) {
            return;
        }
        p.destroy();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(nginxProcess);
        stop(influxdProcess);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    // ---------------------------------------------------------------- queries

    /** Runs an InfluxQL statement on influxd and returns its first result; fails on an error. */
    public JsonNode query(String database, String influxql) {
        String form = "q=" + URLEncoder.encode(influxql, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8)) + "&epoch=s";
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(influxdUrl() + "/query"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(r.body());
            if (r.statusCode() != 200 || body.has("error")) {
                throw new IllegalStateException("InfluxQL failed (" + r.statusCode() + "): " + influxql + " -> " + r.body());
            }
            JsonNode result = body.path("results").path(0);
            if (result.has("error")) {
                throw new IllegalStateException("InfluxQL error: " + influxql + " -> " + result.get("error").asText());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes line protocol (precision seconds) straight to influxd, past the sink; returns the
     * HTTP status and body, so a test can put points in place that the job's writes then meet.
     */
    public String writeDirectly(String database, String lines) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(influxdUrl() + "/write?db="
                            + URLEncoder.encode(database, StandardCharsets.UTF_8) + "&precision=s"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() + " " + r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates a database whose shard groups span 100 years: the data start in 1948, and the default
     * of one shard group a week would make thousands of shards and slow every query.
     */
    public void createDatabase(String name) {
        query(null, "CREATE DATABASE \"" + name + "\" WITH SHARD DURATION 5200w");
    }

    /** The single number a {@code SELECT count(x) ...} returns (0 when there are no points). */
    public long count(String database, String influxql) {
        JsonNode series = query(database, influxql).path("series");
        if (series.isMissingNode() || series.isEmpty()) {
            return 0;
        }
        return series.get(0).path("values").get(0).get(1).asLong();
    }
}
