package org.laborwatch.bench;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.DeadLetter;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.contract.ValidationRules;
import org.laborwatch.job.ComputeMetrics;
import org.laborwatch.job.LaborwatchPipeline;
import org.laborwatch.job.ValidateObservations;
import org.laborwatch.job.WireTypes;

/**
 * The framework's part of the job, for a ceiling: the job's source, its validation and dead
 * letters, and its keyed hop by region into an operator of the series state's name that does
 * nothing with a record. What a pipeline run reaches on this machine before the job computes
 * anything; the job's own work is the difference.
 */
final class Ceiling {

    private Ceiling() {}

    static void build(DataStream<RawRecord> observations, ValidationRules rules, Sink<DeadLetter> deadLetters) {
        observations.getExecutionEnvironment().setMaxParallelism(LaborwatchPipeline.MAX_PARALLELISM);
        SingleOutputStreamOperator<Observation> valid = LaborwatchPipeline.validated(observations, rules);
        valid.getSideOutput(ValidateObservations.DEAD_LETTERS).sinkTo(deadLetters).name("dead letters");
        valid.keyBy(ComputeMetrics::keyOf)
                .process(new Nothing(), WireTypes.METRIC_POINT)
                .name(LaborwatchPipeline.NAME_METRICS)
                .sinkTo(new DiscardingSink<>()).name("metric points");
    }

    /** Takes each observation and emits nothing. */
    private static final class Nothing extends KeyedProcessFunction<String, Observation, MetricPoint> {
        private static final long serialVersionUID = 1L;

        @Override
        public void processElement(Observation o, Context ctx, Collector<MetricPoint> out) {}
    }
}
