package org.laborwatch.job;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;

/**
 * Flink serializer of {@link TriggerEvent} between operators (state machines to the roll-ups and
 * the trigger sinks).
 *
 * <p>Format version 1, in field order ({@link WireFormat} for each type): event id, policy as
 * text; policy version as an int; region, sector as text; transition as a {@link #TRANSITIONS}
 * code; tier as nullable text; tier level as an int; period as a date; frequency as a nullable
 * {@link ObservationSerializer#FREQUENCIES} code (0 for none); effective from, effective until as
 * nullable dates; evidence, thresholds as maps of decimals; corrects as nullable text; data vintage
 * as a nullable date; emitted at as a nullable instant; then the watch (presence byte; since as a
 * date, periods as an int, distance to enter as a map of decimals) and the schedule level
 * (presence byte; output as text, unit as nullable text, level as a decimal, band index as an
 * int, above and up-to as nullable decimals).
 */
public final class TriggerEventSerializer extends RecordSerializer<TriggerEvent> {

    private static final long serialVersionUID = 1L;

    static final EnumCodes<Transition> TRANSITIONS = EnumCodes.of(Transition.class, Transition.ENTER, Transition.EXIT,
            Transition.TIER_UP, Transition.TIER_DOWN, Transition.CORRECTION, Transition.DATA_UNAVAILABLE, Transition.WATCH,
            Transition.CLEAR);

    @Override
    int formatVersion() {
        return 1;
    }

    @Override
    void write(TriggerEvent e, DataOutput out) throws IOException {
        WireFormat.writeString(e.eventId(), "event_id", out);
        WireFormat.writeString(e.policy(), "policy", out);
        out.writeInt(e.policyVersion());
        WireFormat.writeString(e.region(), "region", out);
        WireFormat.writeString(e.sector(), "sector", out);
        TRANSITIONS.write(e.transition(), "transition", out);
        WireFormat.writeNullableString(e.tier(), out);
        out.writeInt(e.tierLevel());
        WireFormat.writeDate(e.period(), "period", out);
        ObservationSerializer.FREQUENCIES.writeNullable(e.frequency(), out);
        WireFormat.writeNullableDate(e.effectiveFrom(), out);
        WireFormat.writeNullableDate(e.effectiveUntil(), out);
        WireFormat.writeDecimals(e.evidence(), "evidence", out);
        WireFormat.writeDecimals(e.thresholds(), "thresholds", out);
        WireFormat.writeNullableString(e.corrects(), out);
        WireFormat.writeNullableDate(e.dataVintage(), out);
        WireFormat.writeNullableInstant(e.emittedAt(), out);
        TriggerEvent.Watch watch = e.watch();
        if (WireFormat.present(watch, out)) {
            WireFormat.writeDate(watch.since(), "watch.since", out);
            out.writeInt(watch.periods());
            WireFormat.writeDecimals(watch.distanceToEnter(), "watch.distance_to_enter", out);
        }
        TriggerEvent.Level level = e.schedule();
        if (WireFormat.present(level, out)) {
            WireFormat.writeString(level.output(), "schedule.output", out);
            WireFormat.writeNullableString(level.unit(), out);
            WireFormat.writeDecimal(level.level(), "schedule.level", out);
            out.writeInt(level.band().index());
            WireFormat.writeNullableDecimal(level.band().above(), out);
            WireFormat.writeNullableDecimal(level.band().upTo(), out);
        }
    }

    @Override
    TriggerEvent read(DataInput in) throws IOException {
        String eventId = WireFormat.readString(in);
        String policy = WireFormat.readString(in);
        int policyVersion = in.readInt();
        String region = WireFormat.readString(in);
        String sector = WireFormat.readString(in);
        Transition transition = TRANSITIONS.read(in);
        String tier = WireFormat.readNullableString(in);
        int tierLevel = in.readInt();
        return new TriggerEvent(eventId, policy, policyVersion, region, sector, transition, tier, tierLevel,
                WireFormat.readDate(in), ObservationSerializer.FREQUENCIES.readNullable(in), WireFormat.readNullableDate(in),
                WireFormat.readNullableDate(in), WireFormat.readDecimals(in), WireFormat.readDecimals(in),
                WireFormat.readNullableString(in), WireFormat.readNullableDate(in), WireFormat.readNullableInstant(in),
                in.readBoolean() ? new TriggerEvent.Watch(WireFormat.readDate(in), in.readInt(), WireFormat.readDecimals(in)) : null,
                in.readBoolean() ? new TriggerEvent.Level(WireFormat.readString(in), WireFormat.readNullableString(in),
                        WireFormat.readDecimal(in), new TriggerEvent.Band(in.readInt(), WireFormat.readNullableDecimal(in),
                                WireFormat.readNullableDecimal(in))) : null);
    }

    @Override
    public TypeSerializerSnapshot<TriggerEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The snapshot: the format version ({@link RecordSerializer.Snapshot}). */
    public static final class Snapshot extends RecordSerializer.Snapshot<TriggerEvent> {
        public Snapshot() {
            super(TriggerEventSerializer::new);
        }
    }
}
