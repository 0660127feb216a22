package org.laborwatch.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.laborwatch.contract.RawRecord;

/**
 * Reads a JSON-lines file as raw records, one per line, each with its origin {@code file:line} so a
 * dead letter points at the line that was refused. Used with Flink's {@code FileSource}; the bytes
 * are not parsed here, so the job's validation sees exactly what the file holds.
 */
public final class RawLinesFormat extends SimpleStreamFormat<RawRecord> {

    private static final long serialVersionUID = 1L;

    private final String name;

    /** @param name how the file is named in origins */
    public RawLinesFormat(String name) {
        this.name = name;
    }

    @Override
    public StreamFormat.Reader<RawRecord> createReader(Configuration config, FSDataInputStream stream) {
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
        return new StreamFormat.Reader<>() {
            private long lineNo;

            @Override
            public RawRecord read() throws IOException {
                String line;
                do {
                    line = lines.readLine();
                    lineNo++;
                } while (line != null && line.isBlank());
                return line == null ? null : new RawRecord(line.getBytes(StandardCharsets.UTF_8), name + ":" + lineNo);
            }

            @Override
            public void close() throws IOException {
                lines.close();
            }
        };
    }

    @Override
    public TypeInformation<RawRecord> getProducedType() {
        return TypeInformation.of(RawRecord.class);
    }
}
