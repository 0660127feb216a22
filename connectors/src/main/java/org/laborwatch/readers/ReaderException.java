package org.laborwatch.readers;

import java.io.IOException;

/**
 * A file could not be read as its format says: a bad number or date, missing or extra columns, no
 * vintage. It is an {@link IOException} so callers handle it with the other ways a file can fail.
 * The message always starts with the file name and, when a row is at fault, its line number
 * ({@code file:line: problem}) so the row can be found and fixed.
 */
public final class ReaderException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final long line;
    private final String problem;

    /**
     * @param fileName the file being read
     * @param line the 1-based line at fault (the header is line 1), or 0 for the file as a whole
     * @param problem what is wrong, naming the column and the offending text
     */
    public ReaderException(String fileName, long line, String problem) {
        this(fileName, line, problem, null);
    }

    public ReaderException(String fileName, long line, String problem, Throwable cause) {
        super((line > 0 ? fileName + ":" + line : fileName) + ": " + problem, cause);
        this.fileName = fileName;
        this.line = line;
        this.problem = problem;
    }

    public String fileName() {
        return fileName;
    }

    /** The 1-based line at fault, or 0 when the problem is not about one line. */
    public long line() {
        return line;
    }

    public String problem() {
        return problem;
    }
}
