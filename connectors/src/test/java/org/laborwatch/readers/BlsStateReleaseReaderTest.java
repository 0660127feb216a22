package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** BLS's state levels as each monthly release printed them (four releases of the bundled subset). */
class BlsStateReleaseReaderTest {

    private static final String FILE =
            "bls_state_lf_unemployment_realtime_releases_1996-02-08_1998-10-20_2008-12-19_2009-01-27.csv";

    @Test
    void eachPrintedMonthIsAnObservationOfItsRelease() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.BLS_STATE_RELEASE, ReaderOptions.defaults(), FILE);
        assertEquals(224, r.report().rows());
        assertEquals(1660, r.report().observations());
        assertEquals(4, r.report().skippedMissing(), "North Carolina's L1 and reference month in 1998 print '-'");
        assertEquals(List.of("skipped 16 rows that are not a state, DC or PR (metropolitan areas, cities): "
                + "Chicago-Naperville-Joliet; Cleveland-Elyria-Mentor; Detroit-Warren-Livonia; Los Angeles-Long Beach; "
                + "Los Angeles-Long Beach-Glendale; Miami-Miami Beach-Kendall; New York City; Seattle-Bellevue-Everett",
                "rate columns (UR, L1_UR, L2_UR, L12_UR) not read: the rate follows from the levels"), r.report().notes());

        // 1/27/2009, Alabama: LF "2,153.70" and U 144.1 for December 2008, L12 for December 2007.
        List<Observation> al = r.where(o -> o.region().equals("US-AL") && o.vintage().equals(LocalDate.of(2009, 1, 27)));
        assertEquals(8, al.size());
        Observation lf = al.stream().filter(o -> o.indicator().equals("labor_force")
                && o.period().equals(LocalDate.of(2008, 12, 1))).findFirst().orElseThrow();
        assertValue("2153.70", lf);
        assertEquals(List.of("sa", "thousands", "bls.laus"), List.of(lf.adjustment(), lf.unit(), lf.source()));
        assertValue("144.1", al.stream().filter(o -> o.indicator().equals("unemployed")
                && o.period().equals(LocalDate.of(2008, 12, 1))).findFirst().orElseThrow());
        assertValue("82.2", al.stream().filter(o -> o.indicator().equals("unemployed")
                && o.period().equals(LocalDate.of(2007, 12, 1))).findFirst().orElseThrow());
        // The same month, printed by two releases, is two vintages: November 2008 was revised.
        List<Observation> nov = r.where(o -> o.region().equals("US-AL") && o.indicator().equals("unemployed")
                && o.period().equals(LocalDate.of(2008, 11, 1)));
        assertEquals(List.of("131.5@2008-12-19", "130.6@2009-01-27"),
                nov.stream().map(o -> o.value().toPlainString() + "@" + o.vintage()).toList());
        // "District of Columbia." with a period, 1996.
        assertValue("285.5", r.one("labor_force", "US-DC", "sa", "1995-12-01"));
        assertTrue(r.where(o -> !o.region().matches("US-[A-Z]{2}")).isEmpty());
    }
}
