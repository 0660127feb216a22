package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.state.GoldenBytes;

/** The metrics operator's saved state: every released version of its bytes still reads. */
class RegionSeriesFormatTest {

    /**
     * Three series of three frequencies, a revised value, a value too large for a long (the
     * decimal's other encoding), and each series' widest revision horizon (saved since version 3).
     */
    static RegionSeries representative() {
        return representative(true);
    }

    /**
     * {@link #representative()}, or without horizons: what the versions before 3, which saved
     * none, read to (0 for every series: none known).
     */
    static RegionSeries representative(boolean withHorizons) {
        int rate = withHorizons ? 60 : 0;
        int claims = withHorizons ? 261 : 0;
        int covered = withHorizons ? 20 : 0;
        RegionSeries r = new RegionSeries();
        LocalDate v1 = LocalDate.of(2020, 6, 5);
        LocalDate v2 = LocalDate.of(2020, 7, 2);
        r.upsert(Obs.rate("US-AZ", Obs.month("2020-04"), "13.4", v1), rate, 1000, null);
        r.upsert(Obs.rate("US-AZ", Obs.month("2020-05"), "8.9", v1), rate, 1000, null);
        r.upsert(Obs.rate("US-AZ", Obs.month("2020-05"), "8.8", v2), rate, 1000, null);
        r.upsert(Obs.of("initial_claims", "US-AZ", "all", "nsa", Frequency.WEEKLY, LocalDate.of(2020, 5, 30),
                "21000", "count", v1), claims, 1000, null);
        r.upsert(Obs.of("covered_employment", "US-AZ", "all", "nsa", Frequency.QUARTERLY, LocalDate.of(2019, 10, 1),
                "123456789012345678901234567890.5", "count", v1), covered, 1000, null);
        return r;
    }

    static RegionSeries decode(byte[] bytes) throws IOException {
        return RegionSeries.readFrom(new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    /**
     * {@link RegionSeries#writeTo} lists the series in order, and reading builds its tree from that
     * order in one pass; a saved form listing them in another order (none is written) still reads,
     * series by series, to the same state.
     */
    @Test
    void seriesSavedOutOfOrderReadToTheSameState() throws IOException {
        LocalDate v1 = LocalDate.of(2020, 6, 5);
        RegionSeries rates = new RegionSeries();
        rates.upsert(Obs.rate("US-AZ", Obs.month("2020-04"), "13.4", v1), 60, 1000, null);
        rates.upsert(Obs.rate("US-AZ", Obs.month("2020-05"), "8.9", v1), 60, 1000, null);
        rates.upsert(Obs.rate("US-AZ", Obs.month("2020-05"), "8.8", LocalDate.of(2020, 7, 2)), 60, 1000, null);
        RegionSeries claims = new RegionSeries();
        claims.upsert(Obs.of("initial_claims", "US-AZ", "all", "nsa", Frequency.WEEKLY, LocalDate.of(2020, 5, 30),
                "21000", "count", v1), 261, 1000, null);
        RegionSeries covered = new RegionSeries();
        covered.upsert(Obs.of("covered_employment", "US-AZ", "all", "nsa", Frequency.QUARTERLY, LocalDate.of(2019, 10, 1),
                "123456789012345678901234567890.5", "count", v1), 20, 1000, null);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeByte(3);
        out.writeShort(3);
        // Descending: unemployment_rate, initial_claims, covered_employment; each region's bytes
        // after its version byte and series count.
        for (RegionSeries one : java.util.List.of(rates, claims, covered)) {
            byte[] b = GoldenBytes.bytes(one::writeTo);
            out.write(b, 3, b.length - 3);
        }
        RegionSeries read = decode(bytes.toByteArray());
        assertEquals(representative(), read);
        assertArrayEquals(GoldenBytes.bytes(representative()::writeTo), GoldenBytes.bytes(read::writeTo));
    }

    /** A corrupt count of values ends in an end of input, not in arrays sized by the count. */
    @Test
    void aCorruptValueCountIsAnEndOfInputNotAnOutOfMemory() throws IOException {
        RegionSeries one = new RegionSeries();
        one.upsert(Obs.rate("US-AZ", Obs.month("2020-04"), "13.4", LocalDate.of(2020, 6, 5)), 1000, 1000, null);
        byte[] bytes = GoldenBytes.bytes(one::writeTo);
        // The last value: its period (4 bytes), its decimal (scale, 0, a long: 10) and vintage (4);
        // the count of values is the int before it.
        int count = bytes.length - 18 - 4;
        assertEquals(1, java.nio.ByteBuffer.wrap(bytes, count, 4).getInt(), "the count of values, where expected");
        java.nio.ByteBuffer.wrap(bytes, count, 4).putInt(Integer.MAX_VALUE);
        org.junit.jupiter.api.Assertions.assertThrows(java.io.EOFException.class, () -> decode(bytes));
    }

    @Test
    void version1BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(false), decode(GoldenBytes.read("region-series-v1.bin")));
    }

    @Test
    void version2BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        assertEquals(representative(false), decode(GoldenBytes.read("region-series-v2.bin")));
    }

    @Test
    void version3BytesReadToTheStateTheyWereWrittenFrom() throws IOException {
        RegionSeries read = decode(GoldenBytes.read("region-series-v3.bin"));
        assertEquals(representative(), read);
        assertEquals(261, read.widestHorizon(new SeriesId("initial_claims", "all", "nsa")));
    }

    @Test
    void theCurrentVersionEncodesToItsCommittedBytes() throws IOException {
        GoldenBytes.assertEncodesTo("region-series-v3.bin", GoldenBytes.bytes(representative()::writeTo));
    }

    @Test
    void stateReadFromAnOlderVersionIsWrittenInTheCurrentOne() throws IOException {
        assertArrayEquals(GoldenBytes.bytes(representative(false)::writeTo),
                GoldenBytes.bytes(decode(GoldenBytes.read("region-series-v1.bin"))::writeTo));
        assertArrayEquals(GoldenBytes.bytes(representative(false)::writeTo),
                GoldenBytes.bytes(decode(GoldenBytes.read("region-series-v2.bin"))::writeTo));
        assertEquals(3, GoldenBytes.bytes(decode(GoldenBytes.read("region-series-v1.bin"))::writeTo)[0], "the version byte");
    }

    /** The horizon is part of the state: two regions differing only in it are not equal, nor their bytes. */
    @Test
    void theWidestHorizonIsPartOfTheState() throws IOException {
        org.junit.jupiter.api.Assertions.assertNotEquals(representative(false), representative(true));
        org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(GoldenBytes.bytes(representative(false)::writeTo),
                GoldenBytes.bytes(representative(true)::writeTo)));
        assertEquals(representative(), representative().copy(), "a copy keeps it");
    }

    @Test
    void frequenciesAreSavedByName() throws IOException {
        String bytes = new String(GoldenBytes.bytes(representative()::writeTo), StandardCharsets.ISO_8859_1);
        assertTrue(bytes.contains("MONTHLY") && bytes.contains("WEEKLY") && bytes.contains("QUARTERLY"));
    }
}
