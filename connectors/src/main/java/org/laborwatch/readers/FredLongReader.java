package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.laborwatch.contract.Observation;

/**
 * FRED series stacked in one file, {@code series_id,date,value}, one row per series and date.
 * Rows of series not in {@link FredSeries} are skipped and counted per series in the report.
 *
 * <p>The same layout with another value column and another table serves {@code ces-long}
 * ({@code series_id,date,value_thousands}, series from {@link CesSeries}).
 */
final class FredLongReader implements ObservationReader {

    private final ReaderOptions options;
    private final String valueColumn;
    private final Function<String, Optional<SeriesSpec>> series;
    private final String seriesKind;

    FredLongReader(ReaderOptions options) {
        this(options, "value", FredSeries::byId, "FRED");
    }

    /** The CES employment-by-industry file: {@code series_id,date,value_thousands}. */
    static FredLongReader ces(ReaderOptions options) {
        return new FredLongReader(options, "value_thousands", CesSeries::byId, "CES");
    }

    private FredLongReader(ReaderOptions options, String valueColumn,
            Function<String, Optional<SeriesSpec>> series, String seriesKind) {
        this.options = options;
        this.valueColumn = valueColumn;
        this.series = series;
        this.seriesKind = seriesKind;
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("series_id", "date", valueColumn);
        // A long file stacks each series whole (PAYEMS 1980-2025, then JTSJOL from 2000-12): emitted in
        // file order, one series would run decades ahead of a series a metric divides it by (the
        // job-openings rate), past the metric state's wait for a partner. One vintage is one release,
        // which ReleaseOrder takes to be in period order: so emit it so, each period in file order.
        List<Observation> buffered = new ArrayList<>();
        Tally tally = new Tally(buffered::add);
        Map<String, Long> unmapped = new LinkedHashMap<>();
        while (rows.next()) {
            tally.row();
            String id = rows.cell("series_id");
            Optional<SeriesSpec> spec = series.apply(id);
            if (spec.isEmpty()) {
                if (id.isEmpty()) {
                    throw rows.error("column series_id is blank");
                }
                unmapped.merge(id, 1L, Long::sum);
                continue;
            }
            LocalDate period = rows.date("date");
            if (Fred.isMissing(rows.cell(valueColumn))) {
                tally.missing();
                continue;
            }
            BigDecimal value = rows.decimal(valueColumn);
            tally.emit(spec.get().observe(rows, id, period, value, vintage));
        }
        if (!unmapped.isEmpty()) {
            tally.note("unmapped " + seriesKind + " series (rows skipped): " + unmapped.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", ")));
        }
        buffered.sort(Comparator.comparing(Observation::period));
        buffered.forEach(out);
        return tally.report();
    }
}
