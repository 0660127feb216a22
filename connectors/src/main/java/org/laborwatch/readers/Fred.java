package org.laborwatch.readers;

/** What FRED files have in common, whatever their layout. */
final class Fred {

    private Fred() {}

    /**
     * FRED writes {@code .} for a period with no value (October 2025, when BLS did not collect
     * the CPS); republished extracts often leave the cell empty instead. Both mean "no observation",
     * never zero.
     */
    static boolean isMissing(String cell) {
        return cell.isEmpty() || ".".equals(cell);
    }
}
