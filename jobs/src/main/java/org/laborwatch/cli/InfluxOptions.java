package org.laborwatch.cli;

import java.nio.file.Path;
import java.util.Map;
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

    /** Adds the three InfluxDB sinks to {@code sinks} when {@code --influx-url} is given. */
    void addTo(PipelineSinks.Builder sinks, Map<String, String> env) {
        if (enabled()) {
            InfluxSeries.addTo(sinks, url, org, bucket, token(env), b -> {});
        }
    }
}
