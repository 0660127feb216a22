package org.laborwatch.metrics;

import java.io.IOException;
import java.util.List;
import org.laborwatch.contract.Observation;
import org.laborwatch.job.TestData;
import org.laborwatch.readers.ReaderOptions;

/** The bundled files of other countries, read by their readers as the job would receive them. */
public final class CountryData {

    public static final String OECD = "oecd_hur_monthly_total_40areas_1989-11_2023-03_vintage2023-04.csv";
    public static final String OECD_LATER = "oecd_hur_monthly_tot_men_women_1955-01_2023-03_vintage2023-04b.csv";
    public static final String ONS = "ons_uk_MGSX_unemployment_rate_16plus_sa_release2023-04-18.csv";
    public static final String STATCAN = "statcan_lfs_14-10-0287-01_last5months_release2023-04-06.csv";

    private CountryData() {}

    /** Every observation of {@code file}, read as {@code format} with the vintage its name carries. */
    public static List<Observation> read(String format, String file) throws IOException {
        return TestData.read(file, format, ReaderOptions.defaults(), o -> true);
    }
}
