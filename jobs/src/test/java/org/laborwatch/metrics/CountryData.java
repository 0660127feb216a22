package org.laborwatch.metrics;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laborwatch.contract.Observation;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;

/** The bundled files of other countries, read by their readers as the job would receive them. */
final class CountryData {

    static final String OECD = "oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv";
    static final String OECD_LATER = "oecd_hur_monthly_tot_men_women_1955-01_2023-03_vintage2023-04b.csv";
    static final String ONS = "ons_uk_MGSX_unemployment_rate_16plus_sa_release2023-04-18.csv";
    static final String STATCAN = "statcan_lfs_14-10-0287-01_last5months_release2023-04-06.csv";

    private CountryData() {}

    static List<Observation> read(String format, String file) throws IOException {
        List<Observation> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of("..", "data", file), StandardCharsets.UTF_8)) {
            PublishedFormat.byName(format).reader(ReaderOptions.defaults()).read(r, file, out::add);
        }
        return out;
    }
}
