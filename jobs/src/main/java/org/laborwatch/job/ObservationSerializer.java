package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

/**
 * Flink serializer of {@link Observation} between operators (validation to the series state, and
 * to the observation series sink).
 *
 * <p>Format version 1, in field order ({@link WireFormat} for each type): indicator, region,
 * sector, adjustment as text; frequency as a {@link #FREQUENCIES} code; period as a date; value as
 * a decimal; unit, source as text; vintage as a date. No field is nullable.
 */
public final class ObservationSerializer extends RecordSerializer<Observation> {

    private static final long serialVersionUID = 1L;

    /** Wire codes of the frequencies, shared by every record that carries one. */
    static final EnumCodes<Frequency> FREQUENCIES = EnumCodes.of(Frequency.class, Frequency.DAILY, Frequency.WEEKLY,
            Frequency.BIWEEKLY, Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.ANNUAL);

    @Override
    int formatVersion() {
        return 1;
    }

    @Override
    void write(Observation o, DataOutput out) throws IOException {
        WireFormat.writeString(o.indicator(), "indicator", out);
        WireFormat.writeString(o.region(), "region", out);
        WireFormat.writeString(o.sector(), "sector", out);
        WireFormat.writeString(o.adjustment(), "adjustment", out);
        FREQUENCIES.write(o.frequency(), "frequency", out);
        WireFormat.writeDate(o.period(), "period", out);
        WireFormat.writeDecimal(o.value(), "value", out);
        WireFormat.writeString(o.unit(), "unit", out);
        WireFormat.writeString(o.source(), "source", out);
        WireFormat.writeDate(o.vintage(), "vintage", out);
    }

    @Override
    Observation read(DataInput in) throws IOException {
        return new Observation(WireFormat.readString(in), WireFormat.readString(in), WireFormat.readString(in),
                WireFormat.readString(in), FREQUENCIES.read(in), WireFormat.readDate(in), WireFormat.readDecimal(in),
                WireFormat.readString(in), WireFormat.readString(in), WireFormat.readDate(in));
    }

    @Override
    public TypeSerializerSnapshot<Observation> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot: the format version ({@link RecordSerializer.Snapshot}). */
    public static final class Snapshot extends RecordSerializer.Snapshot<Observation> {
        public Snapshot() {
            super(ObservationSerializer::new);
        }
    }
}
