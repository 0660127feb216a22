package org.laborwatch.readers;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The published file formats laborwatch can read, by the name the CLI uses for them. */
public enum PublishedFormat {
    FRED("fred", "FRED wide CSV: a date column (DATE, observation_date, week_ending) then one column per FRED series",
            FredWideReader::new),
    FRED_LONG("fred-long", "FRED long CSV: series_id,date,value, one row per series and date",
            FredLongReader::new),
    LAUS_STATE("laus-state", "BLS LAUS state unemployment rates (area,area_type,date,unrate_sa,unrate_nsa); states, DC, PR",
            LausStateReader::new),
    ETA539("eta539", "DOL ETA 539 weekly UI claims by state (ic, cw, at, ce, ar)",
            Eta539Reader::new),
    ETA203("eta203", "DOL ETA 203 insured unemployed by state and month, by occupation (soc:NN), industry (naics:NN) and in total",
            Eta203Reader::new),
    BTOS("btos", "Census BTOS AI use by state, biweekly: question 7 (ai_use_rate) and 26 (ai_use_expected_rate), Yes answers",
            BtosReader::new),
    INDEED("indeed", "Indeed Hiring Lab job postings index, daily: US aggregate (sa, nsa), by state or by occupational sector",
            IndeedReader::new),
    CES_LONG("ces-long", "BLS CES employment by industry via FRED, long series_id,date,value_thousands (thousands, sa)",
            FredLongReader::ces);

    private final String formatName;
    private final String description;
    private final Function<ReaderOptions, ObservationReader> factory;

    PublishedFormat(String formatName, String description, Function<ReaderOptions, ObservationReader> factory) {
        this.formatName = formatName;
        this.description = description;
        this.factory = factory;
    }

    /** The name used on the command line, such as {@code fred-long}. */
    public String formatName() {
        return formatName;
    }

    /** One line saying what files this format is for. */
    public String description() {
        return description;
    }

    /** A reader for this format; readers hold no state between reads. */
    public ObservationReader reader(ReaderOptions options) {
        return factory.apply(options);
    }

    /**
     * The format with this name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the known formats, for an unknown name
     */
    public static PublishedFormat byName(String name) {
        for (PublishedFormat f : values()) {
            if (f.formatName.equals(name.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "'; known: "
                + Arrays.stream(values()).map(PublishedFormat::formatName).collect(Collectors.joining(", ")));
    }
}
