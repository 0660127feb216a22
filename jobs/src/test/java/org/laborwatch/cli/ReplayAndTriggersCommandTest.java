package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.job.TestData;
import org.laborwatch.kafka.EmbeddedKafka;
import org.laborwatch.readers.ReaderOptions;
import picocli.CommandLine;

/** {@code laborwatch replay} and {@code laborwatch triggers} against an in-process broker. */
class ReplayAndTriggersCommandTest {

    @RegisterExtension
    static final EmbeddedKafka KAFKA = new EmbeddedKafka();

    @Test
    void replayLoadsABundledFileKeyedBySeries() throws Exception {
        KAFKA.createTopic("replay.observations", 2);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        ReplayCommand replay = new ReplayCommand();
        replay.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        replay.progressOut = new PrintStream(progress, true, StandardCharsets.UTF_8);
        int code = new CommandLine(replay).execute("--bootstrap", KAFKA.bootstrap(), "--topic", "replay.observations",
                "--input", "../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "--format", "fred", "--rate", "5000");
        assertEquals(0, code, progress.toString());
        List<Observation> expected = TestData.read("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred",
                ReaderOptions.defaults(), o -> true);
        assertEquals("replayed " + expected.size() + " observations from fred_UNRATE_monthly_1948-2023_vintage2023-12.csv to "
                + "replay.observations", out.toString().trim());

        List<ConsumerRecord<byte[], byte[]>> records = KAFKA.readCommitted("replay.observations");
        assertEquals(expected.size(), records.size());
        // One series: one key, one partition, in file order.
        assertEquals(Set.of("unemployment_rate|US|all|sa"),
                records.stream().map(r -> new String(r.key(), StandardCharsets.UTF_8)).collect(Collectors.toSet()));
        assertEquals(1, records.stream().map(ConsumerRecord::partition).distinct().count());
        List<Observation> got = records.stream().map(r -> Json.read(new String(r.value(), StandardCharsets.UTF_8), Observation.class))
                .toList();
        assertEquals(expected, got);
    }

    @Test
    void replayRefusesAnUnknownFormat() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cli = LaborwatchCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        int code = cli.execute("replay", "--bootstrap", KAFKA.bootstrap(), "--input",
                "../data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "--format", "xls");
        assertEquals(1, code);
        assertTrue(err.toString().contains("unknown format 'xls'"), err.toString());
    }

    @Test
    void triggersPrintsCommittedEventsOnly() throws Exception {
        KAFKA.createTopic("cmd.triggers", 2);
        TriggerEvent enter = event("2020-04-01", "ENTER", null, "4.00");
        TriggerEvent exit = event("2021-04-01", "EXIT", "2021-05-31", "-0.07");
        TriggerEvent aborted = event("1999-01-01", "ENTER", null, "9.99");
        Properties p = KAFKA.clientProperties();
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "cmd-test");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("cmd.triggers", "US".getBytes(StandardCharsets.UTF_8), Json.writeBytes(aborted)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>("cmd.triggers", "US".getBytes(StandardCharsets.UTF_8), Json.writeBytes(enter)));
            producer.send(new ProducerRecord<>("cmd.triggers", "US".getBytes(StandardCharsets.UTF_8), Json.writeBytes(exit)));
            producer.commitTransaction();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TriggersCommand triggers = new TriggersCommand();
        triggers.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        int code = new CommandLine(triggers).execute("--bootstrap", KAFKA.bootstrap(), "--topic", "cmd.triggers",
                "--from-beginning", "--max", "5", "--timeout", "PT3S");
        assertEquals(0, code);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(List.of(TriggersCommand.HEADER,
                "2020-04-01  sahm-national      US      ENTER       2020-05-01              sahm_gap 4.00 (vs 0.50)",
                "2021-04-01  sahm-national      US      EXIT        2021-05-01  2021-05-31  sahm_gap -0.07 (vs 0.50)"), lines);
    }

    @Test
    void triggersStopsAfterTimeoutWithoutEvents() {
        KAFKA.createTopic("quiet.triggers", 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TriggersCommand triggers = new TriggersCommand();
        triggers.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        int code = new CommandLine(triggers).execute("--bootstrap", KAFKA.bootstrap(), "--topic", "quiet.triggers",
                "--timeout", "PT1S");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(0, code);
        assertEquals(List.of(TriggersCommand.HEADER), out.toString(StandardCharsets.UTF_8).lines().toList());
        assertTrue(seconds < 10, "stopped after " + seconds + " s");
    }

    @Test
    void triggersOnAMissingTopicSaysSoWithinTheBrokerTimeout() {
        java.io.StringWriter err = new java.io.StringWriter();
        CommandLine cli = LaborwatchCli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        long started = System.nanoTime();
        int code = cli.execute("triggers", "--bootstrap", KAFKA.bootstrap(), "--topic", "no.such.topic",
                "--timeout", "PT1S", "--broker-timeout", "PT3S");
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals(1, code, err.toString());
        assertTrue(err.toString().contains("topic no.such.topic does not exist on " + KAFKA.bootstrap()), err.toString());
        assertTrue(seconds < 15, "gave up after " + seconds + " s");
    }

    private static TriggerEvent event(String period, String transition, String until, String gap) {
        String json = "{\"event_id\":\"" + period + transition + "\",\"policy\":\"sahm-national\",\"policy_version\":1,"
                + "\"region\":\"US\",\"sector\":\"all\",\"transition\":\"" + transition + "\",\"tier\":\"base\",\"tier_level\":1,"
                + "\"period\":\"" + period + "\",\"effective_from\":\"" + java.time.LocalDate.parse(period).plusMonths(1) + "\","
                + (until == null ? "" : "\"effective_until\":\"" + until + "\",")
                + "\"evidence\":{\"sahm_gap\":" + gap + "},\"thresholds\":{\"sahm_gap\":0.50},"
                + "\"data_vintage\":\"2023-12-01\",\"emitted_at\":\"2026-11-23T12:00:00Z\"}";
        return Json.read(json, TriggerEvent.class);
    }
}
