package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.MetricStatus;

/**
 * Flink serializer of {@link MetricPoint} between operators (series state to routing, roll-ups,
 * the as-published marker and the metric sinks).
 *
 * <p>Format version 1, in field order ({@link WireFormat} for each type): metric as text;
 * indicator as nullable text; region, sector as text; frequency as an
 * {@link ObservationSerializer#FREQUENCIES} code; period as a date; value as a nullable decimal;
 * status as a {@link #STATUSES} code; reason as nullable text; vintage as a nullable date.
 */
public final class MetricPointSerializer extends RecordSerializer<MetricPoint> {

    private static final long serialVersionUID = 1L;

    static final EnumCodes<MetricStatus> STATUSES = EnumCodes.of(MetricStatus.class, MetricStatus.OK, MetricStatus.UNAVAILABLE);

    @Override
    int formatVersion() {
        return 1;
    }

    @Override
    void write(MetricPoint p, DataOutput out) throws IOException {
        WireFormat.writeString(p.metric(), "metric", out);
        WireFormat.writeNullableString(p.indicator(), out);
        WireFormat.writeString(p.region(), "region", out);
        WireFormat.writeString(p.sector(), "sector", out);
        ObservationSerializer.FREQUENCIES.write(p.frequency(), "frequency", out);
        WireFormat.writeDate(p.period(), "period", out);
        WireFormat.writeNullableDecimal(p.value(), out);
        STATUSES.write(p.status(), "status", out);
        WireFormat.writeNullableString(p.reason(), out);
        WireFormat.writeNullableDate(p.vintage(), out);
    }

    @Override
    MetricPoint read(DataInput in) throws IOException {
        return new MetricPoint(WireFormat.readString(in), WireFormat.readNullableString(in), WireFormat.readString(in),
                WireFormat.readString(in), ObservationSerializer.FREQUENCIES.read(in), WireFormat.readDate(in),
                WireFormat.readNullableDecimal(in), STATUSES.read(in), WireFormat.readNullableString(in),
                WireFormat.readNullableDate(in));
    }

    @Override
    public TypeSerializerSnapshot<MetricPoint> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot: the format version ({@link RecordSerializer.Snapshot}). */
    public static final class Snapshot extends RecordSerializer.Snapshot<MetricPoint> {
        public Snapshot() {
            super(MetricPointSerializer::new);
        }
    }
}
