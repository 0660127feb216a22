package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.notify.Outbox;

/** Flink serializer of the notifier's per-subscriber state, in {@link Outbox}'s own versioned format. */
public final class OutboxSerializer extends BinaryStateSerializer<Outbox> {

    private static final long serialVersionUID = 1L;

    @Override
    void write(Outbox value, DataOutput out) throws IOException {
        value.writeTo(out);
    }

    @Override
    Outbox read(DataInput in) throws IOException {
        return Outbox.readFrom(in);
    }

    @Override
    public Outbox createInstance() {
        return new Outbox("");
    }

    @Override
    public TypeSerializerSnapshot<Outbox> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Savepoint compatibility: the format is versioned inside the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<Outbox> {
        public Snapshot() {
            super(OutboxSerializer::new);
        }
    }
}
