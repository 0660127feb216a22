package org.laborwatch.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.laborwatch.contract.DeadLetter;

/**
 * A dead-letter sink that counts by reason in the bench's JVM (the mini cluster runs there): a
 * pipeline figure means something only if the records reached the metrics, so each run prints how
 * many were refused and why.
 */
final class DeadLetterCount implements Sink<DeadLetter> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, AtomicLong> BY_REASON = new ConcurrentHashMap<>();

    /** Forgets the counts of earlier runs. */
    static void reset() {
        BY_REASON.clear();
    }

    /** The counts since {@link #reset}, by reason code. */
    static Map<String, Long> byReason() {
        Map<String, Long> out = new TreeMap<>();
        BY_REASON.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    @Override
    public SinkWriter<DeadLetter> createWriter(WriterInitContext context) {
        return new SinkWriter<>() {
            @Override
            public void write(DeadLetter d, Context c) {
                BY_REASON.computeIfAbsent(d.reasonCode(), k -> new AtomicLong()).incrementAndGet();
            }

            @Override
            public void flush(boolean endOfInput) {}

            @Override
            public void close() {}
        };
    }
}
