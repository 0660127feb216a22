package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Observation;

/** LAUS ststdsadata state levels, persons read as thousands. */
class LausLevelsReaderTest {

    private static final String FILE = "bls_laus_state_sa_levels_monthly_2018-01_2021-04_ststdsadata.csv";
    private static final ReaderOptions MAY_2021 = ReaderOptions.withVintage(LocalDate.of(2021, 5, 21));

    @Test
    void statesInThousandsWithTheGivenVintage() throws Exception {
        ReadResult r = ReadResult.bundled(PublishedFormat.LAUS_LEVELS, MAY_2021, FILE);
        assertEquals(new ReadReport(2120, 4080, 0, List.of("skipped 80 rows of areas that are not states: "
                + "Los Angeles County (037), New York city (51000)")), r.report());
        Observation lf = r.one("labor_force", "US-AL", "sa", "2020-11-01");
        assertValue("2263.901", lf);
        assertEquals(List.of("thousands", "bls.laus"), List.of(lf.unit(), lf.source()));
        assertEquals(LocalDate.of(2021, 5, 21), lf.vintage());
        assertValue("105.558", r.one("unemployed", "US-AL", "sa", "2020-11-01"));
        assertValue("35.646", r.one("unemployed", "US-DC", "sa", "2020-09-01"));
    }

    @Test
    void withoutAVintageItSaysHowToGiveOne() {
        ReaderException e = assertThrows(ReaderException.class,
                () -> ReadResult.bundled(PublishedFormat.LAUS_LEVELS, ReaderOptions.defaults(), FILE));
        assertTrue(e.getMessage().contains("--vintage"), e.getMessage());
    }
}
