package org.laborwatch.bench;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.laborwatch.contract.SeriesKey;

/**
 * The synthetic but realistic benchmark workload: 3,143 counties ({@code US-XX-NNNNN}, real state
 * FIPS prefixes and county counts) x 20 sectors ({@code all} and 19 NAICS 2-digit sectors), a
 * monthly unemployment rate (SA, LAUS-like, to 0.1) and weekly initial claims (NSA), sent in
 * release order: each week's claims on the Thursday after the week, each month's rates on the
 * 17th of the next month. A few percent of values are revised in the next release (same series and
 * period, newer vintage) and a few records per thousand are broken (dead letters). Keyed by series
 * ({@link #key}), as {@code laborwatch replay} writes.
 */
final class Workload {

    /** State, FIPS code, number of counties (2020 Census; county equivalents). */
    static final Object[][] STATES = {
        {"AL", 1, 67}, {"AK", 2, 30}, {"AZ", 4, 15}, {"AR", 5, 75}, {"CA", 6, 58}, {"CO", 8, 64}, {"CT", 9, 8},
        {"DE", 10, 3}, {"DC", 11, 1}, {"FL", 12, 67}, {"GA", 13, 159}, {"HI", 15, 5}, {"ID", 16, 44},
        {"IL", 17, 102}, {"IN", 18, 92}, {"IA", 19, 99}, {"KS", 20, 105}, {"KY", 21, 120}, {"LA", 22, 64},
        {"ME", 23, 16}, {"MD", 24, 24}, {"MA", 25, 14}, {"MI", 26, 83}, {"MN", 27, 87}, {"MS", 28, 82},
        {"MO", 29, 115}, {"MT", 30, 56}, {"NE", 31, 93}, {"NV", 32, 17}, {"NH", 33, 10}, {"NJ", 34, 21},
        {"NM", 35, 33}, {"NY", 36, 62}, {"NC", 37, 100}, {"ND", 38, 53}, {"OH", 39, 88}, {"OK", 40, 77},
        {"OR", 41, 36}, {"PA", 42, 67}, {"RI", 44, 5}, {"SC", 45, 46}, {"SD", 46, 66}, {"TN", 47, 95},
        {"TX", 48, 254}, {"UT", 49, 29}, {"VT", 50, 14}, {"VA", 51, 133}, {"WA", 53, 39}, {"WV", 54, 55},
        {"WI", 55, 72}, {"WY", 56, 23}};

    static final String[] SECTORS = {"all", "naics:11", "naics:21", "naics:22", "naics:23", "naics:31-33",
        "naics:42", "naics:44-45", "naics:48-49", "naics:51", "naics:52", "naics:53", "naics:54", "naics:55",
        "naics:56", "naics:61", "naics:62", "naics:71", "naics:72", "naics:81"};

    static final int COUNTIES = 3_143;

    /** Receives one record: key (the region, so a series stays in one partition) and JSON value. */
    interface Sink {
        void send(byte[] key, byte[] value);
    }

    /** What was sent. */
    record Counts(long records, long monthly, long weekly, long revisions, long bad) {}

    private final List<String> counties = counties();
    private final int months;
    private final int weeks;
    private final LocalDate firstMonth;
    private final double revisionShare;
    private final double badShare;

    Workload(int months, int weeks, LocalDate firstMonth, double revisionShare, double badShare) {
        this.months = months;
        this.weeks = weeks;
        this.firstMonth = firstMonth;
        this.revisionShare = revisionShare;
        this.badShare = badShare;
    }

    /** Every county code, state by state. */
    static List<String> counties() {
        List<String> out = new ArrayList<>();
        for (Object[] s : STATES) {
            out.addAll(countiesOf((String) s[0]));
        }
        if (out.size() != COUNTIES) {
            throw new IllegalStateException("county table has " + out.size() + " counties");
        }
        return out;
    }

    static List<String> countiesOf(String state) {
        for (Object[] s : STATES) {
            if (s[0].equals(state)) {
                List<String> out = new ArrayList<>();
                for (int c = 0; c < (int) s[2]; c++) {
                    out.add(String.format("US-%s-%02d%03d", s[0], (int) s[1], 2 * c + 1));
                }
                return out;
            }
        }
        throw new IllegalArgumentException(state);
    }

    long seriesPerIndicator() {
        return (long) counties.size() * SECTORS.length;
    }

    /** Sends the whole workload in release order. */
    Counts generate(Sink sink) {
        int n = counties.size() * SECTORS.length;
        SplittableRandom random = new SplittableRandom(20261123L);
        int[] rate = new int[n];       // tenths of a percent
        int[] claims = new int[n];
        for (int i = 0; i < n; i++) {
            int county = i / SECTORS.length;
            int sector = i % SECTORS.length;
            rate[i] = 25 + (county * 7919 % 60) + (sector == 0 ? 0 : (sector * 37 % 30) - 10);
            claims[i] = sector == 0 ? 200 + county * 104729 % 4000 : 5 + (county * 31 + sector * 17) % 400;
        }
        int[] prevRate = rate.clone();
        int[] prevClaims = claims.clone();
        long records = 0;
        long monthly = 0;
        long weekly = 0;
        long revisions = 0;
        long bad = 0;
        LocalDate firstWeek = firstMonth.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        int m = 0;
        for (int w = 0; w <= weeks || m < months; w++) {
            LocalDate week = firstWeek.plusWeeks(w);
            LocalDate weekVintage = week.plusDays(5);
            // Monthly releases due before this week's claims release.
            while (m < months && (w >= weeks || monthVintage(m).isBefore(weekVintage))) {
                LocalDate period = firstMonth.plusMonths(m);
                String vintage = monthVintage(m).toString();
                String revVintage = vintage;
                for (int i = 0; i < n; i++) {
                    String region = counties.get(i / SECTORS.length);
                    String sector = SECTORS[i % SECTORS.length];
                    if (m > 0 && random.nextDouble() < revisionShare) {
                        int revised = Math.max(1, prevRate[i] + (random.nextBoolean() ? 1 : -1));
                        sink.send(rateKey(region, sector), rateJson(region, sector, firstMonth.plusMonths(m - 1), revised, revVintage));
                        revisions++;
                        records++;
                    }
                    prevRate[i] = rate[i];
                    sink.send(rateKey(region, sector), rateJson(region, sector, period, rate[i], vintage));
                    monthly++;
                    records++;
                    if (random.nextDouble() < badShare) {
                        sink.send(rateKey(region, sector), broken(random.nextInt(4), region, sector, period, vintage));
                        bad++;
                        records++;
                    }
                    rate[i] = Math.max(5, Math.min(250, rate[i] + random.nextInt(3) - 1));
                }
                m++;
            }
            if (w >= weeks) {
                continue;
            }
            String vintage = weekVintage.toString();
            for (int i = 0; i < n; i++) {
                String region = counties.get(i / SECTORS.length);
                String sector = SECTORS[i % SECTORS.length];
                if (w > 0 && random.nextDouble() < revisionShare) {
                    int revised = Math.max(0, prevClaims[i] + random.nextInt(11) - 5);
                    sink.send(claimsKey(region, sector), claimsJson(region, sector, week.minusWeeks(1), revised, vintage));
                    revisions++;
                    records++;
                }
                // Seasonal January spike and noise around the level.
                int seasonal = week.getMonthValue() == 1 ? claims[i] / 3 : 0;
                int value = Math.max(0, claims[i] + seasonal + random.nextInt(Math.max(1, claims[i] / 5) + 1) - claims[i] / 10);
                prevClaims[i] = value;
                sink.send(claimsKey(region, sector), claimsJson(region, sector, week, value, vintage));
                weekly++;
                records++;
                if (random.nextDouble() < badShare) {
                    sink.send(rateKey(region, sector), broken(random.nextInt(4), region, sector, week, vintage));
                    bad++;
                    records++;
                }
            }
        }
        return new Counts(records, monthly, weekly, revisions, bad);
    }

    private LocalDate monthVintage(int m) {
        return firstMonth.plusMonths(m + 1).withDayOfMonth(17);
    }

    /**
     * The Kafka key of a series' records, {@link SeriesKey#kafkaKey} as {@code laborwatch replay}
     * writes it: the job refuses a keyed record whose key is not its series' ({@code key_mismatch}).
     */
    static byte[] key(String indicator, String region, String sector, String adjustment) {
        return new SeriesKey(indicator, region, sector, adjustment).kafkaKey().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] rateKey(String region, String sector) {
        return key("unemployment_rate", region, sector, "sa");
    }

    static byte[] claimsKey(String region, String sector) {
        return key("initial_claims", region, sector, "nsa");
    }

    static byte[] rateJson(String region, String sector, LocalDate period, int tenths, String vintage) {
        return rateJson(region, sector, period, tenths, vintage, "sa");
    }

    static byte[] rateJson(String region, String sector, LocalDate period, int tenths, String vintage, String adjustment) {
        return ("{\"indicator\":\"unemployment_rate\",\"region\":\"" + region + "\",\"sector\":\"" + sector
                + "\",\"adjustment\":\"" + adjustment + "\",\"frequency\":\"monthly\",\"period\":\"" + period + "\",\"value\":"
                + (tenths / 10) + "." + (tenths % 10) + ",\"unit\":\"percent\",\"source\":\"bls.laus\",\"vintage\":\""
                + vintage + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    static byte[] claimsJson(String region, String sector, LocalDate week, int value, String vintage) {
        return ("{\"indicator\":\"initial_claims\",\"region\":\"" + region + "\",\"sector\":\"" + sector
                + "\",\"adjustment\":\"nsa\",\"frequency\":\"weekly\",\"period\":\"" + week + "\",\"value\":" + value
                + ",\"unit\":\"count\",\"source\":\"dol.eta539\",\"vintage\":\"" + vintage + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Four kinds of bad input: a rate over 100 %, NaN, a missing field, a period off the frequency. */
    static byte[] broken(int kind, String region, String sector, LocalDate period, String vintage) {
        String s = switch (kind) {
            case 0 -> new String(rateJson(region, sector, period, 1052, vintage), StandardCharsets.UTF_8);
            case 1 -> new String(rateJson(region, sector, period, 50, vintage), StandardCharsets.UTF_8)
                    .replace("\"value\":5.0", "\"value\":\"NaN\"");
            case 2 -> new String(rateJson(region, sector, period, 50, vintage), StandardCharsets.UTF_8)
                    .replace(",\"unit\":\"percent\"", "");
            default -> new String(rateJson(region, sector, period.withDayOfMonth(15), 50, vintage), StandardCharsets.UTF_8);
        };
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
