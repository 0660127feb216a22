package org.laborwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.laborwatch.contract.Observation;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.ReleaseOrder;

/**
 * The {@code --input FILE --format FORMAT} pairs of a command ({@code replay}, {@code compute},
 * {@code backtest}): one format for every input, or one per input in the same order. Every file is
 * checked before any is read, and all are read before the first observation is replayed, which
 * then comes in {@link ReleaseOrder}: release by release, in publication order across the files.
 */
final class PublishedInputs {

    /**
     * One input file and its format.
     *
     * @param path the file
     * @param format how to read it
     */
    record Input(Path path, PublishedFormat format) {}

    private final List<Input> inputs;

    private PublishedInputs(List<Input> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    /**
     * Pairs the repeated {@code --input} and {@code --format} values.
     *
     * @throws IllegalArgumentException when the counts do not pair, or a format is unknown (the
     *     message starts with the option at fault)
     */
    static PublishedInputs of(List<Path> paths, List<String> formats) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("--input: give at least one file");
        }
        if (formats == null || formats.size() != 1 && formats.size() != paths.size()) {
            throw new IllegalArgumentException("--format: give one --format for all inputs or one per --input ("
                    + paths.size() + " inputs, " + (formats == null ? 0 : formats.size()) + " formats)");
        }
        List<PublishedFormat> published = new ArrayList<>();
        for (String f : formats) {
            try {
                published.add(PublishedFormat.byName(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format: " + e.getMessage(), e);
            }
        }
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            inputs.add(new Input(paths.get(i), published.get(published.size() == 1 ? 0 : i)));
        }
        return new PublishedInputs(inputs);
    }

    /** The inputs, in command-line order. */
    List<Input> inputs() {
        return inputs;
    }

    /**
     * Fails unless every file is there, readable and not empty ({@link InputFile#check}).
     *
     * @throws IllegalArgumentException naming the first file at fault
     */
    void check() {
        inputs.forEach(in -> InputFile.check("--input", in.path()));
    }

    /**
     * Reads every file ({@link InputFile#read}, so a file of another format is named) and returns
     * the observations in {@link ReleaseOrder}.
     *
     * @param reading told before each file is read, with its position (0-based)
     * @throws IOException when a reader refuses a row (naming the file and line)
     */
    List<Observation> read(ReaderOptions options, ObjIntConsumer<Input> reading) throws IOException {
        List<List<Observation>> files = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            reading.accept(in, i);
            List<Observation> observations = new ArrayList<>();
            InputFile.read("--input", in.path(), in.format(), options, observations::add);
            files.add(observations);
        }
        return ReleaseOrder.merge(files);
    }

    /** Reads every file and returns the observations in {@link ReleaseOrder}. */
    List<Observation> read(ReaderOptions options) throws IOException {
        return read(options, (in, i) -> { });
    }

    /** {@code FILE (format F)}, joined, for messages. */
    String describe() {
        return inputs.stream().map(in -> in.path() + " (format " + in.format().formatName() + ")")
                .collect(Collectors.joining(", "));
    }

    /** The file names, joined, for summaries. */
    String fileNames() {
        return inputs.stream().map(in -> String.valueOf(in.path().getFileName())).collect(Collectors.joining(", "));
    }
}
