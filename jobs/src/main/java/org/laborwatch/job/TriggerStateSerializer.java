package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.trigger.TriggerState;

/** Flink serializer of the trigger operator's state, in {@link TriggerState}'s own format. */
public final class TriggerStateSerializer extends BinaryStateSerializer<TriggerState> {

    private static final long serialVersionUID = 1L;

    @Override
    void write(TriggerState value, DataOutput out) throws IOException {
        value.writeTo(out);
    }

    @Override
    TriggerState read(DataInput in) throws IOException {
        return TriggerState.readFrom(in);
    }

    @Override
    public TriggerState createInstance() {
        return new TriggerState();
    }

    @Override
    public TypeSerializerSnapshot<TriggerState> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Savepoint compatibility: the format is versioned inside the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<TriggerState> {
        public Snapshot() {
            super(TriggerStateSerializer::new);
        }
    }
}
