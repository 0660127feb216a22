package org.laborwatch.io.influx;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.connector.base.sink.writer.AsyncSinkWriterStateSerializer;
import org.apache.flink.connector.base.sink.writer.BufferedRequestState;

/**
 * Buffered line-protocol lines in a checkpoint: UTF-8 bytes with their length, in the frame of
 * Flink's {@link AsyncSinkWriterStateSerializer}. Version 1 is the only one written so far; a
 * change of format takes a new version and keeps this one's reader (golden bytes in the tests).
 */
final class LineStateSerializer extends AsyncSinkWriterStateSerializer<String> {

    private static final int VERSION = 1;

    /** Refuses versions it has no reader for (Flink's base class would read any version as its own). */
    @Override
    public BufferedRequestState<String> deserialize(int version, byte[] serialized) throws IOException {
        if (version < 1 || version > VERSION) {
            throw new IOException("the InfluxDB sink's buffered lines have state version " + version
                    + "; this release reads versions 1 to " + VERSION
                    + ". Saved by a newer release? Restore the savepoint with that release or a later one.");
        }
        return super.deserialize(version, serialized);
    }

    @Override
    protected void serializeRequestToStream(String line, DataOutputStream out) throws IOException {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    protected String deserializeRequestFromStream(long requestSize, DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int getVersion() {
        return VERSION;
    }
}
