package org.laborwatch.backtest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.policy.BundledPolicies;
import org.laborwatch.readers.ReaderOptions;

/**
 * The decisions do not depend on the order a region's series arrive in: a whole series of Nebraska's
 * ETA 539 rows sent before, or after, all the others gives the same EB events as file order.
 * (Kafka keeps order only within a partition, so series of one region may run years apart.)
 */
class SeriesOrderTest {

    private static List<String> events(List<Observation> order) {
        Backtest b = new Backtest(List.of(BundledPolicies.load("eb-iur")), MetricEngine.standard());
        order.forEach(b::accept);
        return b.events().stream().map(e -> e.period() + " " + e.transition()).toList();
    }

    @ParameterizedTest
    @CsvSource({"insured_unemployed_13wk_avg,true", "insured_unemployed_13wk_avg,false", "covered_employment,true",
        "covered_employment,false", "iur_prior_2yr_avg,true"})
    void aSeriesRunningAheadOrBehindGivesTheSameEvents(String indicator, boolean ahead) throws Exception {
        List<Observation> ne = TestData.read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539",
                ReaderOptions.defaults(), o -> o.region().equals("US-NE"));
        List<String> inFileOrder = events(ne);
        assertEquals(List.of(LocalDate.of(2020, 5, 30) + " ENTER", LocalDate.of(2020, 8, 22) + " EXIT"), inFileOrder);
        List<Observation> one = ne.stream().filter(o -> o.indicator().equals(indicator)).toList();
        List<Observation> rest = ne.stream().filter(o -> !o.indicator().equals(indicator)).toList();
        List<Observation> reordered = new ArrayList<>(ahead ? one : rest);
        reordered.addAll(ahead ? rest : one);
        assertEquals(inFileOrder, events(reordered));
    }

}
