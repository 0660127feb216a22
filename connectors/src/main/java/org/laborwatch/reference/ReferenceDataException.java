package org.laborwatch.reference;

import java.io.IOException;

/** A reference file that cannot be read as documented; the message starts with {@code file:line}. */
public final class ReferenceDataException extends IOException {

    private static final long serialVersionUID = 1L;

    public ReferenceDataException(String message) {
        super(message);
    }

    public ReferenceDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
