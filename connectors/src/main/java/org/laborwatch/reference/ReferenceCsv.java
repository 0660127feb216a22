package org.laborwatch.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The rows of a reference CSV with a header, with the line number of each for error messages. */
final class ReferenceCsv {

    private static final ObjectReader ROWS = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .build()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader());

    private final String name;
    private final MappingIterator<Map<String, String>> iterator;
    private Map<String, String> row;
    private long line = 1;

    private ReferenceCsv(String name, MappingIterator<Map<String, String>> iterator) {
        this.name = name;
        this.iterator = iterator;
    }

    /** Opens {@code input} and checks that the header has {@code columns}; the reader is not closed. */
    static ReferenceCsv open(Reader input, String name, String... columns) throws IOException {
        try {
            PushbackReader in = new PushbackReader(input, 1);
            int first = in.read();
            if (first != -1 && first != '\uFEFF') { // spreadsheet exports start with a byte-order mark
                in.unread(first);
            }
            MappingIterator<Map<String, String>> it = ROWS.readValues(in);
            it.hasNextValue();
            List<String> header = ((CsvParser) it.getParser()).getSchema().getColumnNames();
            for (String column : columns) {
                if (!header.contains(column)) {
                    throw new ReferenceDataException(name + ":1: no column '" + column + "' in header " + header);
                }
            }
            return new ReferenceCsv(name, it);
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(name + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A bundled resource under {@code /reference/}. */
    static Reader resource(String fileName) throws IOException {
        InputStream in = ReferenceCsv.class.getResourceAsStream("/reference/" + fileName);
        if (in == null) {
            throw new ReferenceDataException("reference file not on the classpath: /reference/" + fileName);
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    boolean next() throws IOException {
        try {
            if (!iterator.hasNextValue()) {
                return false;
            }
            row = iterator.nextValue();
            line = iterator.getParser().currentTokenLocation().getLineNr();
            return true;
        } catch (JsonProcessingException e) {
            throw new ReferenceDataException(name + ": " + e.getOriginalMessage(), e);
        }
    }

    String cell(String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }

    /** The cell as a decimal; thousands separators are allowed. */
    BigDecimal decimal(String column) throws ReferenceDataException {
        String text = cell(column);
        try {
            return new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw error("column " + column + ": '" + text + "' is not a number");
        }
    }

    ReferenceDataException error(String problem) {
        return new ReferenceDataException(name + ":" + line + ": " + problem);
    }
}
