package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.trigger.SettlingPeriods;

/** Flink serializer of the breadth operator's held roll-up periods, in {@link SettlingPeriods}'s own format. */
public final class SettlingPeriodsSerializer extends BinaryStateSerializer<SettlingPeriods> {

    private static final long serialVersionUID = 1L;

    @Override
    void write(SettlingPeriods value, DataOutput out) throws IOException {
        value.writeTo(out);
    }

    @Override
    SettlingPeriods read(DataInput in) throws IOException {
        return SettlingPeriods.readFrom(in);
    }

    @Override
    public SettlingPeriods createInstance() {
        return new SettlingPeriods();
    }

    @Override
    public TypeSerializerSnapshot<SettlingPeriods> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Savepoint compatibility: the format is versioned inside the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SettlingPeriods> {
        public Snapshot() {
            super(SettlingPeriodsSerializer::new);
        }
    }
}
