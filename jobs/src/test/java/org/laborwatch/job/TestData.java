package org.laborwatch.job;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.laborwatch.contract.Json;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.RawRecord;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.ReleaseOrder;

/** Reads the project's bundled data (../data) for tests. */
public final class TestData {

    public static final Path DATA = Path.of("..", "data");

    private TestData() {}

    /** Observations of a bundled file, in file order. */
    public static List<Observation> read(String file, String format, ReaderOptions options, Predicate<Observation> keep)
            throws IOException {
        List<Observation> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(DATA.resolve(file), StandardCharsets.UTF_8)) {
            PublishedFormat.byName(format).reader(options).read(r, file, o -> {
                if (keep.test(o)) {
                    out.add(o);
                }
            });
        }
        return out;
    }

    /**
     * States (LAUS, ETA 539 and 203, BTOS), the nation with its recessions (FRED) and 40 OECD areas,
     * merged in release order as a backtest replays them: every kind of metric but the daily
     * postings, whose year of state days would slow a test, over many regions.
     */
    public static List<Observation> statesNationAndCountries() throws IOException {
        List<List<Observation>> files = new ArrayList<>();
        files.add(read("fred_national_monthly_1980-2025_vintage2026-01.csv", "fred-long", ReaderOptions.defaults(),
                o -> true));
        files.add(read("bls_laus_state_region_unemployment_rate_monthly_1976-2023.csv", "laus-state",
                ReaderOptions.withVintage(LocalDate.of(2023, 11, 17)), o -> true));
        files.add(read("dol_eta539_weekly_claims_by_state_2019-2025.csv", "eta539", ReaderOptions.defaults(), o -> true));
        files.add(read("dol_eta203_insured_unemployed_characteristics_by_state_monthly_2019-2025.csv", "eta203",
                ReaderOptions.defaults(), o -> true));
        files.add(read("census_btos_ai_use_by_state_biweekly_2023-2025.csv", "btos", ReaderOptions.defaults(), o -> true));
        files.add(read("oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv", "oecd-hur",
                ReaderOptions.defaults(), o -> true));
        return ReleaseOrder.merge(files);
    }

    /** Observations as the raw JSON records a producer would send. */
    public static List<RawRecord> raw(List<Observation> observations, String origin) {
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            out.add(new RawRecord(Json.writeBytes(observations.get(i)), origin + ":" + (i + 1)));
        }
        return out;
    }

    /** The demo's deliberately broken records. */
    public static List<RawRecord> badRecords() throws IOException {
        List<RawRecord> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(DATA.resolve("demo-bad-records.jsonl"), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            out.add(new RawRecord(lines.get(i).getBytes(StandardCharsets.UTF_8), "demo-bad-records.jsonl:" + (i + 1)));
        }
        return out;
    }
}
