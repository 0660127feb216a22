package org.laborwatch.io.influx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;
import org.apache.flink.connector.base.sink.writer.RequestEntryWrapper;
import org.junit.jupiter.api.Test;

/**
 * The InfluxDB sink writer's checkpointed buffer: committed bytes of each version decode to the
 * lines they were written from (the way flink-connector-kafka tests its enumerator state), and the
 * current version encodes to exactly its bytes. A missing golden file is written only with
 * {@code -Dlaborwatch.golden.write=true}, never overwritten.
 */
class LineStateSerializerTest {

    /** Lines as the sink buffers them: plain ASCII, escapes, and multi-byte UTF-8 in a tag. */
    private static final List<String> LINES = List.of(
            "metric,metric=sahm_gap,region=US,sector=all value=0.53 1201824000000000000",
            "metric,metric=iur_13wk,region=US-AZ,sector=naics\\ 23 value=5.1315 1590796800000000000",
            "trigger,policy=eb-iur,region=US-PR,note=Añasco on=true 1590796800000000000");

    private static BufferedRequestState<String> representative() {
        return new BufferedRequestState<>(LINES.stream()
                .map(l -> new RequestEntryWrapper<>(l, l.length())).toList());
    }


    @Test
    void version1BytesReadToTheLinesTheyWereWrittenFrom() throws IOException {
        LineStateSerializer serializer = new LineStateSerializer();
        byte[] v1 = GoldenStateFiles.read("influx-line-state-v1.bin", serializer.serialize(representative()));
        BufferedRequestState<String> read = serializer.deserialize(1, v1);
        assertEquals(LINES, read.getBufferedRequestEntries().stream().map(RequestEntryWrapper::getRequestEntry).toList());
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        LineStateSerializer serializer = new LineStateSerializer();
        byte[] actual = serializer.serialize(representative());
        assertArrayEquals(GoldenStateFiles.read("influx-line-state-v" + serializer.getVersion() + ".bin", actual), actual);
    }

    @Test
    void aVersionFromANewerReleaseFailsNamingTheFix() throws IOException {
        LineStateSerializer serializer = new LineStateSerializer();
        byte[] bytes = serializer.serialize(representative());
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(serializer.getVersion() + 1, bytes));
        assertTrue(e.getMessage().contains("this release reads versions 1 to " + serializer.getVersion()), e.getMessage());
    }
}
