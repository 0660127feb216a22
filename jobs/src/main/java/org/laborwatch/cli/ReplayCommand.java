package org.laborwatch.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch replay}: loads one or several published files into the observations topic, one
 * Observation JSON per record, in {@link org.laborwatch.readers.ReleaseOrder} (release by release, in
 * publication order across the files: the job then follows each revision as it came out), keyed by series ({@code indicator|region|sector|adjustment}) and placed in the
 * partition of its region, so each series, and each region, stays in one partition, in period order. The producer is idempotent (acks=all), so a retry
 * never writes a record twice.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "Load one or several published files (any format `compute --help` lists) into the observations "
                + "topic, keyed by series, release by release in publication order across the files.")
public final class ReplayCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", required = true,
            defaultValue = "${env:LABORWATCH_BOOTSTRAP}", description = "Kafka bootstrap servers (env LABORWATCH_BOOTSTRAP).")
    String bootstrap;

    @Option(names = "--input", paramLabel = "FILE", required = true,
            description = "A published file to replay; repeatable (several are merged release by release, in publication "
                    + "order; each file keeps its own order, and on the same day the file given first goes first).")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", required = true,
            description = "The format of each --input, in order, or one for all: ${COMPLETION-CANDIDATES}.",
            completionCandidates = BacktestCommand.FormatNames.class)
    List<String> formats;

    @Option(names = "--vintage", paramLabel = "YYYY-MM-DD|-",
            description = "Publication date of the values, stamped on every observation (default: from a file name "
                    + "ending _vintageYYYY-MM[-DD].csv, or per row for eta539, eta203 and btos; required otherwise): one "
                    + "for every --input, or one per --input in order (- for an input that dates its values itself).")
    List<String> vintages;

    @Option(names = "--topic", defaultValue = "laborwatch.observations", description = "Topic (default: ${DEFAULT-VALUE}).")
    String topic;

    @Option(names = "--rate", paramLabel = "N", description = "At most N records per second (default: as fast as Kafka takes them).")
    Integer rate;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*); LABORWATCH_KAFKA_* env on top.")
    Path kafkaConfig;

    @picocli.CommandLine.Mixin
    BrokerCheck brokerCheck = new BrokerCheck();

    /** The final count goes here; tests replace it. */
    PrintStream out = System.out;
    /** Where progress goes; tests replace it. */
    PrintStream progressOut = System.err;
    /** Whether progress may redraw a bar (a terminal) or prints periodic lines (a log). */
    boolean terminal = System.console() != null;

    @Override
    public Integer call() throws Exception {
        if (rate != null && rate < 1) {
            throw new IllegalArgumentException("--rate must be at least 1, got " + rate);
        }
        PublishedInputs published = PublishedInputs.of(inputs, formats, vintages);
        published.check();
        List<Observation> observations = published.read();
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("--input " + published.describe() + ": no observations laborwatch reads "
                    + "(only a header, or only series it does not map); nothing replayed");
        }
        Properties client = KafkaClientConfig.load(kafkaConfig);
        brokerCheck.check(bootstrap, client);
        long sent = send(observations, client);
        out.printf("replayed %d observations from %s to %s%n", sent, published.fileNames(), topic);
        return 0;
    }

    private long send(List<Observation> observations, Properties client) throws Exception {
        Properties p = new Properties();
        p.putAll(client);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        p.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        Progress progress = new Progress(observations.size(), progressOut, terminal);
        long start = System.nanoTime();
        long sent = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            int partitions = producer.partitionsFor(topic).size();
            Future<RecordMetadata> last = null;
            for (Observation o : observations) {
                if (rate != null) {
                    long due = start + sent * 1_000_000_000L / rate;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                last = producer.send(new ProducerRecord<>(topic, partition(o.region(), partitions), key(o), Json.writeBytes(o)), (m, e) -> {
                    if (e == null) {
                        progress.acked();
                    }
                });
                sent++;
            }
            producer.flush();
            if (last != null) {
                last.get(); // surfaces a failed send as an error, not a silent short count
            }
        }
        progress.done();
        return sent;
    }

    /** The record key: the series. */
    static String key(Observation o) {
        return o.series().kafkaKey();
    }

    /**
     * The partition: by region (Kafka's default hash of the region), so all the series of a region
     * land in one partition, in file order. The job combines a
     * region's series (the IUR divides at by ce, the look-back prefers the reported ar), and when
     * they are spread over partitions that progress at different speeds its decisions can depend
     * on which partition ran ahead (RunCommandKafkaTest#seriesOfARegionSpreadOverPartitions).
     */
    static int partition(String region, int partitions) {
        return Utils.toPositive(Utils.murmur2(region.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** A bar on a terminal, a line every few seconds otherwise. */
    static final class Progress {
        private final long total;
        private final PrintStream out;
        private final boolean terminal;
        private final java.util.concurrent.atomic.AtomicLong acked = new java.util.concurrent.atomic.AtomicLong();
        private volatile long lastPrint = System.nanoTime();

        Progress(long total, PrintStream out, boolean terminal) {
            this.total = total;
            this.out = out;
            this.terminal = terminal;
        }

        void acked() {
            long n = acked.incrementAndGet();
            long now = System.nanoTime();
            long every = terminal ? 100_000_000L : 5_000_000_000L;
            if (now - lastPrint >= every) {
                lastPrint = now;
                print(n);
            }
        }

        synchronized void print(long n) {
            int pct = total == 0 ? 100 : (int) (n * 100 / total);
            if (terminal) {
                int width = 40;
                int filled = pct * width / 100;
                out.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + pct + "% " + n + "/" + total);
                out.flush();
            } else {
                out.printf("replay: %d/%d records (%d%%)%n", n, total, pct);
            }
        }

        void done() {
            if (terminal) {
                print(acked.get());
                out.println();
            }
        }
    }
}
