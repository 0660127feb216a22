package org.laborwatch.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.connector.sink2.Sink;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.io.influx.InfluxToken;
import org.laborwatch.job.InfluxSeries;
import org.laborwatch.job.PipelineSinks;
import picocli.CommandLine.Option;

/**
 * The InfluxDB flags shared by {@code run} and {@code demo}. Without {@code --influx-url} nothing
 * is written to InfluxDB. The token comes from {@code LABORWATCH_INFLUX_TOKEN} or
 * {@code --influx-token-file}, never from the command line.
 */
public final class InfluxOptions {

    @Option(names = "--influx-url", paramLabel = "URL", defaultValue = "${env:LABORWATCH_INFLUX_URL}",
            description = "InfluxDB URL (v2 write API, e.g. http://127.0.0.1:8086; env LABORWATCH_INFLUX_URL). "
                    + "When given, observations, metric points and trigger series are also written to InfluxDB.")
    String url;

    @Option(names = "--influx-org", paramLabel = "ORG", defaultValue = "${env:LABORWATCH_INFLUX_ORG:-laborwatch}",
            description = "InfluxDB organization (default: ${DEFAULT-VALUE}; env LABORWATCH_INFLUX_ORG).")
    String org;

    @Option(names = "--influx-bucket", paramLabel = "BUCKET", defaultValue = "${env:LABORWATCH_INFLUX_BUCKET:-laborwatch}",
            description = "InfluxDB bucket (InfluxDB 1.x: database/retention-policy; default: ${DEFAULT-VALUE}; env LABORWATCH_INFLUX_BUCKET).")
    String bucket;

    @Option(names = "--influx-token-file", paramLabel = "FILE",
            description = "File holding the InfluxDB token (default: the environment variable " + InfluxToken.ENV + ").")
    Path tokenFile;

    /** Whether InfluxDB output was asked for. */
    boolean enabled() {
        return url != null && !url.isBlank();
    }

    /** The token, from the file when given, else from the environment. */
    InfluxToken token(Map<String, String> env) {
        return tokenFile != null ? InfluxToken.fromFile(tokenFile) : InfluxToken.fromEnv(InfluxToken.ENV, env);
    }

    /**
     * Fails, in one line, when {@code --influx-url} points at an InfluxDB without the v2 write API
     * the sinks speak: 1.x before 1.8 answers 404 on {@code /api/v2/write} and names its version in
     * the {@code X-Influxdb-Version} header of {@code /ping}. Anything else (2.x, 1.8+, the shim of
     * deploy/influxdb, or no answer at all, which the sinks report themselves) passes. The probe
     * writes an empty body without the token, so it stores nothing and sends no secret.
     *
     * @throws IllegalArgumentException naming the version and the fix
     */
    void checkWriteApi() {
        if (!enabled()) {
            return;
        }
        String version = versionLackingV2Write();
        if (version != null) {
            throw new IllegalArgumentException("InfluxDB at " + url + " (version " + version + ") has no v2 write API "
                    + "(/api/v2/write answers 404; InfluxDB 1.x has it from 1.8): use InfluxDB 1.8 or later or 2.x, "
                    + "or put the v2-write shim of deploy/influxdb in front of it");
        }
    }

    /** The version of an InfluxDB that answers 404 on the v2 write API, else null. */
    private String versionLackingV2Write() {
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Duration wait = Duration.ofSeconds(10);
        try {
            HttpResponse<Void> write = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v2/write?org="
                            + encode(org) + "&bucket=" + encode(bucket) + "&precision=s"))
                    .timeout(wait).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
            if (write.statusCode() != 404) {
                return null;
            }
            HttpResponse<Void> ping = http.send(HttpRequest.newBuilder(URI.create(base + "/ping")).timeout(wait).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            return ping.headers().firstValue("X-Influxdb-Version").orElse("unknown");
        } catch (IOException | IllegalArgumentException e) {
            // Unreachable or a malformed URL: the sinks' own checks say so, with their messages.
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Adds the three InfluxDB sinks to {@code sinks} when {@code --influx-url} is given; lines
     * InfluxDB refuses for good go to {@code refusals} as dead letters.
     */
    void addTo(PipelineSinks.Builder sinks, Map<String, String> env, Sink<DeadLetter> refusals) {
        if (enabled()) {
            InfluxSeries.addTo(sinks, url, org, bucket, token(env), refusals, b -> {});
        }
    }
}
