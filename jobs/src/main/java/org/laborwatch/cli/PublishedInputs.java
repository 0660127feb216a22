package org.laborwatch.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.laborwatch.contract.IsoDates;
import org.laborwatch.contract.Observation;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.ReleaseOrder;

/**
 * The {@code --input FILE --format FORMAT [--vintage DATE]} of a command ({@code replay},
 * {@code compute}, {@code backtest}): one format (and vintage) for every input, or one per input in
 * the same order, so that files published on different days replay together. Every file is
 * checked before any is read, and all are read before the first observation is replayed, which
 * then comes in {@link ReleaseOrder}: release by release, in publication order across the files.
 */
final class PublishedInputs {

    /**
     * One input file, its format and the vintage given for it.
     *
     * @param path the file
     * @param format how to read it
     * @param vintage the publication date given on the command line, or null (the file's own: from
     *     its name or its rows)
     */
    record Input(Path path, PublishedFormat format, LocalDate vintage) {

        /** How its reader reads it. */
        ReaderOptions options() {
            return vintage == null ? ReaderOptions.defaults() : ReaderOptions.withVintage(vintage);
        }
    }

    /** The {@code --vintage} value that gives an input no vintage: the file dates its values itself. */
    static final String OWN_VINTAGE = "-";

    private final List<Input> inputs;

    private PublishedInputs(List<Input> inputs) {
        this.inputs = List.copyOf(inputs);
    }

    /** Pairs the repeated {@code --input} and {@code --format} values, no {@code --vintage}. */
    static PublishedInputs of(List<Path> paths, List<String> formats) {
        return of(paths, formats, null);
    }

    /**
     * Pairs the repeated {@code --input}, {@code --format} and {@code --vintage} values: one format
     * or vintage for every input, or one per input ({@value #OWN_VINTAGE} for an input that dates
     * its values itself).
     *
     * @throws IllegalArgumentException when the counts do not pair, a format is unknown or a vintage
     *     is not a date (the message starts with the option at fault)
     */
    static PublishedInputs of(List<Path> paths, List<String> formats, List<String> vintages) {
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("--input: give at least one file");
        }
        if (formats == null || formats.size() != 1 && formats.size() != paths.size()) {
            throw new IllegalArgumentException("--format: give one --format for all inputs or one per --input ("
                    + paths.size() + " inputs, " + (formats == null ? 0 : formats.size()) + " formats)");
        }
        List<String> given = vintages == null ? List.of() : vintages;
        if (given.size() > 1 && given.size() != paths.size()) {
            throw new IllegalArgumentException("--vintage: give one --vintage for all inputs or one per --input ("
                    + paths.size() + " inputs, " + given.size() + " vintages; " + OWN_VINTAGE
                    + " for an input that dates its values itself)");
        }
        List<PublishedFormat> published = new ArrayList<>();
        for (String f : formats) {
            try {
                published.add(PublishedFormat.byName(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format: " + e.getMessage(), e);
            }
        }
        List<LocalDate> dates = new ArrayList<>();
        for (String v : given) {
            LocalDate date = v.equals(OWN_VINTAGE) ? null : IsoDates.parseOrNull(v);
            if (date == null && !v.equals(OWN_VINTAGE)) {
                throw new IllegalArgumentException("--vintage: not a date YYYY-MM-DD (or " + OWN_VINTAGE
                        + " for an input that dates its values itself): '" + v + "'");
            }
            dates.add(date);
        }
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            inputs.add(new Input(paths.get(i), published.get(published.size() == 1 ? 0 : i),
                    dates.isEmpty() ? null : dates.get(dates.size() == 1 ? 0 : i)));
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
    List<Observation> read(ObjIntConsumer<Input> reading) throws IOException {
        List<List<Observation>> files = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            Input in = inputs.get(i);
            reading.accept(in, i);
            List<Observation> observations = new ArrayList<>();
            InputFile.read("--input", in.path(), in.format(), in.options(), observations::add);
            files.add(observations);
        }
        return ReleaseOrder.merge(files);
    }

    /** Reads every file and returns the observations in {@link ReleaseOrder}. */
    List<Observation> read() throws IOException {
        return read((in, i) -> { });
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
