package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.laborwatch.contract.Observation;

/**
 * FRED series stacked in one file, {@code series_id,date,value}, one row per series and date.
 * Rows of series not in {@link FredSeries} are skipped and counted per series in the report.
 */
final class FredLongReader implements ObservationReader {

    private final ReaderOptions options;

    FredLongReader(ReaderOptions options) {
        this.options = options;
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        LocalDate vintage = Vintages.required(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("series_id", "date", "value");
        Tally tally = new Tally(out);
        Map<String, Long> unmapped = new LinkedHashMap<>();
        while (rows.next()) {
            tally.row();
            String id = rows.cell("series_id");
            Optional<SeriesSpec> spec = FredSeries.byId(id);
            if (spec.isEmpty()) {
                if (id.isEmpty()) {
                    throw rows.error("column series_id is blank");
                }
                unmapped.merge(id, 1L, Long::sum);
                continue;
            }
            LocalDate period = rows.date("date");
            if (Fred.isMissing(rows.cell("value"))) {
                tally.missing();
                continue;
            }
            BigDecimal value = rows.decimal("value");
            tally.emit(spec.get().observe(rows, id, period, value, vintage));
        }
        if (!unmapped.isEmpty()) {
            tally.note("unmapped FRED series (rows skipped): " + unmapped.entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")")
                    .collect(Collectors.joining(", ")));
        }
        return tally.report();
    }
}
