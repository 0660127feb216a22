package org.laborwatch.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The region codes of places outside the US, from the shipped reference lists: the one owner of how
 * a publisher's place names become laborwatch regions.
 *
 * <ul>
 *   <li>{@code oecd_locations.csv}: OECD {@code LOCATION} codes to regions. Countries map from ISO
 *       3166-1 alpha-3 to alpha-2 ({@code DEU} to {@code DE}), as {@code US} is written; OECD's
 *       aggregates, which are no country, become named groups {@code G-} + a short name
 *       ({@code EA19} to {@code G-EA19}, {@code G-7} to {@code G-G7}) so they can never be taken
 *       for an ISO code.
 *   <li>{@code ca_provinces.csv}: Statistics Canada's province names to ISO 3166-2
 *       ({@code Ontario} to {@code CA-ON}).
 * </ul>
 *
 * <p>Instances are immutable; {@link #standard()} reads the lists once per JVM.
 */
public final class CountryCodes {

    /** How a named group of countries is written: {@code G-} and capitals or digits. */
    public static final Pattern GROUP = Pattern.compile("G-[A-Z0-9]+");
    private static final Pattern ISO_SUBDIVISION = Pattern.compile("[A-Z]{2}-[A-Z]{2}");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static volatile CountryCodes standard;

    private final Map<String, String> regionByOecdLocation;
    private final Map<String, String> regionByProvinceName;

    private CountryCodes(Map<String, String> regionByOecdLocation, Map<String, String> regionByProvinceName) {
        this.regionByOecdLocation = Map.copyOf(regionByOecdLocation);
        this.regionByProvinceName = Map.copyOf(regionByProvinceName);
    }

    /** The shipped lists, read once per JVM. */
    public static CountryCodes standard() {
        CountryCodes s = standard;
        if (s == null) {
            synchronized (CountryCodes.class) {
                if (standard == null) {
                    try {
                        standard = load();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e); // the lists ship in the jar: the build is broken
                    }
                }
                s = standard;
            }
        }
        return s;
    }

    private static CountryCodes load() throws IOException {
        Map<String, String> oecd = new LinkedHashMap<>();
        try (Reader in = ReferenceCsv.resource("oecd_locations.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "oecd_locations.csv", "oecd_location", "region");
            while (csv.next()) {
                String region = csv.cell("region");
                if (!ISO_COUNTRIES.contains(region) && !GROUP.matcher(region).matches()) {
                    throw csv.error("region '" + region + "' is neither an ISO 3166-1 alpha-2 code nor a group G-NAME");
                }
                if (oecd.put(csv.cell("oecd_location"), region) != null) {
                    throw csv.error("OECD location " + csv.cell("oecd_location") + " is listed twice");
                }
            }
        }
        Map<String, String> provinces = new LinkedHashMap<>();
        try (Reader in = ReferenceCsv.resource("ca_provinces.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "ca_provinces.csv", "name", "region");
            while (csv.next()) {
                String region = csv.cell("region");
                if (!region.startsWith("CA-") || !ISO_SUBDIVISION.matcher(region).matches()) {
                    throw csv.error("region '" + region + "' is not an ISO 3166-2 code of Canada (CA-XX)");
                }
                provinces.put(csv.cell("name"), region);
            }
        }
        return new CountryCodes(oecd, provinces);
    }

    /**
     * Whether a region is a whole nation ({@code US}, {@code DE}: ISO 3166-1 alpha-2) or a named group
     * of nations ({@code G-EA19}), not a subdivision ({@code US-CA}, {@code CA-ON}) or a county.
     */
    public static boolean isNationOrGroup(String region) {
        return region.length() == 2 && region.chars().allMatch(c -> c >= 'A' && c <= 'Z') || GROUP.matcher(region).matches();
    }

    /** The region of an OECD {@code LOCATION} code ({@code DEU} to {@code DE}, {@code EA19} to {@code G-EA19}). */
    public Optional<String> oecdRegion(String location) {
        return Optional.ofNullable(regionByOecdLocation.get(location));
    }

    /** The OECD locations known, for messages. */
    public Collection<String> oecdLocations() {
        return regionByOecdLocation.keySet().stream().sorted().toList();
    }

    /** The ISO 3166-2 region of a Canadian province as Statistics Canada names it ({@code Ontario}). */
    public Optional<String> canadianProvince(String name) {
        return Optional.ofNullable(regionByProvinceName.get(name));
    }

    /** The province names known, for messages. */
    public Collection<String> canadianProvinceNames() {
        return regionByProvinceName.keySet().stream().sorted().toList();
    }

    /** Every region these lists name: countries, groups and provinces. */
    public Set<String> regions() {
        Set<String> all = new java.util.HashSet<>(regionByOecdLocation.values());
        all.addAll(regionByProvinceName.values());
        return Set.copyOf(all);
    }
}
