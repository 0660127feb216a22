package org.laborwatch.readers;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Unit;

/**
 * DOL ETA 203, characteristics of the insured unemployed, monthly by state ({@code state,
 * report_for_period_ending, sample_pop, sex_*, age_*, eth_*, race_*, ind_*, occ_*}); indicator
 * {@code insured_unemployed} (count), not seasonally adjusted, source {@code dol.eta203}, region
 * {@code US-} + state, period the first day of the month that {@code report_for_period_ending}
 * (a month end) falls in.
 *
 * <p>Each row gives one observation per occupation column, sector {@code soc:NN} (the 2018 SOC major
 * group; {@code occ_ina}, "information not available", is {@code soc:unknown}), one per industry
 * column, sector {@code naics:NN} (the NAICS sector; {@code ind_ina} is {@code naics:unknown}), and
 * the total, sector {@code all}, = {@code sex_male + sex_female + sex_ina}. In the published file
 * the occupation columns and the industry columns each add up to that total in every row. Age,
 * ethnicity and race columns are not read. A header with an {@code occ_} or {@code ind_} column
 * not in the table below is refused rather than silently dropped.
 *
 * <p>{@code sample_pop} is {@code P} or {@code S}. As we read the ETA 203 reporting instructions (not
 * re-checked against the handbook here) it says whether the state tabulated its whole
 * insured-unemployed population for the reference week ({@code P}) or a sample ({@code S}); the S rows are at population scale (California, April 2020: 1.9 million), so
 * they are read as they are. Which states reported from a sample is listed in a note.
 *
 * <p>Vintage: explicit, else from the file name, else per row the last day of the month after the
 * reference month. States file the ETA 203 with DOL within the month after the reference month; the
 * file does not say when DOL published each row, so this is the earliest date we can stand behind,
 * not a release date.
 */
final class Eta203Reader implements ObservationReader {

    private static final Pattern STATE = Pattern.compile("[A-Z]{2}");
    private static final String[] SEX = {"sex_male", "sex_female", "sex_ina"};
    private static final SeriesSpec TEMPLATE = new SeriesSpec("insured_unemployed", "US", "all", "nsa",
            Frequency.MONTHLY, Unit.COUNT, "dol.eta203");

    /** Column → sector, in file order. */
    static final Map<String, String> SECTORS = new LinkedHashMap<>();

    static {
        occ("management", "11");
        occ("business_finance", "13");
        occ("computer_math", "15");
        occ("architecture_engineering", "17");
        occ("life_physical_social", "19");
        occ("comm_social_serv", "21");
        occ("legal", "23");
        occ("edu_train_library", "25");
        occ("art_design_enter_sport_media", "27");
        occ("healthcare_technical", "29");
        occ("healthcare_support", "31");
        occ("protective_services", "33");
        occ("food_prep_serving", "35");
        occ("building_grounds_cleaning_maint", "37");
        occ("personal_care_services", "39");
        occ("sales", "41");
        occ("office_admin", "43");
        occ("farm_fish_forest", "45");
        occ("construct_extract", "47");
        occ("install_maint_repair", "49");
        occ("production", "51");
        occ("trans_material_moving", "53");
        occ("military", "55");
        occ("ina", "unknown");
        ind("agri_forest_fish_hunt", "11");
        ind("mining", "21");
        ind("utilities", "22");
        ind("construction", "23");
        ind("manufacturing", "31-33");
        ind("wholesaletrade", "42");
        ind("retail_trade", "44-45");
        ind("trans_and_warehouse", "48-49");
        ind("information", "51");
        ind("finance_insurance", "52");
        ind("real_estate_rental_lease", "53");
        ind("prof_sci_tech", "54");
        ind("management", "55");
        ind("admin_waste_remedial", "56");
        ind("education", "61");
        ind("healthcare_social", "62");
        ind("arts_entertain_rec", "71");
        ind("accommodation_food", "72");
        ind("other", "81");
        ind("public_admin", "92");
        ind("ina", "unknown");
    }

    private static void occ(String column, String group) {
        SECTORS.put("occ_" + column, "soc:" + group);
    }

    private static void ind(String column, String sector) {
        SECTORS.put("ind_" + column, "naics:" + sector);
    }

    private final ReaderOptions options;

    Eta203Reader(ReaderOptions options) {
        this.options = options;
    }

    /** Every series this format can yield (per state): the total and one per occupation and industry. */
    static java.util.Collection<SeriesSpec> yields() {
        List<SeriesSpec> all = new java.util.ArrayList<>(List.of(TEMPLATE));
        for (String sector : SECTORS.values()) {
            all.add(new SeriesSpec(TEMPLATE.indicator(), TEMPLATE.region(), sector, TEMPLATE.adjustment(),
                    TEMPLATE.frequency(), TEMPLATE.unit(), TEMPLATE.source()));
        }
        return all;
    }

    @Override
    public ReadReport read(Reader input, String fileName, Consumer<Observation> out) throws IOException {
        Optional<LocalDate> fixedVintage = Vintages.explicitOrFromName(options, fileName);
        CsvRows rows = CsvRows.open(input, fileName);
        rows.requireColumns("state", "report_for_period_ending", "sample_pop");
        rows.requireColumns(SEX);
        rows.requireColumns(SECTORS.keySet().toArray(String[]::new));
        List<String> unknown = rows.header().stream()
                .filter(c -> (c.startsWith("occ_") || c.startsWith("ind_")) && !SECTORS.containsKey(c))
                .toList();
        if (!unknown.isEmpty()) {
            throw new ReaderException(fileName, 1, "occupation/industry columns with no sector mapping: " + unknown);
        }
        Tally tally = new Tally(out);
        if (fixedVintage.isEmpty()) {
            tally.note("vintage per row: the last day of the month after the reference month"
                    + " (the ETA 203 is filed within that month)");
        }
        Map<String, Map<String, SeriesSpec>> specs = new LinkedHashMap<>();
        Map<String, Long> sampled = new TreeMap<>();
        while (rows.next()) {
            tally.row();
            String state = rows.cell("state");
            if (!STATE.matcher(state).matches()) {
                throw rows.error("column state: '" + state + "' is not a two-letter state code");
            }
            LocalDate ending = rows.date("report_for_period_ending");
            if (ending.getDayOfMonth() != ending.lengthOfMonth()) {
                throw rows.error("column report_for_period_ending: " + ending + " is not the last day of a month");
            }
            String sample = rows.cell("sample_pop");
            if ("S".equals(sample)) {
                sampled.merge(state, 1L, Long::sum);
            } else if (!"P".equals(sample)) {
                throw rows.error("column sample_pop: '" + sample + "' is neither P (population) nor S (sample)");
            }
            LocalDate period = ending.withDayOfMonth(1);
            LocalDate vintage = fixedVintage.orElse(YearMonth.from(period).plusMonths(1).atEndOfMonth());
            Map<String, SeriesSpec> forState = specs.computeIfAbsent(state, Eta203Reader::specsFor);

            BigDecimal total = BigDecimal.ZERO;
            for (String column : SEX) {
                if (rows.cell(column).isEmpty()) {
                    total = null;
                    break;
                }
                total = total.add(rows.decimal(column));
            }
            if (total == null) {
                tally.missing();
            } else {
                tally.emit(forState.get("all").observe(rows, "sex_male+sex_female+sex_ina", period, total, vintage));
            }
            for (Map.Entry<String, String> e : SECTORS.entrySet()) {
                String column = e.getKey();
                if (rows.cell(column).isEmpty()) {
                    tally.missing();
                    continue;
                }
                tally.emit(forState.get(e.getValue()).observe(rows, column, period, rows.decimal(column), vintage));
            }
        }
        if (!sampled.isEmpty()) {
            tally.note("sample_pop S (tabulated from a sample, at population scale; read as is) in "
                    + sampled.values().stream().mapToLong(Long::longValue).sum() + " rows: "
                    + sampled.entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                            .collect(Collectors.joining(", ")));
        }
        return tally.report();
    }

    private static Map<String, SeriesSpec> specsFor(String state) {
        Map<String, SeriesSpec> specs = new LinkedHashMap<>();
        specs.put("all", TEMPLATE.inRegion("US-" + state));
        for (String sector : SECTORS.values()) {
            specs.put(sector, new SeriesSpec(TEMPLATE.indicator(), "US-" + state, sector, TEMPLATE.adjustment(),
                    TEMPLATE.frequency(), TEMPLATE.unit(), TEMPLATE.source()));
        }
        return specs;
    }
}
