package org.laborwatch.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownCodesTest {

    @TempDir
    Path dir;

    @Test
    void everyCountyNameEndsInThePostalCodeOfItsStateFips() throws IOException {
        Map<String, String> postalByFips = new HashMap<>();
        try (Reader in = ReferenceCsv.resource("us_states_fips.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "us_states_fips.csv", "postal", "state_fips", "name");
            while (csv.next()) {
                postalByFips.put(csv.cell("state_fips"), csv.cell("postal"));
            }
        }
        assertEquals(56, postalByFips.size());
        int counties = 0;
        try (Reader in = ReferenceCsv.resource("us_county_fips_bls_laus.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "us_county_fips_bls_laus.csv", "state_fips", "county_fips",
                    "county_name_state");
            while (csv.next()) {
                counties++;
                String name = csv.cell("county_name_state");
                String suffix = name.substring(name.lastIndexOf(", ") + 2);
                String expected = postalByFips.get(csv.cell("state_fips"));
                assertTrue(suffix.equals(expected) || expected.equals("DC") && name.equals("District of Columbia"),
                        name + " under state FIPS " + csv.cell("state_fips"));
            }
        }
        assertEquals(3230, counties);
    }

    @Test
    void theStandardCodesAreTheNationTheStatesAndTerritoriesTheCountiesAndTheBundledCountries() {
        KnownCodes known = KnownCodes.standard();
        // + 37 OECD countries besides US, 4 OECD groups, 10 Canadian provinces
        assertEquals(1 + 56 + 3230 + 37 + 4 + 10, known.regionCount());
        assertTrue(known.knowsRegion("CA") && known.knowsRegion("GB") && known.knowsRegion("DE"));
        assertTrue(known.knowsRegion("G-EA19") && known.knowsRegion("G-OECD") && known.knowsRegion("CA-ON"));
        assertTrue(known.knowsRegion("US-CT-09110"), "a Connecticut planning region of the 2026 release");
        assertTrue(known.knowsRegion("US-CT-09001"), "a Connecticut county of the 2020 release");
        assertFalse(known.knowsRegion("US-ZZ"));
        assertFalse(known.knowsRegion("BR"));
    }

    @Test
    void extraRegionsAreIsoCountriesOrCountiesOfTheirState() throws IOException {
        Path file = Files.writeString(dir.resolve("regions.txt"), "# neighbours\nCA\nBR  # Brazil\n\nUS-TX-48999\n");
        assertEquals(List.of("CA", "BR", "US-TX-48999"), KnownCodes.readRegionsFile(file));
        KnownCodes known = KnownCodes.standard().with(KnownCodes.readRegionsFile(file), List.of());
        assertTrue(known.knowsRegion("BR"));
        assertFalse(KnownCodes.standard().knowsRegion("BR"), "the standard set is not changed");

        Path notIso = Files.writeString(dir.resolve("bad.txt"), "CA\nZZ\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownCodes.readRegionsFile(notIso));
        assertTrue(e.getMessage().startsWith(notIso + ":2: region 'ZZ' is not an ISO 3166-1 alpha-2"), e.getMessage());

        Path wrongState = Files.writeString(dir.resolve("county.txt"), "US-NV-06037\n");
        e = assertThrows(IllegalArgumentException.class, () -> KnownCodes.readRegionsFile(wrongState));
        assertTrue(e.getMessage().contains("NV is 32"), e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> KnownCodes.readRegionsFile(dir.resolve("missing.txt")));
        assertTrue(e.getMessage().contains("missing.txt does not exist"), e.getMessage());
    }

    @Test
    void extraSectorsMustBeOfTheSectorFormAndFitATag() throws IOException {
        Path file = Files.writeString(dir.resolve("sectors.txt"), "indeed:astrology\nnaics:5415\n");
        assertEquals(List.of("indeed:astrology", "naics:5415"), KnownCodes.readSectorsFile(file));
        Path bad = Files.writeString(dir.resolve("bad.txt"), "x:" + "a".repeat(63) + "\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KnownCodes.readSectorsFile(bad));
        assertTrue(e.getMessage().contains(":1:") && e.getMessage().contains("longer than 64"), e.getMessage());
        Path spaced = Files.writeString(dir.resolve("spaced.txt"), "Indeed Astrology\n");
        assertThrows(IllegalArgumentException.class, () -> KnownCodes.readSectorsFile(spaced));
    }
}
