package org.laborwatch.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;

/**
 * The types of the records on the job's edges, each with its own serializer (issue #13): every
 * operator, side output and union of {@link LaborwatchPipeline} that carries one of these records
 * names its type here, so the graph never derives one (a derived type falls back to Kryo for
 * {@code LocalDate}). The contract records stay plain Java: their Flink types live in this job.
 */
public final class WireTypes {

    public static final TypeInformation<Observation> OBSERVATION =
            new RecordTypeInfo<>(Observation.class, new ObservationSerializer());
    public static final TypeInformation<MetricPoint> METRIC_POINT =
            new RecordTypeInfo<>(MetricPoint.class, new MetricPointSerializer());
    public static final TypeInformation<PolicyInput> POLICY_INPUT =
            new RecordTypeInfo<>(PolicyInput.class, new PolicyInputSerializer());
    public static final TypeInformation<TriggerEvent> TRIGGER_EVENT =
            new RecordTypeInfo<>(TriggerEvent.class, new TriggerEventSerializer());
    public static final TypeInformation<DeadLetter> DEAD_LETTER =
            new RecordTypeInfo<>(DeadLetter.class, new DeadLetterSerializer());

    private WireTypes() {}
}
