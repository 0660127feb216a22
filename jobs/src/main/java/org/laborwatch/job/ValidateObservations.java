package org.laborwatch.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.ObservationValidator;
import org.laborwatch.contract.ObservationValidator.Validated;

/** Parses and validates raw observation records; refused ones go to the dead-letter side output. */
public final class ValidateObservations extends ProcessFunction<RawRecord, Observation> {

    private static final long serialVersionUID = 1L;

    /** Refused records, with their original bytes and the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters") {};

    private transient ObservationValidator validator;
    private transient Counter accepted;
    private transient Counter refused;

    @Override
    public void open(OpenContext openContext) {
        validator = new ObservationValidator();
        accepted = getRuntimeContext().getMetricGroup().counter("observationsAccepted");
        refused = getRuntimeContext().getMetricGroup().counter("observationsDeadLettered");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Observation> out) {
        Validated v = validator.validate(record.bytes(), record.origin());
        if (v instanceof Validated.Accepted a) {
            accepted.inc();
            out.collect(a.observation());
        } else if (v instanceof Validated.Rejected r) {
            refused.inc();
            ctx.output(DEAD_LETTERS, r.deadLetter());
        }
    }
}
