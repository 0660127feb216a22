package org.laborwatch.metrics;

import java.time.LocalDate;

/** A metric carries the vintage of its newest input. */
final class Vintages {

    private Vintages() {}

    static LocalDate newest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
