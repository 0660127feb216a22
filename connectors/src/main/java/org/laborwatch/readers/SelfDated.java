package org.laborwatch.readers;

/** What the formats that carry their own publication dates (per column or per row) share. */
final class SelfDated {

    private SelfDated() {}

    /**
     * Refuses an explicit vintage: stamping one date over a file whose values were published on
     * many dates would replace the very information a replay needs.
     *
     * @param where where the file keeps its publication dates, for the message
     */
    static void refuseExplicitVintage(ReaderOptions options, String fileName, String where) throws ReaderException {
        if (options.explicitVintage().isPresent()) {
            throw new ReaderException(fileName, 0, "a vintage was given (--vintage " + options.vintage()
                    + "), but this format dates every value by " + where
                    + ", and one date over them all would erase the history of releases; drop --vintage");
        }
    }
}
