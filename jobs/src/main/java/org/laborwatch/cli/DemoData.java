package org.laborwatch.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;

/** The bundled real data the demo replays (see data/README.md for provenance). */
final class DemoData {

    private DemoData() {}

    /**
     * One bundled file and how to read it.
     *
     * @param file file name under the data directory
     * @param format its published format
     * @param options reader options (the vintage where the file name does not carry one)
     * @param leftOut regions whose observations the demo does not replay, because another input
     *     already supplies the same series
     */
    record Input(String file, PublishedFormat format, ReaderOptions options, Set<String> leftOut) {

        Input(String file, PublishedFormat format, ReaderOptions options) {
            this(file, format, options, Set.of());
        }
    }

    /**
     * The national unemployment history, the state LAUS file, ETA 539 claims, and for the AI-era and
     * sector metrics: ETA 203 claimants by occupation, Census BTOS AI use and national Indeed postings.
     * Indeed by state and by occupational sector (200,000 daily points) are left to replay, compute
     * and backtest, to keep the demo short. Last, the OECD's harmonised unemployment rates of 35
     * countries and 4 groups for the Sahm gap by country, without its US rows: they would be the
     * same series as FRED's UNRATE (the series key has no source) with an older vintage, refused
     * as stale or, beyond the revision horizon, as dead letters.
     */
    static final List<Input> INPUTS = List.of(
            new Input("fred_UNRATE_monthly_1948-2023_vintage2023-12.csv", PublishedFormat.byName("fred"),
                    ReaderOptions.defaults()),
            // BLS released October 2023 state data on 2023-11-17; the file carries no vintage of its own.
            new Input("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", PublishedFormat.byName("laus-state"),
                    ReaderOptions.withVintage(LocalDate.of(2023, 11, 17))),
            new Input("dol_eta539_weekly_claims_by_state_2019-2025.csv", PublishedFormat.byName("eta539"),
                    ReaderOptions.defaults()),
            new Input("dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv",
                    PublishedFormat.byName("eta203"), ReaderOptions.defaults()),
            new Input("census_btos_ai_use_by_state_biweekly_2023-2025.csv", PublishedFormat.byName("btos"),
                    ReaderOptions.defaults()),
            // Hiring Lab revises the whole index every week: the vintage is the day after the file's last date.
            new Input("indeed_job_postings_index_us_aggregate_daily_2020-2026.csv", PublishedFormat.byName("indeed"),
                    ReaderOptions.withVintage(LocalDate.of(2026, 8, 18))),
            new Input("oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv",
                    PublishedFormat.byName("oecd-hur"), ReaderOptions.defaults(), Set.of("US")));

    /** Deliberately broken records, replayed with the data to show the dead-letter output at work. */
    static final String BAD_RECORDS = "demo-bad-records.jsonl";
}
