package org.laborwatch.io.influx;

/** A write InfluxDB refused for good, or kept failing beyond the sink's retry time. */
public final class InfluxWriteException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InfluxWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
