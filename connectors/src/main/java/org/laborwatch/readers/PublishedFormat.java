package org.laborwatch.readers;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The published file formats laborwatch can read, by the name the CLI uses for them. */
public enum PublishedFormat {
    FRED("fred", "FRED wide CSV: a date column (DATE, observation_date, week_ending) then one column per FRED series",
            FredWideReader::new, FredWideReader::yields),
    FRED_LONG("fred-long", "FRED long CSV: series_id,date,value, one row per series and date",
            FredLongReader::new, () -> FredSeries.all().values()),
    LAUS_STATE("laus-state", "BLS LAUS state unemployment rates (area,area_type,date,unrate_sa,unrate_nsa); states, DC, PR",
            LausStateReader::new, LausStateReader::yields),
    ETA539("eta539", "DOL ETA 539 weekly UI claims by state (ic, cw, at, ce, ar)",
            Eta539Reader::new, Eta539Reader::yields),
    ETA203("eta203", "DOL ETA 203 insured unemployed by state and month, by occupation (soc:NN), industry (naics:NN) and in total",
            Eta203Reader::new, Eta203Reader::yields),
    BTOS("btos", "Census BTOS AI use by state, biweekly: question 7 (ai_use_rate) and 26 (ai_use_expected_rate), Yes answers",
            BtosReader::new, BtosReader::yields),
    INDEED("indeed", "Indeed Hiring Lab job postings index, daily: US aggregate (sa, nsa), by state or by occupational sector",
            IndeedReader::new, IndeedReader::yields),
    CES_LONG("ces-long", "BLS CES employment by industry via FRED, long series_id,date,value_thousands (thousands, sa)",
            FredLongReader::ces, () -> CesSeries.all().values()),
    ALFRED_VINTAGES("alfred-vintages", "ALFRED all-vintages matrix (observation_date, UNRATE_YYYYMMDD, ...): replayed release by "
            + "release, new and revised values only, vintage = release date",
            AlfredVintagesReader::new, AlfredVintagesReader::yields),
    ALFRED_FIRST_RELEASE("alfred-first-release", "ALFRED first prints of UNRATE (reference_month, release_date, first_value), "
            + "vintage = release_date", AlfredFirstReleaseReader::new, AlfredFirstReleaseReader::yields),
    RTDSM("rtdsm", "Philadelphia Fed Real-Time Data Set matrices RUCyyQq, EMPLOYyyMm (DATE YYYY:MM): replayed vintage by "
            + "vintage, vintage = the 15th of the (quarter's middle) month", RtdsmReader::new, RtdsmReader::yields),
    BLS_STATE_RELEASE("bls-state-release", "BLS state labor force and unemployed (thousands, sa) as printed in each "
            + "monthly release (release_date, release_month, state, L12_LF ... U), vintage = release_date",
            BlsStateReleaseReader::new, BlsStateReleaseReader::yields),
    LAUS_LEVELS("laus-levels", "BLS LAUS ststdsadata state levels, sa (fips, year, month, labor_force, unemployment), "
            + "read in thousands", LausLevelsReader::new, LausLevelsReader::yields),
    OECD_HUR("oecd-hur", "OECD harmonised unemployment rate, monthly, sa (LOCATION,INDICATOR,SUBJECT,MEASURE,FREQUENCY,"
            + "TIME,Value): SUBJECT TOT; countries as ISO alpha-2 (DEU -> DE), aggregates as groups (EA19 -> G-EA19)",
            OecdHurReader::new, OecdHurReader::yields),
    ONS("ons", "UK ONS series MGSX, unemployment rate 16+, sa (period,MGSX; period as ONS prints it): monthly rows "
            + "only, rolling three-month averages labelled by their last month; region GB", OnsReader::new, OnsReader::yields),
    STATCAN_LFS("statcan-lfs", "Statistics Canada table 14-10-0287-01 as downloaded (title lines, a block per "
            + "geography): unemployment rate, sa, both sexes, 15+; Canada as CA, provinces as CA-XX; vintage = "
            + "its release date", StatCanLfsReader::new, StatCanLfsReader::yields);

    /**
     * A file name whose vintage no period can be after, so a header can be tried without the file's
     * real vintage; a name, not an explicit vintage, because the formats that date every value
     * themselves refuse an explicit one.
     */
    private static final String ANY_VINTAGE_NAME = "header_vintage9999-12-31.csv";

    private final String formatName;
    private final String description;
    private final Function<ReaderOptions, ObservationReader> factory;
    private final Supplier<Collection<SeriesSpec>> yields;

    PublishedFormat(String formatName, String description, Function<ReaderOptions, ObservationReader> factory,
            Supplier<Collection<SeriesSpec>> yields) {
        this.formatName = formatName;
        this.description = description;
        this.factory = factory;
        this.yields = yields;
    }

    /**
     * Every series this format can yield (indicator, sector, adjustment; the region is {@code US} for
     * state files, which yield one such series per state), from the reader's own mapping, so what a
     * metric needs can be traced to the formats that supply it.
     */
    public Collection<SeriesSpec> yields() {
        return yields.get();
    }

    /**
     * Whether this format's reader accepts a file that starts with {@code headerLine}: the header
     * alone is read, with no rows, so only the columns are checked.
     */
    public boolean acceptsHeader(String headerLine) {
        try {
            reader(ReaderOptions.defaults()).read(new StringReader(headerLine + "\n"), ANY_VINTAGE_NAME, o -> {});
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The formats whose reader accepts this header line, in declaration order. */
    public static List<PublishedFormat> acceptingHeader(String headerLine) {
        return Arrays.stream(values()).filter(f -> f.acceptsHeader(headerLine)).toList();
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
