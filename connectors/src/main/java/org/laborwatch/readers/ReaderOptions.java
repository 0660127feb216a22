package org.laborwatch.readers;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings for a reader.
 *
 * @param vintage the publication date to stamp on every observation, or {@code null} to derive it
 *     from the file (see {@link Vintages})
 */
public record ReaderOptions(LocalDate vintage) {

    /** No explicit vintage: derive it from the file name, or per row where the format allows. */
    public static ReaderOptions defaults() {
        return new ReaderOptions(null);
    }

    /** Stamp every observation with this vintage. */
    public static ReaderOptions withVintage(LocalDate vintage) {
        return new ReaderOptions(Objects.requireNonNull(vintage, "vintage"));
    }

    public Optional<LocalDate> explicitVintage() {
        return Optional.ofNullable(vintage);
    }
}
