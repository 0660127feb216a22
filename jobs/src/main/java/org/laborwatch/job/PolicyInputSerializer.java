package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;

/**
 * Flink serializer of {@link PolicyInput} between the routing and the state-machine operators.
 *
 * <p>Format version 1: the policy id as text, then the point in {@link MetricPointSerializer}'s
 * form; a change of either raises this version.
 */
public final class PolicyInputSerializer extends RecordSerializer<PolicyInput> {

    private static final long serialVersionUID = 1L;

    private static final MetricPointSerializer POINTS = new MetricPointSerializer();

    @Override
    int formatVersion() {
        return 1;
    }

    @Override
    void write(PolicyInput p, DataOutput out) throws IOException {
        WireFormat.writeString(p.policy(), "policy", out);
        if (p.point() == null) {
            throw new NullPointerException("point is required but null: a policy input routes a metric point");
        }
        POINTS.write(p.point(), out);
    }

    @Override
    PolicyInput read(DataInput in) throws IOException {
        return new PolicyInput(WireFormat.readString(in), POINTS.read(in));
    }

    @Override
    public TypeSerializerSnapshot<PolicyInput> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot: the format version ({@link RecordSerializer.Snapshot}). */
    public static final class Snapshot extends RecordSerializer.Snapshot<PolicyInput> {
        public Snapshot() {
            super(PolicyInputSerializer::new);
        }
    }
}
