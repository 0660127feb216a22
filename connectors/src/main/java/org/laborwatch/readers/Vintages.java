package org.laborwatch.readers;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a file's vintage comes from when none is given: its name.
 *
 * <p>Files are named with the date they were pulled, {@code …_vintageYYYY-MM.csv} (read as the
 * first day of that month) or {@code …_vintageYYYY-MM-DD.csv}, or with the publisher's release
 * date, {@code …_releaseYYYY-MM-DD.csv}. A month-only vintage is a lower bound: the data were pulled
 * some time in that month, and no period in the file can be later. A second download in the same
 * month carries a letter, {@code …_vintageYYYY-MMb.csv}: b is read as day 2, c as day 3 (a as day
 * 1), so the later download gets the later vintage and a replay keeps its values, not the first's.
 */
public final class Vintages {

    // (?!\d) so "vintage2023-123" is not silently read as December.
    private static final Pattern IN_NAME =
            Pattern.compile("(?:vintage|release)(\\d{4})-(\\d{2})(?:-(\\d{2})|([a-z]))?(?![\\da-z])");

    private Vintages() {}

    /**
     * The vintage written in a file name, if any; only the last path segment is looked at.
     *
     * @throws ReaderException if the name has a vintage that is not a real date (vintage2023-13)
     */
    public static Optional<LocalDate> fromFileName(String fileName) throws ReaderException {
        String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        Matcher m = IN_NAME.matcher(base);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            int day = m.group(3) != null ? Integer.parseInt(m.group(3))
                    : m.group(4) != null ? m.group(4).charAt(0) - 'a' + 1 : 1;
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), day));
        } catch (DateTimeException e) {
            throw new ReaderException(fileName, 0, "the file name's '" + m.group() + "' is not a date", e);
        }
    }

    /** The explicit vintage if given, else the one in the file name, if any. */
    static Optional<LocalDate> explicitOrFromName(ReaderOptions options, String fileName) throws ReaderException {
        return options.explicitVintage().isPresent() ? options.explicitVintage() : fromFileName(fileName);
    }

    /** Like {@link #explicitOrFromName} for formats that carry no dates of publication at all. */
    static LocalDate required(ReaderOptions options, String fileName) throws ReaderException {
        return explicitOrFromName(options, fileName).orElseThrow(() -> new ReaderException(fileName, 0,
                "no vintage. A vintage is the date these values were published: agencies revise history, so"
                        + " the same period can have another value in a later download, and laborwatch keeps them"
                        + " apart by vintage. The file name carries none ('..._vintageYYYY-MM[-DD].csv') and none"
                        + " was given explicitly: pass the date you downloaded the file, --vintage YYYY-MM-DD,"
                        + " or rename it to end in _vintageYYYY-MM-DD.csv"));
    }
}
