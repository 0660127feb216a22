package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.rollup.RegionsOnRollup;

/** Flink serializer of the roll-up operator's state, in {@link RegionsOnRollup}'s own format. */
public final class RegionsOnRollupSerializer extends BinaryStateSerializer<RegionsOnRollup> {

    private static final long serialVersionUID = 1L;

    @Override
    void write(RegionsOnRollup value, DataOutput out) throws IOException {
        value.writeTo(out);
    }

    @Override
    RegionsOnRollup read(DataInput in) throws IOException {
        return RegionsOnRollup.readFrom(in);
    }

    @Override
    public RegionsOnRollup createInstance() {
        return new RegionsOnRollup();
    }

    @Override
    public TypeSerializerSnapshot<RegionsOnRollup> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Savepoint compatibility: the format is versioned inside the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RegionsOnRollup> {
        public Snapshot() {
            super(RegionsOnRollupSerializer::new);
        }
    }
}
