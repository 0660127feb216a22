package org.laborwatch.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SourceSplit;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.core.io.SimpleVersionedSerializer;

/**
 * A source for savepoint tests on the in-JVM mini cluster: it reads a named, in-memory feed the test
 * appends to, keeps its position in checkpoints (so a job restored from a savepoint goes on where the
 * savepoint left it, as a Kafka source would from its offsets), waits while the feed has nothing new,
 * and ends when the feed is closed and read to the end. One split per feed, read by one subtask.
 *
 * <p>Its split and enumerator formats are in savepoints kept as test resources: they never change.
 */
public final class FeedSource<T> implements Source<T, FeedSource.Split, List<FeedSource.Split>> {

    private static final long serialVersionUID = 1L;
    private static final Map<String, Feed> FEEDS = new ConcurrentHashMap<>();

    private final String feed;

    public FeedSource(String feed) {
        this.feed = feed;
    }

    /** A new, empty feed under {@code name} (replacing any earlier one of that name). */
    public static Feed open(String name) {
        Feed f = new Feed(name);
        FEEDS.put(name, f);
        return f;
    }

    /** Records a test appends and readers take in order. */
    public static final class Feed {
        private final String name;
        private final List<Object> records = new CopyOnWriteArrayList<>();
        private final AtomicLong read = new AtomicLong();
        private volatile boolean closed;
        private volatile CompletableFuture<Void> changed = new CompletableFuture<>();

        private Feed(String name) {
            this.name = name;
        }

        /** Appends records for the readers. */
        public synchronized Feed add(List<?> more) {
            records.addAll(more);
            signal();
            return this;
        }

        /** No more records: readers end once they have read everything. */
        public synchronized Feed close() {
            closed = true;
            signal();
            return this;
        }

        private void signal() {
            CompletableFuture<Void> old = changed;
            changed = new CompletableFuture<>();
            old.complete(null);
        }

        /** Waits until a reader has taken {@code count} records, failing after {@code timeout}. */
        public void awaitRead(long count, Duration timeout) throws TimeoutException {
            Instant deadline = Instant.now().plus(timeout);
            while (read.get() < count) {
                if (Instant.now().isAfter(deadline)) {
                    throw new TimeoutException("feed " + name + ": " + read.get() + " of " + count + " records read after "
                            + timeout);
                }
                changedOrLater().join();
            }
        }

        /** Completes when records are added or read, or after 50 ms at most (reads are not signalled). */
        private CompletableFuture<Void> changedOrLater() {
            return changed.applyToEither(CompletableFuture.runAsync(() -> {},
                    CompletableFuture.delayedExecutor(50, java.util.concurrent.TimeUnit.MILLISECONDS)), x -> null);
        }
    }

    /** The feed's one split and how far it has been read. */
    public static final class Split implements SourceSplit {
        final String feed;
        final long position;

        Split(String feed, long position) {
            this.feed = feed;
            this.position = position;
        }

        @Override
        public String splitId() {
            return feed;
        }
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SourceReader<T, Split> createReader(SourceReaderContext context) {
        return new Reader<>();
    }

    @Override
    public SplitEnumerator<Split, List<Split>> createEnumerator(SplitEnumeratorContext<Split> context) {
        return new Enumerator(context, new ArrayList<>(List.of(new Split(feed, 0))));
    }

    @Override
    public SplitEnumerator<Split, List<Split>> restoreEnumerator(SplitEnumeratorContext<Split> context,
            List<Split> unassigned) {
        return new Enumerator(context, new ArrayList<>(unassigned));
    }

    @Override
    public SimpleVersionedSerializer<Split> getSplitSerializer() {
        return new SplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<List<Split>> getEnumeratorCheckpointSerializer() {
        return new UnassignedSerializer();
    }

    /** Gives every unassigned split to the first reader that registers. */
    private static final class Enumerator implements SplitEnumerator<Split, List<Split>> {
        private final SplitEnumeratorContext<Split> context;
        private final List<Split> unassigned;

        Enumerator(SplitEnumeratorContext<Split> context, List<Split> unassigned) {
            this.context = context;
            this.unassigned = unassigned;
        }

        @Override
        public void start() {}

        @Override
        public void handleSplitRequest(int subtaskId, String hostname) {}

        @Override
        public void addSplitsBack(List<Split> splits, int subtaskId) {
            unassigned.addAll(splits);
            if (context.registeredReaders().containsKey(subtaskId)) {
                addReader(subtaskId);
            }
        }

        @Override
        public void addReader(int subtaskId) {
            for (Split s : unassigned) {
                context.assignSplit(s, subtaskId);
            }
            unassigned.clear();
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            return new ArrayList<>(unassigned);
        }

        @Override
        public void close() {}
    }

    /** Reads its splits' feeds from their positions. */
    private static final class Reader<T> implements SourceReader<T, Split> {
        private final List<String> feeds = new ArrayList<>();
        private final List<Long> positions = new ArrayList<>();
        /** Wakes the task when the first split arrives (the enumerator assigns it after start). */
        private final CompletableFuture<Void> splitsArrived = new CompletableFuture<>();

        @Override
        public void start() {}

        @Override
        @SuppressWarnings("unchecked")
        public InputStatus pollNext(ReaderOutput<T> output) {
            boolean allEnded = !feeds.isEmpty();
            for (int i = 0; i < feeds.size(); i++) {
                Feed f = feed(feeds.get(i));
                long p = positions.get(i);
                if (p < f.records.size()) {
                    output.collect((T) f.records.get((int) p));
                    positions.set(i, p + 1);
                    f.read.accumulateAndGet(p + 1, Math::max);
                    return InputStatus.MORE_AVAILABLE;
                }
                allEnded &= f.closed;
            }
            return allEnded ? InputStatus.END_OF_INPUT : InputStatus.NOTHING_AVAILABLE;
        }

        private static Feed feed(String name) {
            Feed f = FEEDS.get(name);
            if (f == null) {
                throw new IllegalStateException("no feed " + name + ": open it with FeedSource.open before the job starts");
            }
            return f;
        }

        @Override
        public CompletableFuture<Void> isAvailable() {
            List<CompletableFuture<Void>> waits = new ArrayList<>();
            for (int i = 0; i < feeds.size(); i++) {
                Feed f = feed(feeds.get(i));
                CompletableFuture<Void> changed = f.changed;
                if (positions.get(i) < f.records.size() || f.closed) {
                    return CompletableFuture.completedFuture(null);
                }
                waits.add(changed);
            }
            return waits.isEmpty() ? splitsArrived : CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new))
                    .thenApply(x -> null);
        }

        @Override
        public List<Split> snapshotState(long checkpointId) {
            List<Split> out = new ArrayList<>();
            for (int i = 0; i < feeds.size(); i++) {
                out.add(new Split(feeds.get(i), positions.get(i)));
            }
            return out;
        }

        @Override
        public void addSplits(List<Split> splits) {
            for (Split s : splits) {
                feeds.add(s.feed);
                positions.add(s.position);
            }
            splitsArrived.complete(null);
        }

        @Override
        public void notifyNoMoreSplits() {}

        @Override
        public void close() {}
    }

    private static final class SplitSerializer implements SimpleVersionedSerializer<Split> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(Split split) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeUTF(split.feed);
            out.writeLong(split.position);
            out.flush();
            return bytes.toByteArray();
        }

        @Override
        public Split deserialize(int version, byte[] serialized) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            return new Split(in.readUTF(), in.readLong());
        }
    }

    private static final class UnassignedSerializer implements SimpleVersionedSerializer<List<Split>> {
        @Override
        public int getVersion() {
            return 1;
        }

        @Override
        public byte[] serialize(List<Split> splits) throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(splits.size());
            for (Split s : splits) {
                out.writeUTF(s.feed);
                out.writeLong(s.position);
            }
            out.flush();
            return bytes.toByteArray();
        }

        @Override
        public List<Split> deserialize(int version, byte[] serialized) throws IOException {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized));
            int n = in.readInt();
            List<Split> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new Split(in.readUTF(), in.readLong()));
            }
            return out;
        }
    }
}
