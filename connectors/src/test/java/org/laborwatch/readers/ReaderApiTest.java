package org.laborwatch.readers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Indicator;
import org.laborwatch.contract.Unit;

class ReaderApiTest {

    @Test
    void formatsByCliName() {
        assertEquals(PublishedFormat.FRED_LONG, PublishedFormat.byName("fred-long"));
        assertEquals(PublishedFormat.ETA539, PublishedFormat.byName("ETA539"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PublishedFormat.byName("csv"));
        assertTrue(e.getMessage().contains("fred, fred-long, laus-state, eta539"), e.getMessage());
        assertTrue(Arrays.stream(PublishedFormat.values()).noneMatch(f -> f.description().isBlank()));
    }

    @Test
    void vintageFromFileName() throws Exception {
        assertEquals(Optional.of(LocalDate.of(2023, 12, 1)),
                Vintages.fromFileName("data/fred_UNRATE_monthly_1948-2023_vintage2023-12.csv"));
        assertEquals(Optional.of(LocalDate.of(2020, 6, 18)),
                Vintages.fromFileName("fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv"));
        assertEquals(Optional.empty(), Vintages.fromFileName("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv"));
        assertEquals(Optional.empty(), Vintages.fromFileName("/tmp/vintage2020-01/unrate.csv"));
        assertEquals(Optional.of(LocalDate.of(2023, 4, 18)),
                Vintages.fromFileName("ons_uk_MGSX_unemployment_rate_16plus_sa_release2023-04-18.csv"));
        // a second download in one month sorts after the first
        assertEquals(Optional.of(LocalDate.of(2023, 4, 1)), Vintages.fromFileName("oecd_hur_vintage2023-04.csv"));
        assertEquals(Optional.of(LocalDate.of(2023, 4, 2)), Vintages.fromFileName("oecd_hur_vintage2023-04b.csv"));
        assertEquals(Optional.empty(), Vintages.fromFileName("x_vintage2023-04bis.csv"));
        assertThrows(ReaderException.class, () -> Vintages.fromFileName("x_vintage2023-13.csv"));
        assertThrows(ReaderException.class, () -> Vintages.fromFileName("x_vintage2023-02-30.csv"));
    }

    @Test
    void everyFredMappingIsInTheCatalogueWithItsUnit() {
        FredSeries.all().forEach((id, spec) -> {
            assertEquals(spec.unit(), Indicator.byName(spec.indicator()).orElseThrow().unit(), id);
            assertEquals("US", spec.region(), id);
        });
        assertEquals(Frequency.WEEKLY, FredSeries.byId("ICSA").orElseThrow().frequency());
        assertEquals(Unit.FLAG, FredSeries.byId("USREC").orElseThrow().unit());
        assertFalse(FredSeries.byId("U1RATE").isPresent());
    }

    @Test
    void seriesSpecRefusesWhatTheCatalogueWouldRefuse() {
        assertThrows(IllegalArgumentException.class,
                () -> new SeriesSpec("unemployment", "US", "all", "sa", Frequency.MONTHLY, Unit.PERCENT, "bls.cps"));
        assertThrows(IllegalArgumentException.class,
                () -> new SeriesSpec("unemployment_rate", "US", "all", "sa", Frequency.MONTHLY, Unit.COUNT, "bls.cps"));
        assertThrows(IllegalArgumentException.class,
                () -> new SeriesSpec("unemployment_rate", "US", "all", "SA", Frequency.MONTHLY, Unit.PERCENT, "bls.cps"));
    }

    @Test
    void aHeaderIsRecognisedByItsOwnFormatOnly() {
        assertEquals(java.util.List.of(PublishedFormat.ETA539), PublishedFormat.acceptingHeader(
                "state,report_for_period_ending,week_number,reflected_week_ending,ic,fic,xic,wsic,wseic,cw,fcw,xcw,"
                        + "wscw,wsecw,ebt,ebui,abt,abui,at,ce,ar"));
        assertEquals(java.util.List.of(PublishedFormat.FRED), PublishedFormat.acceptingHeader("DATE,UNRATE"));
        assertEquals(java.util.List.of(PublishedFormat.FRED_LONG), PublishedFormat.acceptingHeader("series_id,date,value"));
        assertEquals(java.util.List.of(PublishedFormat.LAUS_STATE),
                PublishedFormat.acceptingHeader("area,area_type,date,unrate_sa,unrate_nsa,fred_id_sa,fred_id_nsa"));
        assertEquals(java.util.List.of(), PublishedFormat.acceptingHeader("question_id,question_text"));
    }

    @Test
    void everyFormatSaysWhatItYields() {
        for (PublishedFormat f : PublishedFormat.values()) {
            assertFalse(f.yields().isEmpty(), f.formatName());
        }
        assertTrue(PublishedFormat.ETA539.yields().stream().anyMatch(s -> s.indicator().equals("covered_employment")));
        assertTrue(PublishedFormat.ETA203.yields().stream().anyMatch(s -> s.sector().equals("soc:15")));
    }

    @Test
    void noVintageSaysWhatAVintageIsAndHowToPassIt() {
        ReaderException e = assertThrows(ReaderException.class, () -> PublishedFormat.FRED.reader(ReaderOptions.defaults())
                .read(new java.io.StringReader("DATE,UNRATE\n2024-01-01,3.7\n"), "UNRATE.csv", o -> {}));
        assertTrue(e.getMessage().startsWith("UNRATE.csv: no vintage."), e.getMessage());
        assertTrue(e.getMessage().contains("the date these values were published"), e.getMessage());
        assertTrue(e.getMessage().contains("--vintage YYYY-MM-DD"), e.getMessage());
    }
}
