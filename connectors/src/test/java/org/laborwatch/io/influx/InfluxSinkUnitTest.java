package org.laborwatch.io.influx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.influxdb.exceptions.InfluxException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RejectReason;

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
        for (int code : new int[] {408, 429, 500, 502, 503, 504}) {
            InfluxResponses.Verdict v = classify(status(code, "busy"));
            assertEquals(InfluxResponses.Action.RETRY, v.action(), code + ": " + v);
            assertEquals(code, v.status());
            assertTrue(v.retryable());
        }
        assertEquals(InfluxResponses.Action.RETRY, classify(new InfluxException(new ConnectException("Connection refused"))).action());
        assertEquals(InfluxResponses.Action.RETRY, classify(new InfluxException(new SocketTimeoutException("timeout"))).action());
    }

    @Test
    void aBatchRefusedForItselfGoesToTheDeadLetterOutputWithTheResponse() {
        String body = "partial write: field type conflict: input field \"state\" on measurement \"trigger\" is type integer, "
                + "already exists as type string dropped=1";
        for (int code : new int[] {400, 405, 409, 413, 422}) {
            InfluxResponses.Verdict v = classify(status(code, body));
            assertEquals(InfluxResponses.Action.DEAD_LETTER, v.action(), code + ": " + v);
            assertFalse(v.retryable());
            assertTrue(v.message().contains(body), v.message());
        }
        assertTrue(classify(status(400, body)).message().startsWith("InfluxDB refused the write: 400 bad request"));
        assertTrue(classify(status(413, "too large")).message().contains("lower the sink's batch size"));
    }

    @Test
    void onlyAnswersThatEveryLaterWriteWouldGetFailTheJobSayingWhatToFix() {
        InfluxResponses.Verdict unauthorized = classify(status(401, "unauthorized access"));
        assertEquals(InfluxResponses.Action.FAIL, unauthorized.action());
        assertTrue(unauthorized.message().startsWith("InfluxDB refused the write: 401 unauthorized — check the token"),
                unauthorized.message());
        assertFalse(unauthorized.message().contains("s3cret"));
        InfluxResponses.Verdict forbidden = classify(status(403, "forbidden"));
        assertEquals(InfluxResponses.Action.FAIL, forbidden.action());
        assertTrue(forbidden.message().contains("give it write permission"), forbidden.message());
        InfluxResponses.Verdict notFound = classify(status(404, "database not found: \"b\""));
        assertEquals(InfluxResponses.Action.FAIL, notFound.action());
        assertTrue(notFound.message().contains("404 bucket not found — bucket 'b' in org 'o'"), notFound.message());
        assertTrue(notFound.message().contains("database not found"), notFound.message());
        assertEquals(InfluxResponses.Action.FAIL, classify(new IllegalStateException("bug")).action());
    }

    @Test
    void aRefusedLineSurvivesACheckpointAsACommittable() throws IOException {
        RefusedLineSerializer s = new RefusedLineSerializer();
        DeadLetter letter = new DeadLetter(RejectReason.INFLUX_REJECTED, "InfluxDB refused the write: 400 (HTTP 400)",
                InfluxSinkWriter.ORIGIN, "trigger,policy=pólítica,region=US state=1i 0".getBytes(StandardCharsets.UTF_8));
        assertEquals(letter, s.deserialize(s.getVersion(), s.serialize(letter)));
        DeadLetter noOrigin = new DeadLetter(RejectReason.INFLUX_REJECTED, "d", null, new byte[3000], 100);
        assertEquals(noOrigin, s.deserialize(s.getVersion(), s.serialize(noOrigin)));
        assertTrue(assertThrows(IOException.class, () -> s.deserialize(2, s.serialize(letter))).getMessage()
                .contains("unknown version 2"));
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
