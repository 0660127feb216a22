package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.metrics.RegionSeries;

/** Flink serializer of the metrics operator's state, in {@link RegionSeries}'s own format. */
public final class RegionSeriesSerializer extends BinaryStateSerializer<RegionSeries> {

    private static final long serialVersionUID = 1L;

    @Override
    void write(RegionSeries value, DataOutput out) throws IOException {
        value.writeTo(out);
    }

    @Override
    RegionSeries read(DataInput in) throws IOException {
        return RegionSeries.readFrom(in);
    }

    /** Without the bytes ({@link RegionSeries#copy}): the heap backend copies regions during snapshots. */
    @Override
    public RegionSeries copy(RegionSeries from) {
        return from.copy();
    }

    @Override
    public RegionSeries createInstance() {
        return new RegionSeries();
    }

    @Override
    public TypeSerializerSnapshot<RegionSeries> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Savepoint compatibility: the format is versioned inside the bytes. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<RegionSeries> {
        public Snapshot() {
            super(RegionSeriesSerializer::new);
        }
    }
}
