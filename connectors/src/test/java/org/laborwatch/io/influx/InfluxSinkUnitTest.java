package org.laborwatch.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.exceptions.InfluxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sink's pieces that need no server: the builder, the token, the classifier, the state serializer. */
class InfluxSinkUnitTest {

    private static final InfluxToken TOKEN = InfluxToken.of("s3cret-token");

    private static InfluxSink.Builder<String> valid() {
        return InfluxSink.<String>builder().url("http://127.0.0.1:8086").org("o").bucket("b").token(TOKEN)
                .lines((s, p) -> s);
    }

    @Test
    void builderFailsFastNamingWhatIsMissing() {
        valid().build();
        assertEquals("InfluxDB URL missing (e.g. http://127.0.0.1:8086)",
                assertThrows(IllegalArgumentException.class, () -> valid().url(null).build()).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> valid().url("127.0.0.1:8086").build())
                .getMessage().contains("http(s)://host"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> valid().url("http://u:p@h:1").build())
                .getMessage().contains("credentials"));
        assertEquals("InfluxDB org missing", assertThrows(IllegalArgumentException.class, () -> valid().org(" ").build()).getMessage());
        assertEquals("InfluxDB bucket missing", assertThrows(IllegalArgumentException.class, () -> valid().bucket(null).build()).getMessage());
        assertTrue(assertThrows(NullPointerException.class, () -> valid().token(null).build()).getMessage()
                .contains("LABORWATCH_INFLUX_TOKEN"));
        assertThrows(IllegalArgumentException.class, () -> valid().maxInFlightRequests(0).build());
        assertThrows(IllegalArgumentException.class, () -> valid().precision(java.util.concurrent.TimeUnit.MINUTES).build());
    }

    @Test
    void tokenComesFromEnvironmentOrFileAndIsNeverPrinted(@TempDir Path dir) throws IOException {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InfluxToken.fromEnv("LABORWATCH_INFLUX_TOKEN", Map.of()))
                .getMessage().contains("LABORWATCH_INFLUX_TOKEN"));
        InfluxToken env = InfluxToken.fromEnv("T", Map.of("T", " abc \n"));
        assertEquals("abc", new String(env.chars()));
        Path f = Files.writeString(dir.resolve("token"), "file-token\n");
        InfluxToken file = InfluxToken.fromFile(f);
        assertEquals("file-token", new String(file.chars()));
        assertFalse(file.toString().contains("file-token"));
        assertFalse(valid().build().settings().toString().contains("s3cret"));
        Files.writeString(f, "  \n");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> InfluxToken.fromFile(f)).getMessage().contains("empty"));
    }

    private static InfluxResponses.Verdict classify(Throwable t) {
        return InfluxResponses.classify(t, "http://h:1", "o", "b", TOKEN);
    }

    private static InfluxException status(int code, String message) {
        return new InfluxException(message) {
            @Override
            public int status() {
                return code;
            }
        };
    }

    @Test
    void throttlingServerErrorsTimeoutsAndConnectionErrorsAreRetried() {
        assertTrue(classify(status(429, "slow down")).retryable());
        assertTrue(classify(status(500, "boom")).retryable());
        assertTrue(classify(status(502, "bad gateway")).retryable());
        assertTrue(classify(status(503, "unavailable")).retryable());
        assertTrue(classify(new InfluxException(new ConnectException("Connection refused"))).retryable());
        assertTrue(classify(new InfluxException(new SocketTimeoutException("timeout"))).retryable());
    }

    @Test
    void refusalsFailWithAMessageThatSaysWhatToFix() {
        InfluxResponses.Verdict unauthorized = classify(status(401, "unauthorized access"));
        assertFalse(unauthorized.retryable());
        assertTrue(unauthorized.message().startsWith("InfluxDB refused the write: 401 unauthorized — check the token"),
                unauthorized.message());
        assertFalse(unauthorized.message().contains("s3cret"));
        InfluxResponses.Verdict notFound = classify(status(404, "database not found: \"b\""));
        assertFalse(notFound.retryable());
        assertTrue(notFound.message().contains("404 bucket not found — bucket 'b' in org 'o'"), notFound.message());
        assertTrue(notFound.message().contains("database not found"), notFound.message());
        assertFalse(classify(status(400, "field type conflict")).retryable());
        assertFalse(classify(status(403, "forbidden")).retryable());
        assertFalse(classify(new IllegalStateException("bug")).retryable());
    }

    @Test
    void bufferedLinesSurviveACheckpoint() throws IOException {
        LineStateSerializer s = new LineStateSerializer();
        List<String> lines = List.of("metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.5 -1",
                "trigger,policy=pólítica,region=US,sector=all state=1i,tier=1i,transition=\"ENTER\" 0");
        BufferedRequestState<String> state = new BufferedRequestState<>(
                lines.stream().map(l -> new RequestEntryWrapper<>(l, l.length())).toList());
        BufferedRequestState<String> back = s.deserialize(s.getVersion(), s.serialize(state));
        assertEquals(lines, back.getBufferedRequestEntries().stream().map(RequestEntryWrapper::getRequestEntry).toList());
    }
}
