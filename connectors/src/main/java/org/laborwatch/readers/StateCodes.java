package org.laborwatch.readers;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The states, DC, Puerto Rico and the Virgin Islands by name and by FIPS code, to the two-letter
 * code our regions use ({@code US-} + code). Files that name states in words (BLS release tables,
 * LAUS {@code ststdsadata}) are read through this one table so every reader agrees.
 */
public final class StateCodes {

    private static final Map<String, String> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, String> BY_FIPS = new LinkedHashMap<>();
    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        add("01", "Alabama", "AL");
        add("02", "Alaska", "AK");
        add("04", "Arizona", "AZ");
        add("05", "Arkansas", "AR");
        add("06", "California", "CA");
        add("08", "Colorado", "CO");
        add("09", "Connecticut", "CT");
        add("10", "Delaware", "DE");
        add("11", "District of Columbia", "DC");
        add("12", "Florida", "FL");
        add("13", "Georgia", "GA");
        add("15", "Hawaii", "HI");
        add("16", "Idaho", "ID");
        add("17", "Illinois", "IL");
        add("18", "Indiana", "IN");
        add("19", "Iowa", "IA");
        add("20", "Kansas", "KS");
        add("21", "Kentucky", "KY");
        add("22", "Louisiana", "LA");
        add("23", "Maine", "ME");
        add("24", "Maryland", "MD");
        add("25", "Massachusetts", "MA");
        add("26", "Michigan", "MI");
        add("27", "Minnesota", "MN");
        add("28", "Mississippi", "MS");
        add("29", "Missouri", "MO");
        add("30", "Montana", "MT");
        add("31", "Nebraska", "NE");
        add("32", "Nevada", "NV");
        add("33", "New Hampshire", "NH");
        add("34", "New Jersey", "NJ");
        add("35", "New Mexico", "NM");
        add("36", "New York", "NY");
        add("37", "North Carolina", "NC");
        add("38", "North Dakota", "ND");
        add("39", "Ohio", "OH");
        add("40", "Oklahoma", "OK");
        add("41", "Oregon", "OR");
        add("42", "Pennsylvania", "PA");
        add("44", "Rhode Island", "RI");
        add("45", "South Carolina", "SC");
        add("46", "South Dakota", "SD");
        add("47", "Tennessee", "TN");
        add("48", "Texas", "TX");
        add("49", "Utah", "UT");
        add("50", "Vermont", "VT");
        add("51", "Virginia", "VA");
        add("53", "Washington", "WA");
        add("54", "West Virginia", "WV");
        add("55", "Wisconsin", "WI");
        add("56", "Wyoming", "WY");
        add("72", "Puerto Rico", "PR");
        add("78", "Virgin Islands", "VI");
    }

    private StateCodes() {}

    private static void add(String fips, String name, String code) {
        BY_NAME.put(name.toLowerCase(Locale.ROOT), code);
        BY_FIPS.put(fips, code);
        NAMES.put(code, name);
    }

    /** The name of a state code ({@code DC} is "District of Columbia"), empty for anything else. */
    public static Optional<String> nameOf(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    /**
     * The code of a state named in words, case-insensitive; surrounding spaces and a trailing
     * period (hand-typed tables have "District of Columbia.") are ignored. Empty for anything else,
     * such as a metropolitan area or a city.
     */
    public static Optional<String> byName(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (key.endsWith(".")) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return Optional.ofNullable(BY_NAME.get(key));
    }

    /** The code of a state by its two-digit FIPS code; empty for county or city codes (037, 51000). */
    public static Optional<String> byFips(String fips) {
        return Optional.ofNullable(BY_FIPS.get(fips.strip()));
    }
}
