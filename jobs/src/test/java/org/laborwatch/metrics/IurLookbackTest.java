package org.laborwatch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.laborwatch.contract.Frequency;

/** The EB look-back as the metric computes it and as DOL's trigger notice prints it. */
class IurLookbackTest {

    /** Alaska, IUR week ending 2020-12-26, from ETA 539: at 19,710, ce 308,959, reported prior-years average 2.635. */
    private static Obs.Run alaska(Metric... metrics) {
        LocalDate week = LocalDate.of(2020, 12, 26);
        LocalDate vintage = LocalDate.of(2021, 1, 7);
        return new Obs.Run(metrics).applyAll(List.of(
                Obs.of("insured_unemployed_13wk_avg", "US-AK", "all", "nsa", Frequency.WEEKLY, week, "19710", "persons", vintage),
                Obs.of("covered_employment", "US-AK", "all", "nsa", Frequency.WEEKLY, week, "308959", "persons", vintage),
                Obs.of("iur_prior_2yr_avg", "US-AK", "all", "nsa", Frequency.WEEKLY, week, "2.635", "percent", vintage)));
    }

    private static BigDecimal value(Obs.Run run) {
        return run.get(IurLookback.NAME, InsuredUnemploymentRate.AVERAGE, "all", LocalDate.of(2020, 12, 26)).value();
    }

    @Test
    void theMetricDividesTheFourDecimalIur() {
        // 6.3794 / 2.635 = 2.42102... → 2.4210 → 242.10
        assertEquals(new BigDecimal("242.10"), value(alaska(new IurLookback())));
    }

    @Test
    void asPrintedDividesTheTwoDecimalIurAsNotice202052Does() {
        // 6.37 / 2.635 = 2.41745... → 2.4174 → 241.74: notice 2020-52 prints 241 for Alaska.
        assertEquals(new BigDecimal("241.74"), value(alaska(IurLookback.asPrinted())));
    }
}
