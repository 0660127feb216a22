package org.laborwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.laborwatch.metrics.MetricCatalogue;

/**
 * Today's {@code compute} over every bundled data file, with every metric of the catalogue (the
 * engine computes those the file feeds; the others have no dependents and add nothing), equals the
 * stored golden CSV byte for byte. The goldens pin the metric engine's results while its
 * evaluation strategy changes (issue #13); see {@code src/test/resources/golden/README.md} for how
 * to regenerate them and what a changed golden needs.
 */
class GoldenComputeTest {

    /**
     * One bundled file, its format, and the vintage where the name carries none (as the demo, the
     * bench and the reader tests read it).
     */
    record Bundled(String file, String format, LocalDate vintage) {
        @Override
        public String toString() {
            return file;
        }

        String golden() {
            return "compute-" + file.replace(".csv", "") + ".csv.gz";
        }
    }

    /**
     * Every file in data/ that feeds a metric (the others are in {@link #FEEDING_NO_METRIC};
     * --as-published is left to the real-time tests).
     */
    static Stream<Bundled> bundled() {
        return Stream.of(
                new Bundled("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", "fred", null),
                new Bundled("fred_UNRATE_monthly_1948-2026_vintage2026-04.csv", "fred", null),
                new Bundled("fred_national_monthly_1980-2025_vintage2026-01.csv", "fred-long", null),
                new Bundled("fred_claims_ICSA_CCSA_weekly_2000-2020_vintage2020-06-18.csv", "fred", null),
                new Bundled("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                        LocalDate.of(2023, 11, 17)),
                new Bundled("bls_laus_state_sa_levels_monthly_2018-01_2021-04_ststdsadata.csv", "laus-levels",
                        LocalDate.of(2021, 5, 21)),
                new Bundled("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", null),
                new Bundled("dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv", "eta203", null),
                new Bundled("census_btos_ai_use_by_state_biweekly_2023-2025.csv", "btos", null),
                new Bundled("indeed_job_postings_index_us_aggregate_daily_2020-2026.csv", "indeed",
                        LocalDate.of(2026, 8, 18)),
                new Bundled("indeed_job_postings_index_us_by_state_daily_2020-2026.csv", "indeed",
                        LocalDate.of(2026, 8, 18)),
                new Bundled("indeed_job_postings_index_us_by_occupational_sector_daily_2020-2024.csv", "indeed",
                        LocalDate.of(2024, 10, 1)),
                new Bundled("alfred_UNRATE_vintages_rebuilt_wide_2000-01_2025-12.csv", "alfred-vintages", null),
                new Bundled("alfred_UNRATE_first_release_1999-12_2026-07.csv", "alfred-first-release", null),
                new Bundled("philfed_rtdsm_RUC_unemployment_rate_quarterly_vintages_2024Q4-2025Q4_rows2023-01_2025-10.csv",
                        "rtdsm", null),
                new Bundled("bls_state_lf_unemployment_realtime_releases_1996-02-08_1998-10-20_2008-12-19_2009-01-27.csv",
                        "bls-state-release", null),
                new Bundled("oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv", "oecd-hur", null),
                new Bundled("oecd_hur_monthly_tot_men_women_1955-01_2023-03_vintage2023-04b.csv", "oecd-hur", null),
                new Bundled("oecd_hur_monthly_g7_2022-12_2023-05_vintage2023-06.csv", "oecd-hur", null),
                new Bundled("ons_uk_MGSX_unemployment_rate_16plus_sa_release2023-04-18.csv", "ons", null),
                new Bundled("statcan_lfs_14-10-0287-01_last5months_release2023-04-06.csv", "statcan-lfs", null));
    }

    /**
     * The data files in data/ that feed no metric, each with the reason; every other data file must
     * be in {@link #bundled()}, so a newly bundled file cannot miss its golden.
     */
    static final Map<String, String> FEEDING_NO_METRIC = Map.of(
            "fred_ces_employment_by_industry_monthly_sa_1939-2020_vintage2020-11.csv", "CES industries: no metric reads them yet",
            "fred_ces_employment_by_industry_series_titles.csv", "titles of the CES series, not observations",
            "philfed_rtdsm_EMPLOY_payroll_employment_monthly_vintages_2025M10-2026M1_rows2025-01_2025-12.csv",
            "payroll vintages: no metric reads them yet",
            "census_btos_ai_questions.csv", "the BTOS question texts, not observations",
            "dol_eb_trigger_notice_2020-52_effective_2021-01-10.csv", "DOL's published trigger notice, an expected output",
            "demo-bad-records.jsonl", "the demo's deliberately broken records",
            "bls_laus_all_counties_monthly_nsa_2019-08_2020-09_release2020-10-28.csv",
            "no reader: the benchmark's all-county workload (bench.LausCounties) reads it");

    @Test
    void everyBundledDataFileHasAGoldenOrAReasonWhyNot() throws IOException {
        Set<String> listed = bundled().map(Bundled::file).collect(Collectors.toCollection(TreeSet::new));
        listed.addAll(FEEDING_NO_METRIC.keySet());
        Set<String> inData;
        try (Stream<Path> files = Files.list(Path.of("..", "data"))) {
            inData = files.map(f -> f.getFileName().toString()).filter(f -> !f.equals("README.md") && !f.startsWith("."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(inData, listed, "data/ and GoldenComputeTest's lists differ: add a new file to bundled() "
                + "(and generate its golden) or to FEEDING_NO_METRIC with the reason");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bundled")
    void computeEqualsTheGolden(Bundled b) throws IOException {
        PublishedInputs input = PublishedInputs.of(List.of(Path.of("..", "data", b.file())), List.of(b.format()),
                b.vintage() == null ? null : List.of(b.vintage().toString()));
        ComputeCommand.Computed computed = ComputeCommand.compute(input.read(), MetricCatalogue.all(), false);
        assertTrue(!computed.points().isEmpty(), b + " fed no metric: it does not belong in this list");
        StringWriter csv = new StringWriter();
        ComputeCommand.write(computed.points(), csv);
        Golden.assertEqualsStored(b.golden(), csv.toString());
    }
}
