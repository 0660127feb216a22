package org.laborwatch.reference;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The regions and sectors laborwatch knows, so that an observation for a region or sector that
 * does not exist ({@code US-ZZ}, an invented county, a made-up sector) is refused instead of
 * becoming a series, a trigger and a time-series tag.
 *
 * <p>The standard set is read from the reference files shipped on the classpath (see
 * {@code /reference/README.md}): {@code US}; {@code US-XX} for the 50 states, DC, PR, VI, GU, AS
 * and MP ({@code us_states_fips.csv}); {@code US-XX-SSCCC} for every county FIPS code BLS LAUS
 * publishes ({@code us_county_fips_bls_laus.csv}, where {@code SS} must be XX's state code); and
 * the sectors in {@code sector_codes.csv} plus detailed SOC codes {@code soc:NN-NNNN} of a known
 * major group; and the places outside the US that the bundled readers publish ({@link CountryCodes}):
 * the OECD countries as ISO 3166-1 alpha-2 ({@code DE}), OECD aggregates as groups ({@code G-EA19}),
 * Canada's provinces as ISO 3166-2 ({@code CA-ON}). Other countries and new groups are added by
 * configuration ({@link #readRegionsFile}, {@link #readSectorsFile}), never by accident.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KnownCodes {

    /** The longest region, sector or source accepted: they become InfluxDB tag values and Kafka keys. */
    public static final int MAX_TAG_LENGTH = 64;

    private static final Pattern COUNTY = Pattern.compile("US-([A-Z]{2})-([0-9]{2})([0-9]{3})");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern SOC_DETAILED = Pattern.compile("soc:([0-9]{2})-[0-9]{4}");
    private static final Pattern SECTOR_FORM = Pattern.compile("[a-z0-9_]+:[A-Za-z0-9._-]+");
    private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    private static volatile KnownCodes standard;

    private final Set<String> regions;
    private final Set<String> sectors;
    private final Map<String, String> stateFips;

    private KnownCodes(Set<String> regions, Set<String> sectors, Map<String, String> stateFips) {
        this.regions = Set.copyOf(regions);
        this.sectors = Set.copyOf(sectors);
        this.stateFips = Map.copyOf(stateFips);
    }

    /** The codes of the shipped reference lists, read once per JVM. */
    public static KnownCodes standard() {
        KnownCodes s = standard;
        if (s == null) {
            synchronized (KnownCodes.class) {
                if (standard == null) {
                    try {
                        standard = load();
                    } catch (IOException e) {
                        // The lists ship in the jar: missing or broken, the build is broken.
                        throw new UncheckedIOException(e);
                    }
                }
                s = standard;
            }
        }
        return s;
    }

    private static KnownCodes load() throws IOException {
        Map<String, String> fipsByPostal = new HashMap<>();
        Map<String, String> postalByFips = new HashMap<>();
        Set<String> regions = new HashSet<>();
        regions.add("US");
        try (Reader in = ReferenceCsv.resource("us_states_fips.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "us_states_fips.csv", "postal", "state_fips");
            while (csv.next()) {
                fipsByPostal.put(csv.cell("postal"), csv.cell("state_fips"));
                postalByFips.put(csv.cell("state_fips"), csv.cell("postal"));
                regions.add("US-" + csv.cell("postal"));
            }
        }
        try (Reader in = ReferenceCsv.resource("us_county_fips_bls_laus.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "us_county_fips_bls_laus.csv", "state_fips", "county_fips");
            while (csv.next()) {
                String postal = postalByFips.get(csv.cell("state_fips"));
                if (postal == null) {
                    throw csv.error("state FIPS code " + csv.cell("state_fips") + " is not in us_states_fips.csv");
                }
                regions.add("US-" + postal + "-" + csv.cell("state_fips") + csv.cell("county_fips"));
            }
        }
        regions.addAll(CountryCodes.standard().regions());
        Set<String> sectors = new HashSet<>();
        try (Reader in = ReferenceCsv.resource("sector_codes.csv")) {
            ReferenceCsv csv = ReferenceCsv.open(in, "sector_codes.csv", "sector");
            while (csv.next()) {
                sectors.add(csv.cell("sector"));
            }
        }
        return new KnownCodes(regions, sectors, fipsByPostal);
    }

    /** These codes and {@code extraRegions} and {@code extraSectors}, each checked as the files are. */
    public KnownCodes with(Collection<String> extraRegions, Collection<String> extraSectors) {
        Set<String> r = new HashSet<>(regions);
        for (String region : extraRegions) {
            String problem = regionProblem(region);
            if (problem != null) {
                throw new IllegalArgumentException("extra region '" + region + "' " + problem);
            }
            r.add(region);
        }
        Set<String> s = new HashSet<>(sectors);
        for (String sector : extraSectors) {
            String problem = sectorProblem(sector);
            if (problem != null) {
                throw new IllegalArgumentException("extra sector '" + sector + "' " + problem);
            }
            s.add(sector);
        }
        return new KnownCodes(r, s, stateFips);
    }

    /** Whether {@code region} is known. */
    public boolean knowsRegion(String region) {
        return regions.contains(region);
    }

    /** Whether {@code sector} is known: listed, or a detailed SOC code of a known major group. */
    public boolean knowsSector(String sector) {
        if (sectors.contains(sector)) {
            return true;
        }
        var soc = SOC_DETAILED.matcher(sector);
        return soc.matches() && sectors.contains("soc:" + soc.group(1));
    }

    /** How many regions are known (for messages and tests). */
    public int regionCount() {
        return regions.size();
    }

    /**
     * Reads a file of extra regions, one per line ({@code #} starts a comment; blank lines are
     * skipped). Each must be an ISO 3166-1 alpha-2 country code ({@code CA}, {@code GB}) or a US
     * county {@code US-XX-SSCCC} whose {@code SS} is the FIPS code of state {@code XX}.
     *
     * @throws IllegalArgumentException naming the file, the line and the fix when a line is not one
     */
    public static List<String> readRegionsFile(Path file) throws IOException {
        return readList(file, "region", KnownCodes::regionProblem);
    }

    /**
     * Reads a file of extra sectors, one per line like {@link #readRegionsFile}: each of the form
     * {@code system:code} (lowercase system, code of letters, digits, '.', '_' and '-'), at most
     * {@value #MAX_TAG_LENGTH} characters.
     */
    public static List<String> readSectorsFile(Path file) throws IOException {
        return readList(file, "sector", KnownCodes::sectorProblem);
    }

    private interface Check {
        String problem(String code);
    }

    private static List<String> readList(Path file, String what, Check check) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("extra " + what + "s file " + file + " does not exist; give a file"
                    + " with one " + what + " per line");
        }
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int hash = lines.get(i).indexOf('#');
            String code = (hash < 0 ? lines.get(i) : lines.get(i).substring(0, hash)).strip();
            if (code.isEmpty()) {
                continue;
            }
            String problem = check.problem(code);
            if (problem != null) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + what + " '" + code + "' " + problem);
            }
            codes.add(code);
        }
        return codes;
    }

    private static String regionProblem(String region) {
        if (COUNTRY.matcher(region).matches()) {
            return ISO_COUNTRIES.contains(region) ? null
                    : "is not an ISO 3166-1 alpha-2 country code; use the two capital letters ISO assigns (CA, GB, DE)";
        }
        var county = COUNTY.matcher(region);
        if (county.matches()) {
            String fips = standard().stateFips.get(county.group(1));
            if (fips == null) {
                return "names no US state or territory (" + county.group(1) + "); see reference/us_states_fips.csv";
            }
            return fips.equals(county.group(2)) ? null
                    : "has state FIPS " + county.group(2) + " but " + county.group(1) + " is " + fips
                            + "; write US-" + county.group(1) + "-" + fips + "CCC";
        }
        return "is neither an ISO 3166-1 alpha-2 country code (CA) nor a US county US-XX-SSCCC (US-CT-09110);"
                + " US states and territories are known already";
    }

    private static String sectorProblem(String sector) {
        if (sector.length() > MAX_TAG_LENGTH) {
            return "is longer than " + MAX_TAG_LENGTH + " characters";
        }
        return SECTOR_FORM.matcher(sector).matches() ? null
                : "is not of the form system:code (lowercase letters, digits and '_' before ':', then letters,"
                        + " digits, '.', '_' and '-')";
    }
}
