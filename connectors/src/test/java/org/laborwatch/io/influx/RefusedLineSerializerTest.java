package org.laborwatch.io.influx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RejectReason;

/**
 * A line InfluxDB refused, as the committable the sink checkpoints between its writer and its
 * dead-letter output: committed bytes of each version decode to the dead letter they were written
 * from, and the current version encodes to exactly its bytes (as {@link LineStateSerializerTest}).
 */
class RefusedLineSerializerTest {

    private static final byte[] LINE = "metric,metric=sahm_gap,region=US-PR,note=Añasco value=0.53 1201824000000000000"
            .getBytes(StandardCharsets.UTF_8);

    /** With an origin, and the reason and detail as the sink writes them for a 400. */
    private static DeadLetter withOrigin() {
        return new DeadLetter(RejectReason.INFLUX_REJECTED, "HTTP 400: partial write: field type conflict",
                "influx-sink", LINE);
    }

    private static DeadLetter withoutOrigin() {
        return new DeadLetter(RejectReason.INFLUX_REJECTED, "HTTP 413: request entity too large", null, LINE);
    }


    @Test
    void version1BytesReadToTheDeadLettersTheyWereWrittenFrom() throws IOException {
        RefusedLineSerializer serializer = new RefusedLineSerializer();
        DeadLetter read = serializer.deserialize(1, GoldenStateFiles.read("influx-refused-line-v1.bin", serializer.serialize(withOrigin())));
        assertEquals(RejectReason.INFLUX_REJECTED, read.reason());
        assertEquals(withOrigin().detail(), read.detail());
        assertEquals("influx-sink", read.origin());
        assertArrayEquals(LINE, read.original());
        assertEquals(LINE.length, read.originalSize());
        assertEquals(withOrigin().originalSha256(), read.originalSha256());
        DeadLetter noOrigin = serializer.deserialize(1,
                GoldenStateFiles.read("influx-refused-line-no-origin-v1.bin", serializer.serialize(withoutOrigin())));
        assertNull(noOrigin.origin());
        assertEquals(withoutOrigin().detail(), noOrigin.detail());
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        RefusedLineSerializer serializer = new RefusedLineSerializer();
        byte[] actual = serializer.serialize(withOrigin());
        assertArrayEquals(GoldenStateFiles.read("influx-refused-line-v" + serializer.getVersion() + ".bin", actual), actual);
    }

    @Test
    void aVersionFromANewerReleaseFailsNamingTheFix() throws IOException {
        RefusedLineSerializer serializer = new RefusedLineSerializer();
        byte[] bytes = serializer.serialize(withOrigin());
        IOException e = assertThrows(IOException.class, () -> serializer.deserialize(serializer.getVersion() + 1, bytes));
        assertTrue(e.getMessage().contains("restore with the laborwatch release that took the checkpoint"), e.getMessage());
    }
}
