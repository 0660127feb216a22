package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;

class RevisionHorizonTest {

    @Test
    void blsSeasonallyAdjustedSeriesKeepTheFiveYearsTheirAnnualRevisionsRewrite() {
        RevisionHorizon h = RevisionHorizon.documented();
        assertEquals(60, h.periods("bls.cps", "sa", Frequency.MONTHLY));
        assertEquals(60, h.periods("bls.laus", "sa", Frequency.MONTHLY));
        assertEquals(60, h.periods("bls.ces", "sa", Frequency.MONTHLY));
    }

    @Test
    void otherSeriesKeepTwoYears() {
        RevisionHorizon h = RevisionHorizon.documented();
        assertEquals(24, h.periods("bls.laus", "nsa", Frequency.MONTHLY));
        assertEquals(106, h.periods("dol.eta539", "nsa", Frequency.WEEKLY));
        assertEquals(2 * 366, h.periods("indeed", "sa", Frequency.DAILY));
    }

    @Test
    void operatorsSetASourceOrOneOfItsAdjustments() {
        RevisionHorizon h = RevisionHorizon.documented().with("dol.eta539=3").with("bls.laus/nsa", 4);
        assertEquals(3 * 53, h.periods("dol.eta539", "nsa", Frequency.WEEKLY));
        assertEquals(48, h.periods("bls.laus", "nsa", Frequency.MONTHLY));
        assertEquals(60, h.periods("bls.laus", "sa", Frequency.MONTHLY), "the other adjustment keeps its horizon");
        // A whole source replaces what was set for its adjustments.
        assertEquals(36, RevisionHorizon.documented().with("bls.cps=3").periods("bls.cps", "sa", Frequency.MONTHLY));
    }

    @Test
    void badSettingsAreRefusedNamingTheForm() {
        RevisionHorizon h = RevisionHorizon.documented();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.with("bls.laus")).getMessage()
                .contains("SOURCE[/ADJUSTMENT]=YEARS"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.with("bls.laus=five")).getMessage()
                .contains("not a whole number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> h.with("bls.laus=0")).getMessage()
                .contains("at least 1 year"));
    }
}
