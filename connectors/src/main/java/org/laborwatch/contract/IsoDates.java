package org.laborwatch.contract;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads dates written {@code YYYY-MM-DD}, the one form the contracts and the bundled files use.
 * Direct, not through {@link java.time.format.DateTimeFormatter}: the formatter's general parse was
 * a sixth of validating an observation and a tenth of reading a daily file. Strict as
 * {@link LocalDate#parse} is: a date that does not exist (2023-02-30, month 13) is not a date.
 */
public final class IsoDates {

    private IsoDates() {}

    /** The date {@code text} writes as {@code YYYY-MM-DD} (ASCII digits), or null if it is not one. */
    public static LocalDate parseOrNull(String text) {
        if (text == null || text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int y = digits(text, 0, 4);
        int m = digits(text, 5, 7);
        int d = digits(text, 8, 10);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // the 30th of February, the 31st of April
        }
    }

    /** The number written by the ASCII digits from {@code from} to {@code to}, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
