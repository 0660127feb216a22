package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamEdge;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.streaming.api.graph.StreamNode;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.job.CollectSink;
import org.laborwatch.job.LaborwatchPipeline;
import org.laborwatch.job.PipelineSinks;
import org.laborwatch.policy.BundledPolicies;
import picocli.CommandLine;

/**
 * The demo, the in-memory tests and the production entry point build the same job graph: the same
 * stateful operators, with the same uids, names and connections. Only sources and sinks differ.
 */
class SameGraphTest {

    private static final Set<String> PIPELINE = Set.of(LaborwatchPipeline.UID_VALIDATE, LaborwatchPipeline.UID_METRICS,
            LaborwatchPipeline.UID_ROUTE, LaborwatchPipeline.UID_TRIGGERS, LaborwatchPipeline.UID_ROLLUPS);

    /** Each pipeline operator with its name and its inputs (upstream pipeline uid or "edge", and partitioning). */
    static Map<String, String> topology(StreamExecutionEnvironment env) {
        StreamGraph graph = env.getStreamGraph();
        Map<String, String> described = new TreeMap<>();
        for (StreamNode node : graph.getStreamNodes()) {
            if (!inPipeline(node)) {
                continue;
            }
            List<String> inputs = new ArrayList<>();
            for (StreamEdge in : node.getInEdges()) {
                StreamNode from = graph.getStreamNode(in.getSourceId());
                String upstream = inPipeline(from) ? from.getTransformationUID() : "edge";
                inputs.add(upstream + "/" + in.getPartitioner().getClass().getSimpleName());
            }
            inputs.sort(String::compareTo);
            described.put(node.getTransformationUID(), node.getOperatorName() + " <- " + inputs);
        }
        return described;
    }

    private static boolean inPipeline(StreamNode node) {
        return node.getTransformationUID() != null && PIPELINE.contains(node.getTransformationUID());
    }

    static StreamExecutionEnvironment env() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        return env;
    }

    @Test
    void demoTestsAndProductionBuildTheSameGraph() throws Exception {
        StreamExecutionEnvironment demo = env();
        DemoCommand.wire(demo, Path.of("target/obs.jsonl"), Path.of("target/t.jsonl"), Path.of("target/m.lp"),
                Path.of("target/d.jsonl"), BundledPolicies.all());

        StreamExecutionEnvironment inMemory = env();
        DataStream<RawRecord> source = inMemory.fromData(List.of(new RawRecord(new byte[0], "x")), TypeInformation.of(RawRecord.class));
        LaborwatchPipeline.build(source, BundledPolicies.all(),
                PipelineSinks.builder().triggers(new CollectSink<>()).metrics(new CollectSink<>())
                        .deadLetters(new CollectSink<>()).build());

        StreamExecutionEnvironment production = env();
        RunCommand run = new RunCommand();
        new CommandLine(run).parseArgs("--bootstrap", "127.0.0.1:9092");
        run.wire(production);

        // Production writing to InfluxDB too: the time-series sinks are extra consumers only.
        StreamExecutionEnvironment withInflux = env();
        RunCommand runWithInflux = new RunCommand();
        Path token = java.nio.file.Files.writeString(Path.of("target", "same-graph-token"), "token\n");
        new CommandLine(runWithInflux).parseArgs("--bootstrap", "127.0.0.1:9092", "--influx-url", "http://127.0.0.1:8086",
                "--influx-token-file", token.toString());
        runWithInflux.wire(withInflux);

        Set<String> influxSinks = new java.util.TreeSet<>();
        for (StreamNode node : withInflux.getStreamGraph(false).getStreamNodes()) {
            if (node.getTransformationUID() != null && node.getOperatorName().contains("Writer")) {
                influxSinks.add(node.getTransformationUID());
            }
        }
        assertTrue(influxSinks.containsAll(Set.of("sink-observations", LaborwatchPipeline.UID_METRIC_SERIES,
                LaborwatchPipeline.UID_AS_PUBLISHED_SERIES, LaborwatchPipeline.UID_TRIGGER_SERIES)),
                "InfluxDB sinks with stable uids: " + influxSinks);
        Map<String, String> expected = topology(inMemory);
        assertEquals(PIPELINE, expected.keySet());
        assertEquals(expected, topology(demo));
        assertEquals(expected, topology(production));
        assertEquals(expected, topology(withInflux));
        assertTrue(expected.get(LaborwatchPipeline.UID_TRIGGERS).contains("KeyGroupStreamPartitioner"),
                "triggers are keyed: " + expected);
    }
}
