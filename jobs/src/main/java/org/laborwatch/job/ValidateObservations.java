package org.laborwatch.job;

import java.time.Clock;
import java.util.Objects;
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
import org.laborwatch.contract.ValidationRules;

/**
 * Parses and validates raw observation records, with the operator's {@link ValidationRules} and
 * the clock that says what "now" is for vintages; refused ones go to the dead-letter side output.
 */
public final class ValidateObservations extends ProcessFunction<RawRecord, Observation> {

    private static final long serialVersionUID = 1L;

    /** Refused records, with their original bytes and the reason. */
    public static final OutputTag<DeadLetter> DEAD_LETTERS = new OutputTag<>("dead-letters", WireTypes.DEAD_LETTER);

    private final ValidationRules rules;
    private final Clock clock;
    private transient ObservationValidator validator;
    private transient Counter accepted;
    private transient Counter refused;

    /** Validation with the default rules against the system clock. */
    public ValidateObservations() {
        this(ValidationRules.defaults(), Clock.systemUTC());
    }

    public ValidateObservations(ValidationRules rules, Clock clock) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void open(OpenContext openContext) {
        validator = new ObservationValidator(rules, clock);
        accepted = getRuntimeContext().getMetricGroup().counter("observationsAccepted");
        refused = getRuntimeContext().getMetricGroup().counter("observationsDeadLettered");
    }

    @Override
    public void processElement(RawRecord record, Context ctx, Collector<Observation> out) {
        Validated v = validator.validate(record.bytes(), record.origin(), record.key());
        if (v instanceof Validated.Accepted a) {
            accepted.inc();
            out.collect(a.observation());
        } else if (v instanceof Validated.Rejected r) {
            refused.inc();
            ctx.output(DEAD_LETTERS, r.deadLetter());
        }
    }
}
