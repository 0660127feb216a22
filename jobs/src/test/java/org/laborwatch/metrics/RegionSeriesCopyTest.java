package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laborwatch.state.GoldenBytes;

/**
 * {@link RegionSeries#copy}, what the heap state backend uses to keep a region it is writing a
 * snapshot of: the same state as the round trip through the savepoint format, and independent of
 * the original.
 */
class RegionSeriesCopyTest {

    @Test
    void theCopyIsTheStateTheBytesWouldRestore() throws Exception {
        RegionSeries original = RegionSeriesFormatTest.representative();
        RegionSeries copy = original.copy();
        assertEquals(RegionSeriesFormatTest.decode(GoldenBytes.bytes(original::writeTo)), copy);
        assertArrayEquals(GoldenBytes.bytes(original::writeTo), GoldenBytes.bytes(copy::writeTo));
        assertEquals(original.latest(new SeriesId("unemployment_rate", "all", "sa")),
                copy.latest(new SeriesId("unemployment_rate", "all", "sa")), "the copy looks series up by id");
    }

    @Test
    void changingTheCopyLeavesTheOriginalAsItWas() throws Exception {
        RegionSeries original = RegionSeriesFormatTest.representative();
        byte[] before = GoldenBytes.bytes(original::writeTo);
        RegionSeries copy = original.copy();
        copy.upsert(Obs.rate("US-AZ", Obs.month("2020-06"), "7.9", LocalDate.of(2020, 7, 17)), 1000, 1000, null);
        copy.upsert(Obs.rate("US-AZ", Obs.month("2020-05"), "8.7", LocalDate.of(2020, 7, 17)), 1000, 1000, null);
        assertNotEquals(original, copy);
        assertArrayEquals(before, GoldenBytes.bytes(original::writeTo), "the original's bytes are unchanged");
    }
}
