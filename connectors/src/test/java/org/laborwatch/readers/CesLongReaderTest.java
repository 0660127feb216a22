package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.laborwatch.readers.ReadResult.assertValue;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;

class CesLongReaderTest {

    @Test
    void sectorsFromTheTable() throws Exception {
        ReadResult r = ReadResult.fixture(PublishedFormat.CES_LONG, ReaderOptions.defaults(), "ces_long_sample_vintage2020-11.csv");
        assertEquals(new ReadReport(9, 8, 0, List.of("unmapped CES series (rows skipped): CEU0000000001 (1)")), r.report());
        Observation payems = r.where(o -> o.sector().equals("all") && o.period().equals(LocalDate.of(2020, 4, 1))).get(0);
        assertEquals(new Observation("payroll_employment", "US", "all", "sa", Frequency.MONTHLY, LocalDate.of(2020, 4, 1),
                payems.value(), "thousands", "bls.ces", LocalDate.of(2020, 11, 1)), payems);
        assertValue("130303", payems);
        assertValue("11489", r.where(o -> o.sector().equals("naics:31-33") && o.period().getMonthValue() == 4).get(0));
        assertValue("6227.1", r.where(o -> o.sector().equals("ces:food-services-and-drinking-places")
                && o.period().getMonthValue() == 4).get(0));
        assertEquals(2, r.where(o -> o.sector().equals("ces:women-employees-leisure-and-hospitality")).size());
    }

    /** Every series of the bundled titles file is mapped, and a ces: sector is the slug of its title. */
    @Test
    void tableAgreesWithTheTitlesFile() throws Exception {
        Map<String, String> titles = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(ReadResult.DATA.resolve("fred_ces_employment_by_industry_series_titles.csv"))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int comma = line.indexOf(',');
                titles.put(line.substring(0, comma), line.substring(comma + 1).replace("\"", ""));
            }
        }
        assertEquals(titles.keySet(), CesSeries.all().keySet());
        titles.forEach((id, title) -> {
            String sector = CesSeries.byId(id).orElseThrow().sector();
            if (sector.startsWith("ces:")) {
                String expected = title.startsWith("All employees, ") ? title.substring("All employees, ".length()) : title;
                assertEquals("ces:" + Slugs.slug(expected), sector, id);
            } else {
                assertTrue(List.of("PAYEMS", "MANEMP", "USTRADE").contains(id), id + " " + sector);
            }
        });
    }
}
