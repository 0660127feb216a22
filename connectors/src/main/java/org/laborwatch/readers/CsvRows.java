package org.laborwatch.readers;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.laborwatch.contract.IsoDates;

/**
 * The rows of a CSV file with a header line, read one at a time by Jackson CSV, with the line
 * number of the current row so every error can point at it.
 */
final class CsvRows {

    private static final ObjectReader ROWS = CsvMapper.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            // A short row is a truncated file, not a row of missing values.
            .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
            .build()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader());

    private final String fileName;
    private final MappingIterator<Map<String, String>> iterator;
    private final List<String> header;
    private Map<String, String> row;
    private long line = 1;

    private CsvRows(String fileName, MappingIterator<Map<String, String>> iterator, List<String> header) {
        this.fileName = fileName;
        this.iterator = iterator;
        this.header = header;
    }

    /** Reads the header line; the reader is not closed. */
    static CsvRows open(Reader input, String fileName) throws IOException {
        try {
            MappingIterator<Map<String, String>> it = ROWS.readValues(withoutBom(input));
            it.hasNextValue(); // makes Jackson read the header line
            List<String> header = ((CsvParser) it.getParser()).getSchema().getColumnNames();
            if (header.isEmpty()) {
                throw new ReaderException(fileName, 1, "no header line");
            }
            Set<String> seen = new HashSet<>();
            for (String name : header) {
                if (name.isEmpty()) {
                    throw new ReaderException(fileName, 1, "the header has a column without a name: " + header);
                }
                // Jackson would silently keep only the last of two same-named columns.
                if (!seen.add(name)) {
                    throw new ReaderException(fileName, 1, "the header names column '" + name + "' twice");
                }
            }
            return new CsvRows(fileName, it, header);
        } catch (JsonProcessingException e) {
            throw wrap(fileName, e);
        }
    }

    String fileName() {
        return fileName;
    }

    /** Column names in file order. */
    List<String> header() {
        return header;
    }

    /** Fails unless the header has all these columns; extra columns are allowed. */
    void requireColumns(String... names) throws ReaderException {
        for (String name : names) {
            if (!header.contains(name)) {
                throw new ReaderException(fileName, 1, "no column '" + name + "' in header " + header);
            }
        }
    }

    /** Moves to the next row; false at the end of the file. */
    boolean next() throws IOException {
        try {
            if (!iterator.hasNextValue()) {
                return false;
            }
            row = iterator.nextValue();
            // The token location of the finished row is the line it started on.
            line = iterator.getParser().currentTokenLocation().getLineNr();
            return true;
        } catch (JsonProcessingException e) {
            throw wrap(fileName, e);
        }
    }

    /** The 1-based line the current row starts on. */
    long line() {
        return line;
    }

    /** The trimmed text of a column in the current row; empty if blank. */
    String cell(String column) {
        String value = row.get(column);
        return value == null ? "" : value;
    }

    /** The cell as an exact decimal; the cell must not be blank. */
    BigDecimal decimal(String column) throws ReaderException {
        String text = cell(column);
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw error("column " + column + ": '" + text + "' is not a number");
        }
    }

    /** The cell as an ISO date (YYYY-MM-DD) that exists. */
    LocalDate date(String column) throws ReaderException {
        String text = cell(column);
        try {
            // The common form read directly (IsoDates); anything else as LocalDate.parse reads it.
            LocalDate date = IsoDates.parseOrNull(text);
            return date != null ? date : LocalDate.parse(text);
        } catch (DateTimeException e) {
            throw error("column " + column + ": '" + text + "' is not a date (YYYY-MM-DD)");
        }
    }

    /** An error about the current row. */
    ReaderException error(String problem) {
        return new ReaderException(fileName, line, problem);
    }

    private static ReaderException wrap(String fileName, JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        long line = at == null || at.getLineNr() < 0 ? 0 : at.getLineNr();
        return new ReaderException(fileName, line, e.getOriginalMessage(), e);
    }

    // Spreadsheet exports start with a byte-order mark, which would otherwise stick to the first column name.
    private static Reader withoutBom(Reader input) throws IOException {
        PushbackReader in = new PushbackReader(input, 1);
        int first = in.read();
        if (first != -1 && first != '\uFEFF') {
            in.unread(first);
        }
        return in;
    }
}
