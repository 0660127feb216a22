package org.laborwatch.readers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Unit;

/**
 * The FRED series laborwatch understands, by FRED id. All are national ({@code US}).
 *
 * <p>FRED republishes other agencies' series, so the source is the original publisher, not FRED:
 * {@code bls.cps} (household survey), {@code bls.ces} (payroll survey), {@code bls.jolts},
 * {@code dol.eta} (national weekly claims) and {@code nber} (recession dates). A series not listed
 * here is skipped by the FRED readers and named in the report, never guessed at.
 *
 * <p>Sectors: the two average-hourly-earnings series cover different workers, so they must not
 * share a series key. {@code CES0500000003} is all employees of total private and gets sector
 * {@code ces:total-private}; {@code AHETPI} is production and nonsupervisory employees of total
 * private and gets {@code ces:production-nonsupervisory}. Everything else is {@code all}; PAYEMS is
 * total nonfarm, which includes government.
 */
public final class FredSeries {

    private static final Map<String, SeriesSpec> BY_ID = new LinkedHashMap<>();

    static {
        add("UNRATE", "unemployment_rate", "sa", Frequency.MONTHLY, Unit.PERCENT, "all", "bls.cps");
        add("UNRATENSA", "unemployment_rate", "nsa", Frequency.MONTHLY, Unit.PERCENT, "all", "bls.cps");
        add("U6RATE", "u6_rate", "sa", Frequency.MONTHLY, Unit.PERCENT, "all", "bls.cps");
        add("U6RATENSA", "u6_rate", "nsa", Frequency.MONTHLY, Unit.PERCENT, "all", "bls.cps");
        add("UNEMPLOY", "unemployed", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "all", "bls.cps");
        add("CIVPART", "labor_force_participation_rate", "sa", Frequency.MONTHLY, Unit.PERCENT, "all", "bls.cps");
        add("PAYEMS", "payroll_employment", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "all", "bls.ces");
        add("PAYNSA", "payroll_employment", "nsa", Frequency.MONTHLY, Unit.THOUSANDS, "all", "bls.ces");
        add("CES0500000003", "average_hourly_earnings", "sa", Frequency.MONTHLY, Unit.USD_PER_HOUR,
                "ces:total-private", "bls.ces");
        add("AHETPI", "average_hourly_earnings", "sa", Frequency.MONTHLY, Unit.USD_PER_HOUR,
                "ces:production-nonsupervisory", "bls.ces");
        add("JTSJOL", "job_openings", "sa", Frequency.MONTHLY, Unit.THOUSANDS, "all", "bls.jolts");
        // USREC has no seasonal adjustment to speak of; nsa is the honest label.
        add("USREC", "recession", "nsa", Frequency.MONTHLY, Unit.FLAG, "all", "nber");
        add("ICSA", "initial_claims", "sa", Frequency.WEEKLY, Unit.COUNT, "all", "dol.eta");
        add("ICNSA", "initial_claims", "nsa", Frequency.WEEKLY, Unit.COUNT, "all", "dol.eta");
        add("CCSA", "continued_claims", "sa", Frequency.WEEKLY, Unit.COUNT, "all", "dol.eta");
        add("CCNSA", "continued_claims", "nsa", Frequency.WEEKLY, Unit.COUNT, "all", "dol.eta");
    }

    private FredSeries() {}

    private static void add(String id, String indicator, String adjustment, Frequency frequency, Unit unit,
            String sector, String source) {
        BY_ID.put(id, new SeriesSpec(indicator, "US", sector, adjustment, frequency, unit, source));
    }

    /** The mapping of a FRED series id (exact, upper case as FRED writes it). */
    public static Optional<SeriesSpec> byId(String fredId) {
        return Optional.ofNullable(BY_ID.get(fredId));
    }

    /** Every mapped series, by FRED id. */
    public static Map<String, SeriesSpec> all() {
        return Collections.unmodifiableMap(BY_ID);
    }
}
