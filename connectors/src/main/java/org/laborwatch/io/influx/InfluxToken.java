package org.laborwatch.io.influx;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An InfluxDB API token. It is read from the environment or a file, never from the command line,
 * and never printed: {@link #toString()} is redacted, and error messages name where the token came
 * from, not what it is.
 *
 * <p>The token travels inside the job graph (as Kafka SASL settings do), so a Flink cluster that
 * runs the job must be trusted with it.
 */
public final class InfluxToken implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The environment variable the CLI reads the token from. */
    public static final String ENV = "LABORWATCH_INFLUX_TOKEN";

    private final String value;
    private final String origin;

    private InfluxToken(String value, String origin) {
        this.value = value;
        this.origin = origin;
    }

    /** The token in environment variable {@code name}; fails naming the variable when it is unset or blank. */
    public static InfluxToken fromEnv(String name, Map<String, String> env) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("InfluxDB token missing: set " + name + " (or give a token file)");
        }
        return new InfluxToken(v.strip(), "environment variable " + name);
    }

    /** The token in {@code file} (its first line, trimmed); fails naming the file. */
    public static InfluxToken fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the InfluxDB token file " + file + ": " + e, e);
        }
        String v = text.strip();
        int nl = v.indexOf('\n');
        if (nl >= 0) {
            v = v.substring(0, nl).strip();
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("the InfluxDB token file " + file + " is empty");
        }
        return new InfluxToken(v, "token file " + file);
    }

    /** A token given in code (tests); prefer {@link #fromEnv} or {@link #fromFile} elsewhere. */
    public static InfluxToken of(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("InfluxDB token missing");
        }
        return new InfluxToken(token.strip(), "the given token");
    }

    /** Where the token came from, for error messages. */
    public String origin() {
        return origin;
    }

    char[] chars() {
        return value.toCharArray();
    }

    @Override
    public String toString() {
        return "InfluxToken[" + origin + ", ****]";
    }
}
