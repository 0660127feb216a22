package org.laborwatch.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.laborwatch.contract.Observation;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReadReport;
import org.laborwatch.readers.ReaderOptions;

/**
 * An input file named on the command line, checked before it is read so that each way it can be
 * wrong gets its own message with the path and the fix: missing, a directory, unreadable, empty,
 * or of another format than {@code --format} says (told by its header, naming the format it looks
 * like when one of the readers accepts it).
 */
final class InputFile {

    private InputFile() {}

    /**
     * Fails unless {@code path} is a readable, non-empty file.
     *
     * @throws IllegalArgumentException naming the option, the path and what is wrong
     */
    static void check(String option, Path path) {
        if (!Files.exists(path)) {
            throw new IllegalArgumentException(option + " " + path + ": no such file (check the path; relative paths are from "
                    + Path.of("").toAbsolutePath() + ")");
        }
        if (Files.isDirectory(path)) {
            throw new IllegalArgumentException(option + " " + path + " is a directory; give one of the files in it");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IllegalArgumentException(option + " " + path + " is not a readable file (check its permissions)");
        }
        try {
            if (Files.size(path) == 0) {
                throw new IllegalArgumentException(option + " " + path + " is empty (0 bytes): an interrupted download? "
                        + "download it again");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException(option + " " + path + " cannot be read: " + e.getMessage());
        }
    }

    /**
     * Checks the file and that its header is one {@code format} reads, then reads it.
     *
     * @throws IllegalArgumentException when the file is not there or is of another known format
     * @throws IOException when the reader refuses a row (the message names the file and line)
     */
    static ReadReport read(String option, Path path, PublishedFormat format, ReaderOptions options,
            Consumer<Observation> out) throws IOException {
        check(option, path);
        String header = firstLine(path);
        if (!format.acceptsHeader(header)) {
            List<PublishedFormat> looksLike = PublishedFormat.acceptingHeader(header);
            if (!looksLike.isEmpty()) {
                throw new IllegalArgumentException(option + " " + path + " is not a " + format.formatName()
                        + " file: its header looks like " + looksLike.stream()
                                .map(f -> f.formatName() + " (" + f.description() + ")")
                                .collect(Collectors.joining(" or "))
                        + "; pass --format " + looksLike.get(0).formatName());
            }
            // No reader knows it: let the chosen reader say what its header lacks.
        }
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return format.reader(options).read(r, path.toString(), out);
        }
    }

    private static String firstLine(Path path) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            line = line == null ? "" : line;
            // Spreadsheet exports start with a byte-order mark.
            return line.startsWith("\uFEFF") ? line.substring(1) : line;
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalArgumentException(path + " is not UTF-8 text (a spreadsheet or archive?); "
                    + "export it as CSV");
        }
    }
}
