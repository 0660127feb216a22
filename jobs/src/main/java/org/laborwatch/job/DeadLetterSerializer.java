package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.RejectReason;

/**
 * Flink serializer of {@link DeadLetter} between the validating and series-state operators and the
 * dead-letter sink.
 *
 * <p>Format version 1, in field order ({@link WireFormat} for each type): reason as a
 * {@link #REASONS} code; detail as text; origin as nullable text; the original bytes kept, as
 * their length (an int) and the bytes; the original size as a long; its SHA-256 as text.
 */
public final class DeadLetterSerializer extends RecordSerializer<DeadLetter> {

    private static final long serialVersionUID = 1L;

    static final EnumCodes<RejectReason> REASONS = EnumCodes.of(RejectReason.class, RejectReason.MALFORMED_JSON,
            RejectReason.MISSING_FIELD, RejectReason.WRONG_TYPE, RejectReason.UNPARSABLE_VALUE,
            RejectReason.NON_FINITE_VALUE, RejectReason.VALUE_OUT_OF_RANGE, RejectReason.INVALID_DATE,
            RejectReason.PERIOD_FREQUENCY_MISMATCH, RejectReason.UNKNOWN_FREQUENCY, RejectReason.UNKNOWN_INDICATOR,
            RejectReason.UNIT_MISMATCH, RejectReason.INVALID_CODE, RejectReason.TOO_LARGE, RejectReason.UNKNOWN_REGION,
            RejectReason.UNKNOWN_SECTOR, RejectReason.FUTURE_VINTAGE, RejectReason.VINTAGE_BEFORE_PERIOD_END,
            RejectReason.KEY_MISMATCH, RejectReason.BEYOND_REVISION_HORIZON, RejectReason.CONFLICTING_DUPLICATE,
            RejectReason.INFLUX_REJECTED);

    @Override
    int formatVersion() {
        return 1;
    }

    @Override
    void write(DeadLetter d, DataOutput out) throws IOException {
        REASONS.write(d.reason(), "reason", out);
        WireFormat.writeString(d.detail(), "detail", out);
        WireFormat.writeNullableString(d.origin(), out);
        out.writeInt(d.original().length);
        out.write(d.original());
        out.writeLong(d.originalSize());
        WireFormat.writeString(d.originalSha256(), "originalSha256", out);
    }

    @Override
    DeadLetter read(DataInput in) throws IOException {
        RejectReason reason = REASONS.read(in);
        String detail = WireFormat.readString(in);
        String origin = WireFormat.readNullableString(in);
        int length = in.readInt();
        if (length < 0) {
            throw new IOException("corrupt dead letter: " + length + " original bytes");
        }
        byte[] original = new byte[length];
        in.readFully(original);
        return new DeadLetter(reason, detail, origin, original, in.readLong(), WireFormat.readString(in));
    }

    @Override
    public TypeSerializerSnapshot<DeadLetter> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot: the format version ({@link RecordSerializer.Snapshot}). */
    public static final class Snapshot extends RecordSerializer.Snapshot<DeadLetter> {
        public Snapshot() {
            super(DeadLetterSerializer::new);
        }
    }
}
