package org.laborwatch.io.influx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RejectReason;

/**
 * A line InfluxDB refused, as a committable in a checkpoint between the sink's writer and its
 * dead-letter output (version 1: the reason by name, detail, origin, the kept bytes, the size and
 * SHA-256 of the whole line). A new field means a version 2 and a reader kept for version 1.
 */
final class RefusedLineSerializer implements SimpleVersionedSerializer<DeadLetter> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(DeadLetter letter) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + letter.original().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(letter.reason().name());
            out.writeUTF(letter.detail());
            out.writeBoolean(letter.origin() != null);
            if (letter.origin() != null) {
                out.writeUTF(letter.origin());
            }
            out.writeInt(letter.original().length);
            out.write(letter.original());
            out.writeLong(letter.originalSize());
            out.writeUTF(letter.originalSha256());
        }
        return bytes.toByteArray();
    }

    @Override
    public DeadLetter deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("refused InfluxDB line of unknown version " + version + " (this reader knows "
                    + VERSION + "): restore with the laborwatch release that took the checkpoint");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
            RejectReason reason = RejectReason.valueOf(in.readUTF());
            String detail = in.readUTF();
            String origin = in.readBoolean() ? in.readUTF() : null;
            byte[] original = new byte[in.readInt()];
            in.readFully(original);
            return new DeadLetter(reason, detail, origin, original, in.readLong(), in.readUTF());
        }
    }
}
