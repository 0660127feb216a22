package org.laborwatch.cli;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.laborwatch.contract.Observation;
import org.laborwatch.notice.EbNotices;
import org.laborwatch.notice.NoticeRow;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code laborwatch eb-notice}: DOL's weekly Extended Benefits trigger notices reproduced from ETA
 * 539 and the state levels ({@link EbNotices}), one CSV row per state and notice with the columns of
 * DOL's notice. No Flink.
 */
@Command(name = "eb-notice", mixinStandardHelpOptions = true, usageHelpWidth = 120,
        description = "Reproduce DOL's weekly Extended Benefits trigger notices: for every notice taking effect on a "
                + "Sunday from --from to --to, one CSV row per state with the columns of DOL's notice (notice_no, "
                + "effective_date, iur_week_ending, tur_3mo_ending, state, on_by_flag, no_6pct_iur_option, "
                + "no_tur_option, iur_13wk, iur_pct_of_prior_2yrs, tur_3mo_sa, tur_pct_of_prior_year, "
                + "tur_pct_of_second_prior_year, available_weeks, status), computed with the job's metric and "
                + "trigger code from the inputs as published by each notice's date. A column the inputs do not give "
                + "is empty. See docs/eb-notice.md.",
        footer = {"%nFormats read:%n  eta539              the 13-week IUR and its look-back"
                + "%n  bls-state-release   the TUR from the state levels of each monthly release, as published that week"
                + "%n  laus-levels         the TUR from one later vintage of the levels (each month counted from the end"
                + " of the month after it)",
            "%nExample:%n  ./laborwatch eb-notice --input data/dol_eta539_weekly_claims_by_state_2019-2025.csv --format eta539 "
                + "--input data/bls_laus_state_sa_levels_monthly_2018-01_2021-04_ststdsadata.csv --format laus-levels "
                + "--from 2021-01-10 --to 2021-01-10 --out target/notice-2020-52.csv"})
public final class EbNoticeCommand implements Callable<Integer> {

    /** The formats whose data a notice reads. */
    static final List<PublishedFormat> FORMATS = List.of(PublishedFormat.ETA539, PublishedFormat.BLS_STATE_RELEASE,
            PublishedFormat.LAUS_LEVELS);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ArgGroup(exclusive = false, multiplicity = "1..*")
    List<Input> inputs;

    /** One --input with its --format. */
    static final class Input {
        @Option(names = "--input", paramLabel = "FILE", required = true, description = "An input file (repeatable, each "
                + "with its --format).")
        Path path;

        @Option(names = "--format", paramLabel = "FORMAT", required = true,
                description = "Its format: eta539, bls-state-release or laus-levels.")
        String format;
    }

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", required = true, description = "First effective date.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", required = true, description = "Last effective date.")
    String to;

    @Option(names = "--out", paramLabel = "FILE.csv", required = true, description = "Write the CSV here.")
    Path out;

    @Override
    public Integer call() throws IOException {
        LocalDate first = date("--from", from);
        LocalDate last = date("--to", to);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException("--from " + first + " is after --to " + last + "; give the earlier date first");
        }
        List<PublishedFormat> formats = new ArrayList<>();
        for (Input input : inputs) {
            formats.add(format(input.format));
            InputFile.check("--input", input.path);
        }
        OutputPath.check("--out", out);
        EbNotices notices = new EbNotices();
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            PublishedFormat format = formats.get(i);
            ReaderOptions options = EbNotices.readerOptions(format);
            List<Observation> observations = new ArrayList<>();
            InputFile.read("--input", input.path, format, options, observations::add);
            if (notices.add(observations) == 0) {
                throw new IllegalArgumentException("--input " + input.path + " (format " + format.formatName()
                        + ") holds nothing a notice reads: no state's IUR data (at, ce) or levels (labor force, unemployed)");
            }
        }
        List<NoticeRow> rows = notices.compute(first, last);
        // Written next to its destination and moved into place: never a half-written CSV.
        try (StagedOutputs staged = StagedOutputs.in(BacktestCommand.parentOf(out))) {
            try (Writer w = Files.newBufferedWriter(staged.stage(out), StandardCharsets.UTF_8)) {
                write(rows, w);
            }
            staged.commit();
        }
        long notices52 = rows.stream().map(NoticeRow::effectiveDate).distinct().count();
        err.println("laborwatch: wrote " + notices52 + " notices, " + rows.size() + " state rows, to " + out);
        err.flush();
        return 0;
    }

    private LocalDate date(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + ": not a date YYYY-MM-DD: '" + text + "' (such as 2021-01-10)");
        }
    }

    private PublishedFormat format(String name) {
        PublishedFormat f;
        try {
            f = PublishedFormat.byName(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--format: " + e.getMessage());
        }
        if (!FORMATS.contains(f)) {
            throw new IllegalArgumentException("--format " + name + ": a notice reads "
                    + String.join(", ", FORMATS.stream().map(PublishedFormat::formatName).toList())
                    + " (the IUR from ETA 539, the TUR from state levels)");
        }
        return f;
    }

    /** The notice CSV: DOL's columns, one row per state and notice. */
    static void write(List<NoticeRow> rows, Writer w) throws IOException {
        w.write(String.join(",", NoticeRow.COLUMNS));
        w.write('\n');
        try (SequenceWriter seq = CSV.writeValues(w)) {
            for (NoticeRow row : rows) {
                seq.write(row.cells().toArray(new String[0]));
            }
        }
    }

    private static final ObjectWriter CSV = CsvMapper.builder()
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .disable(com.fasterxml.jackson.core.StreamWriteFeature.AUTO_CLOSE_TARGET).build()
            .writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n"));
}
