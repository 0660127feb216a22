package org.laborwatch.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.util.function.SerializableFunction;

/**
 * Appends one line per element to a local file: the demo's sink for JSON lines and line protocol.
 *
 * <p>For a local run only (the demo's mini cluster runs in this JVM): writers of the same path
 * share one file handle, so several streams can feed one file. It gives no delivery guarantee
 * across failures; production uses the Kafka and InfluxDB sinks. The caller creates or truncates
 * the file before the job starts. {@link #linesAppended(Path)} counts the lines written to a path,
 * so the caller can show progress while the job runs in the same JVM.
 *
 * @param <T> element type
 */
public final class LineFileSink<T> implements Sink<T> {

    private static final long serialVersionUID = 1L;
    private static final Map<Path, SharedFile> OPEN = new HashMap<>();
    private static final Map<Path, LongAdder> APPENDED = new ConcurrentHashMap<>();

    private final String path;
    private final SerializableFunction<T, String> format;

    /** @param format turns an element into one line (without the newline) */
    public LineFileSink(Path path, SerializableFunction<T, String> format) {
        this.path = path.toAbsolutePath().toString();
        this.format = format;
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        SharedFile file = open(Path.of(path));
        return new SinkWriter<>() {
            @Override
            public void write(T element, Context ctx) throws IOException {
                file.append(format.apply(element));
            }

            @Override
            public void flush(boolean endOfInput) throws IOException {
                file.flush();
            }

            @Override
            public void close() throws IOException {
                release(file);
            }
        };
    }

    /** Lines appended to {@code path} by sinks in this JVM so far (zero before any). */
    public static long linesAppended(Path path) {
        LongAdder n = APPENDED.get(path.toAbsolutePath());
        return n == null ? 0 : n.sum();
    }

    private static synchronized SharedFile open(Path p) throws IOException {
        SharedFile f = OPEN.get(p);
        if (f == null) {
            f = new SharedFile(p, Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND), APPENDED.computeIfAbsent(p, k -> new LongAdder()));
            OPEN.put(p, f);
        }
        f.users++;
        return f;
    }

    private static synchronized void release(SharedFile f) throws IOException {
        if (--f.users == 0) {
            OPEN.remove(f.path);
            f.out.close();
        }
    }

    private static final class SharedFile {
        final Path path;
        final BufferedWriter out;
        final LongAdder appended;
        int users;

        SharedFile(Path path, BufferedWriter out, LongAdder appended) {
            this.path = path;
            this.out = out;
            this.appended = appended;
        }

        synchronized void append(String line) {
            try {
                out.write(line);
                out.write('\n');
                appended.increment();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        synchronized void flush() throws IOException {
            out.flush();
        }
    }
}
