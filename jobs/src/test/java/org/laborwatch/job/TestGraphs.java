package org.laborwatch.job;

import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.policy.BundledPolicies;

/** The job's graph for tests that inspect it, not run it. */
final class TestGraphs {

    private TestGraphs() {}

    /**
     * An environment with the whole pipeline on it: every bundled policy given at start, one record
     * in, collecting sinks; files under {@code target/tmp/<directory>}.
     */
    static StreamExecutionEnvironment withPoliciesAtStart(int parallelism, String directory) {
        StreamExecutionEnvironment env = LocalEnvironments.create(parallelism, Path.of("target", "tmp", directory));
        DataStream<RawRecord> source = env.fromData(List.of(new RawRecord(new byte[0], "x")), TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, BundledPolicies.all(),
                PipelineSinks.builder().triggers(new CollectSink<>()).metrics(new CollectSink<>())
                        .deadLetters(new CollectSink<>()).build());
        return env;
    }
}
