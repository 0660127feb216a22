package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.util.function.Consumer;
import org.laborwatch.contract.Observation;

/**
 * Turns one published file into {@link Observation}s.
 *
 * <p>Readers stream: each observation is handed to {@code out} as soon as its row is read, in file
 * order, so a file never has to fit in memory. A bad row stops the read with a
 * {@link ReaderException} naming the file and line; observations emitted before it have already
 * been delivered, so a caller that must be all-or-nothing should buffer or discard on failure.
 */
public interface ObservationReader {

    /**
     * Reads the whole of {@code input}.
     *
     * @param input the file's text; not closed by the reader
     * @param fileName the file's name (a path is fine), for messages and for deriving the vintage
     * @param out receives every observation, in file order
     * @return what was read, emitted and skipped
     * @throws ReaderException if a row cannot be read (bad number, bad date, wrong columns) or no
     *     vintage can be determined
     * @throws IOException if {@code input} fails
     */
    ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException;
}
