package org.laborwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's mid-run rate: the slope between the samples at 20 % and 90 % of the final count. */
class SteadyRateTest {

    private static final long MS = 1_000_000L;

    @Test
    void aSlowStartIsLeftOutOfTheRate() {
        List<SteadyRate.Sample> samples = new ArrayList<>();
        long records = 0;
        for (int i = 0; i <= 100; i++) {
            samples.add(new SteadyRate.Sample(i * 20 * MS, records));
            records += i < 10 ? 100 : 1_000; // 5,000 and then 50,000 records/s
        }
        assertEquals(50_000, SteadyRate.rate(samples, 0.2, 0.9), 1e-6);
    }

    @Test
    void theTailIsTheTimeAfterTheLastRecord() {
        List<SteadyRate.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 600; i++) {
            samples.add(new SteadyRate.Sample(i * 20 * MS, Math.min(i, 100) * 1_000L)); // all in at 2 s, ends at 12 s
        }
        assertEquals(10.0, SteadyRate.tailSeconds(samples), 1e-9);
        assertTrue(Double.isNaN(SteadyRate.tailSeconds(List.of(new SteadyRate.Sample(0, 0), new SteadyRate.Sample(MS, 0)))));
        assertTrue(Double.isNaN(SteadyRate.tailSeconds(List.of())));
    }

    @Test
    void noRateWithoutRecordsOrWithinOneSample() {
        assertTrue(Double.isNaN(SteadyRate.rate(List.of(), 0.2, 0.9)));
        assertTrue(Double.isNaN(SteadyRate.rate(List.of(new SteadyRate.Sample(0, 0), new SteadyRate.Sample(MS, 0)), 0.2, 0.9)));
        assertTrue(Double.isNaN(SteadyRate.rate(List.of(new SteadyRate.Sample(0, 0), new SteadyRate.Sample(MS, 500)), 0.2,
                0.9)), "both ends in one sample");
    }
}
