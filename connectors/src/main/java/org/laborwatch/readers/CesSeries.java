package org.laborwatch.readers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Unit;

/**
 * The BLS CES employment-by-industry series of the {@code ces-long} format, by FRED id, with their
 * sectors. All are national, seasonally adjusted, monthly, thousands of employees, indicator
 * {@code payroll_employment}, source {@code bls.ces}.
 *
 * <p>Sectors: {@code all} for total nonfarm (PAYEMS); {@code naics:} + the NAICS sector code where
 * the series is exactly one NAICS sector (manufacturing 31-33, retail trade 44-45), written as
 * ETA 203 writes its industries; otherwise {@code ces:} + the {@link Slugs#slug slug} of the FRED
 * title without its "All employees, " prefix: supersectors (goods-producing, financial activities…),
 * durable goods, and industries below the NAICS sector level (oil and gas extraction, NAICS 211;
 * health care, NAICS 621-623 without social assistance). {@code CES7000000010} counts women only,
 * so it keeps the whole title: {@code ces:women-employees-leisure-and-hospitality}, never to be added
 * to or compared with the all-employee series as if it were an industry.
 */
public final class CesSeries {

    private static final Map<String, SeriesSpec> BY_ID = new LinkedHashMap<>();

    static {
        add("PAYEMS", "all");
        add("USGOOD", "ces:goods-producing");
        add("SRVPRD", "ces:service-providing");
        add("MANEMP", "naics:31-33");
        add("DMANEMP", "ces:durable-goods-manufacturing");
        add("USTRADE", "naics:44-45");
        add("USFIRE", "ces:financial-activities");
        add("USPBS", "ces:professional-and-business-services");
        add("USEHS", "ces:private-education-and-health-services");
        add("USLAH", "ces:leisure-and-hospitality");
        add("CES1021100001", "ces:oil-and-gas-extraction");
        add("CES4348100001", "ces:air-transportation");
        add("CES4348400001", "ces:truck-transportation");
        add("CES4349300001", "ces:warehousing-and-storage");
        add("CES6562000101", "ces:health-care");
        add("CES7072200001", "ces:food-services-and-drinking-places");
        add("CES7000000010", "ces:women-employees-leisure-and-hospitality");
    }

    private CesSeries() {}

    private static void add(String id, String sector) {
        BY_ID.put(id, new SeriesSpec("payroll_employment", "US", sector, "sa", Frequency.MONTHLY, Unit.THOUSANDS,
                "bls.ces"));
    }

    /** The mapping of a FRED id of a CES series (exact, as FRED writes it). */
    public static Optional<SeriesSpec> byId(String fredId) {
        return Optional.ofNullable(BY_ID.get(fredId));
    }

    /** Every mapped series, by FRED id. */
    public static Map<String, SeriesSpec> all() {
        return Collections.unmodifiableMap(BY_ID);
    }
}
