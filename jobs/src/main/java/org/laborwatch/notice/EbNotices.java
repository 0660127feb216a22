package org.laborwatch.notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.laborwatch.contract.Frequency;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.contract.Observation;
import org.laborwatch.contract.Transition;
import org.laborwatch.contract.TriggerEvent;
import org.laborwatch.metrics.InsuredUnemploymentRate;
import org.laborwatch.metrics.IurLookback;
import org.laborwatch.metrics.Metric;
import org.laborwatch.metrics.MetricEngine;
import org.laborwatch.metrics.RegionSeries;
import org.laborwatch.metrics.SeriesId;
import org.laborwatch.metrics.Tur3Mo;
import org.laborwatch.metrics.TurLookback;
import org.laborwatch.metrics.UiWeeks;
import org.laborwatch.policy.Condition;
import org.laborwatch.policy.MetricNames;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyParser;
import org.laborwatch.readers.PublishedFormat;
import org.laborwatch.readers.ReaderOptions;
import org.laborwatch.readers.StateCodes;
import org.laborwatch.trigger.EffectiveDates;
import org.laborwatch.trigger.TriggerEvaluator;
import org.laborwatch.trigger.TriggerState;

/**
 * DOL's weekly Extended Benefits trigger notices, reproduced (issue #12 item 6): for every Sunday,
 * each state's 13-week IUR, its look-back, the 3-month TUR and its look-backs, and the EB status,
 * from ETA 539 and the state levels as they stood that week. Plain Java, no Flink.
 *
 * <p>The values come from the job's metric code ({@link InsuredUnemploymentRate}, {@link IurLookback},
 * {@link Tur3Mo}, {@link TurLookback}) over the observations published by the notice's date, and
 * the status from the job's trigger state machine ({@link TriggerEvaluator}) running the notice
 * policy ({@code /notice/eb.yaml}), whose per-region parameters say which optional triggers each
 * state has. Each week is one decision: the IUR of the notice's week and the TUR of the latest
 * three months published by then, as DOL decides it.
 *
 * <p>"Published by then": a week of ETA 539 counts from its vintage (the reader dates a row 5 days
 * after its report week, 12 after the IUR week; the notice is dated 13 days after). A month of state
 * levels counts from the end of the month after it, or from its release if that came later: BLS
 * publishes state data in the third or fourth week of the next month, and DOL's notices take a
 * month in from the first notice dated after that month's end (notice 2020-52 and the begin dates
 * it prints: a TUR tier that turned on with April 2020 data began on 2020-06-07, the notice dated
 * 2020-06-05, though BLS published April on 2020-05-22). An input holding one vintage only (a later
 * file standing in for the releases, such as {@code laus-levels}) has no release dates: its months
 * count from the end of the month after them, its weeks from 12 days after they end.
 */
public final class EbNotices {

    /** The notice policy, on the classpath. */
    public static final String POLICY_RESOURCE = "/notice/eb.yaml";
    /** The policy parameter saying whether a state has the 6% IUR option. */
    static final String IUR_6PCT_OPTION = "iur_6pct_option";
    /** The policy parameter saying whether a state has the TUR option. */
    static final String TUR_OPTION = "tur_option";
    /** The policy tier of a high unemployment period (20 weeks). */
    static final String HUP = "hup";
    /** Notices are dated the Friday before they take effect (notice 2020-52: 1/8/2021). */
    static final int DATED_DAYS_BEFORE = 2;
    /** The IUR week ends on the Saturday 15 days before the notice takes effect. */
    static final int IUR_WEEK_DAYS_BEFORE = 15;
    private static final String SECTOR = "all";
    /**
     * The oldest last TUR month a notice takes, in months before the notice's date: BLS publishes a
     * month within the next (January's in March, after the annual benchmark), so a notice dated
     * 2009-02-13 reads to December 2008 at least; older levels mean the inputs stop before the notice.
     */
    static final int STALE_MONTHS = 3;

    private final Policy policy;
    private final InsuredUnemploymentRate iur = new InsuredUnemploymentRate();
    private final IurLookback iurLookback = IurLookback.asPrinted();
    private final Tur3Mo tur = new Tur3Mo();
    private final TurLookback turLookback1 = new TurLookback(1);
    private final TurLookback turLookback2 = new TurLookback(2);
    private final MetricEngine engine = new MetricEngine(List.of(iur, iurLookback, tur, turLookback1, turLookback2));
    private final List<Observation> observations = new ArrayList<>();
    /** When each input's data begin (its earliest dated value): decisions start once all have begun. */
    private final List<LocalDate> inputStarts = new ArrayList<>();

    /** Notices under the bundled notice policy. */
    public EbNotices() {
        this(policy());
    }

    /** Notices under {@code policy}, which must read the five EB metrics and declare the two options. */
    public EbNotices(Policy policy) {
        for (String p : List.of(IUR_6PCT_OPTION, TUR_OPTION)) {
            if (policy.parameters().get(p) == null) {
                throw new IllegalArgumentException("policy '" + policy.id() + "' declares no parameter " + p);
            }
        }
        this.policy = policy;
    }

    /**
     * The vintage a one-vintage levels file is read with when its name carries none ({@code laus-levels}
     * needs one): {@link #restamp} dates each of its values when a notice would first use it instead.
     */
    private static final LocalDate STAND_IN_VINTAGE = LocalDate.of(9999, 12, 31);

    /** How to read an input of {@code format} for the notices. */
    public static ReaderOptions readerOptions(PublishedFormat format) {
        return format == PublishedFormat.LAUS_LEVELS ? ReaderOptions.withVintage(STAND_IN_VINTAGE) : ReaderOptions.defaults();
    }

    /** The bundled notice policy. */
    public static Policy policy() {
        try (InputStream in = EbNotices.class.getResourceAsStream(POLICY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("notice policy missing from the classpath: " + POLICY_RESOURCE);
            }
            return PolicyParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), PolicyParser.Format.YAML,
                    POLICY_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POLICY_RESOURCE, e);
        }
    }

    /**
     * Adds the observations of one input file; those no notice column reads, and regions that are
     * not a state, DC, PR or VI, are dropped.
     *
     * @return how many were kept
     */
    public int add(List<Observation> input) {
        Set<LocalDate> vintages = new HashSet<>();
        input.forEach(o -> vintages.add(o.vintage()));
        boolean standIn = vintages.size() == 1;
        // A value is used from when DOL would use it (see the class comment).
        int kept = 0;
        LocalDate first = null;
        for (Observation o : input) {
            if (!isState(o.region()) || !read(o)) {
                continue;
            }
            Observation dated = restamp(o, standIn);
            observations.add(dated);
            first = first == null || dated.vintage().isBefore(first) ? dated.vintage() : first;
            kept++;
        }
        if (first != null) {
            inputStarts.add(first);
        }
        return kept;
    }

    private boolean read(Observation o) {
        SeriesId id = new SeriesId(o.indicator(), o.sector(), o.adjustment());
        return engine.metrics().stream().anyMatch(m -> m.dependsOn(id));
    }

    private static boolean isState(String region) {
        return region.startsWith("US-") && StateCodes.nameOf(region.substring(3)).isPresent();
    }

    /**
     * The observation dated when a notice first uses it: a month not before the end of the month
     * after it, later if its release came later; a week from its vintage. A one-vintage input
     * ({@code standIn}) has no release dates: its months count from the end of the month after
     * them, its weeks from 12 days after they end.
     */
    static Observation restamp(Observation o, boolean standIn) {
        LocalDate vintage = switch (o.frequency()) {
            case MONTHLY -> {
                LocalDate used = o.period().plusMonths(2).withDayOfMonth(1).minusDays(1);
                yield standIn || o.vintage().isBefore(used) ? used : o.vintage();
            }
            case WEEKLY -> standIn ? o.period().plusDays(12) : o.vintage();
            default -> o.vintage();
        };
        return new Observation(o.indicator(), o.region(), o.sector(), o.adjustment(), o.frequency(), o.period(),
                o.value(), o.unit(), o.source(), vintage);
    }

    /**
     * Every notice taking effect on a Sunday from {@code from} to {@code to}, by date then state name.
     * The state machine runs from the first week the inputs reach, so the status carries the history
     * the inputs hold.
     *
     * @throws IllegalArgumentException when from is after to, no Sunday falls between them, or the
     *     inputs give none of the notices' values
     */
    public List<NoticeRow> compute(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to + "; give the earlier date first");
        }
        LocalDate firstSunday = from.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        if (firstSunday.isAfter(to)) {
            throw new IllegalArgumentException("no Sunday from " + from + " to " + to + ": notices take effect on Sundays;"
                    + " widen the range to include one (such as " + firstSunday + ")");
        }
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("the inputs hold no ETA 539 IUR data (at, ce) and no state levels"
                    + " (labor force, unemployed): give --format eta539, bls-state-release or laus-levels files");
        }
        List<Observation> ordered = new ArrayList<>(observations);
        ordered.sort(Comparator.comparing(Observation::vintage));
        // Decisions start once every input has begun: before that a trigger whose input has not begun is
        // unknown, which would hold whatever state older data left (a TUR period of 2009 never ending
        // for want of an IUR). Older data still count as history (the look-backs read them).
        LocalDate start = inputStarts.stream().max(Comparator.naturalOrder()).orElseThrow()
                .plusDays(DATED_DAYS_BEFORE).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        start = start.isAfter(firstSunday) ? firstSunday : start;
        Map<String, RegionSeries> data = new TreeMap<>();
        Map<String, Status> status = new TreeMap<>();
        ordered.forEach(o -> {
            data.computeIfAbsent(o.region(), r -> new RegionSeries());
            status.computeIfAbsent(o.region(), r -> new Status());
        });
        List<NoticeRow> rows = new ArrayList<>();
        int next = 0;
        boolean anyValue = false;
        for (LocalDate effective = start; !effective.isAfter(to); effective = effective.plusWeeks(1)) {
            LocalDate dated = effective.minusDays(DATED_DAYS_BEFORE);
            while (next < ordered.size() && !ordered.get(next).vintage().isAfter(dated)) {
                Observation o = ordered.get(next++);
                engine.apply(data.get(o.region()), o);
            }
            LocalDate week = effective.minusDays(IUR_WEEK_DAYS_BEFORE);
            LocalDate turMonth = latestTurMonth(data);
            if (turMonth != null && turMonth.isBefore(dated.minusMonths(STALE_MONTHS).withDayOfMonth(1))) {
                // Levels that stop long before the notice are not the TUR of its week: leave it empty.
                turMonth = null;
            }
            for (Map.Entry<String, RegionSeries> e : data.entrySet()) {
                NoticeRow row = decide(e.getKey(), e.getValue(), status.get(e.getKey()), effective, week, turMonth);
                if (!effective.isBefore(firstSunday)) {
                    rows.add(row);
                    anyValue |= row.iur13wk() != null || row.tur3moSa() != null;
                }
            }
        }
        if (!anyValue) {
            throw new IllegalArgumentException("the inputs give no IUR and no TUR for the notices effective " + firstSunday
                    + " to " + to + ": they hold data published " + ordered.get(0).vintage() + " to "
                    + ordered.get(ordered.size() - 1).vintage() + "; choose dates in that range or give the inputs of"
                    + " those weeks");
        }
        rows.sort(Comparator.comparing(NoticeRow::effectiveDate).thenComparing(NoticeRow::state));
        return rows;
    }

    /**
     * The last month of the latest three published for all states with levels (DOL: "the most
     * recent 3 months for which data for all States are published"), or null without levels.
     */
    private static LocalDate latestTurMonth(Map<String, RegionSeries> data) {
        LocalDate month = null;
        for (RegionSeries series : data.values()) {
            LocalDate latest = Tur3Mo.latestLevelsMonth(series, SECTOR);
            if (latest != null && (month == null || latest.isBefore(month))) {
                month = latest;
            }
        }
        return month;
    }

    /** One state's notice row: its values this week, and the decision they make. */
    private NoticeRow decide(String region, RegionSeries data, Status status, LocalDate effective, LocalDate week,
            LocalDate turMonth) {
        BigDecimal iur13 = value(iur, data, region, week);
        BigDecimal iurPct = value(iurLookback, data, region, week);
        BigDecimal tur3 = turMonth == null ? null : value(tur, data, region, turMonth);
        BigDecimal tur1 = turMonth == null ? null : value(turLookback1, data, region, turMonth);
        BigDecimal tur2 = turMonth == null ? null : value(turLookback2, data, region, turMonth);
        Map<String, BigDecimal> values = new TreeMap<>();
        values.put(MetricNames.IUR_13WK, iur13);
        values.put(MetricNames.IUR_LOOKBACK_PCT, iurPct);
        values.put(MetricNames.TUR_3MO, tur3);
        values.put(MetricNames.TUR_LOOKBACK_PCT_1Y, tur1);
        values.put(MetricNames.TUR_LOOKBACK_PCT_2Y, tur2);
        LocalDate dated = effective.minusDays(DATED_DAYS_BEFORE);
        for (Map.Entry<String, BigDecimal> v : values.entrySet()) {
            MetricPoint point = v.getValue() != null
                    ? MetricPoint.ok(v.getKey(), "eb-notice", region, SECTOR, Frequency.WEEKLY, week, v.getValue(), dated)
                    : MetricPoint.unavailable(v.getKey(), "eb-notice", region, SECTOR, Frequency.WEEKLY, week,
                            "not in the inputs as of " + dated, dated);
            for (TriggerEvent event : TriggerEvaluator.onMetric(policy, status.state, region, SECTOR, point)) {
                status.apply(event, policy);
            }
        }
        Policy bound = policy.forRegion(region);
        OnBy onBy = OnBy.of(bound, values);
        Integer weeks = status.on ? (status.highUnemployment(effective) ? 20 : 13) : null;
        String flag = "";
        if (status.on) {
            flag = weeks == 20 ? "@" : onBy.iur ? "#" : onBy.tur ? "@" : status.flag;
            status.flag = flag;
        }
        Map<String, Object> options = policy.parameters().valuesFor(region);
        return new NoticeRow(UiWeeks.numbered(week.plusWeeks(1)), effective, week,
                turMonth == null ? null : YearMonth.from(turMonth), region,
                StateCodes.nameOf(region.substring(3)).orElseThrow(), flag,
                Boolean.TRUE.equals(options.get(IUR_6PCT_OPTION)) ? "" : "*",
                Boolean.TRUE.equals(options.get(TUR_OPTION)) ? "" : "&",
                iur13 == null ? null : iur13.setScale(2, RoundingMode.DOWN),
                iurPct == null ? null : iurPct.setScale(0, RoundingMode.DOWN),
                tur3, tur1, tur2, weeks, status.printed(effective));
    }

    private static BigDecimal value(Metric metric, RegionSeries data, String region, LocalDate period) {
        Optional<MetricPoint> p = metric.compute(data, region, SECTOR, period);
        return p.isPresent() && p.get().isAvailable() ? p.get().value() : null;
    }

    /** Which indicator is on this week: the parts of the enter condition that hold, by the metric each reads. */
    private record OnBy(boolean iur, boolean tur) {

        static OnBy of(Policy bound, Map<String, BigDecimal> values) {
            List<Condition> parts = bound.enter() instanceof Condition.Any any ? any.parts() : List.of(bound.enter());
            boolean iur = false;
            boolean tur = false;
            for (Condition part : parts) {
                if (part.evaluate(values::get) == Condition.Outcome.TRUE) {
                    iur |= part.metrics().contains(MetricNames.IUR_13WK);
                    tur |= part.metrics().contains(MetricNames.TUR_3MO);
                }
            }
            return new OnBy(iur, tur);
        }
    }

    /** One state's EB status as the notices print it, kept from the trigger events. */
    private static final class Status {
        final TriggerState state = new TriggerState();
        boolean on;
        String tier = TriggerEvaluator.OFF;
        LocalDate begin;
        LocalDate end;
        /** The first day of the latest high unemployment period. */
        LocalDate hupBegin;
        /** The last day of a high unemployment period that has been decided off. */
        LocalDate hupUntil;
        String flag = "";

        void apply(TriggerEvent event, Policy policy) {
            if (event.transition() == Transition.ENTER) {
                on = true;
                begin = event.effectiveFrom();
            } else if (event.transition() == Transition.EXIT) {
                on = false;
                end = event.effectiveUntil();
                flag = "";
            }
            if (!HUP.equals(tier) && HUP.equals(event.tier())) {
                hupBegin = event.effectiveFrom();
                hupUntil = null;
            } else if (HUP.equals(tier) && !HUP.equals(event.tier())) {
                // Like a period, a high unemployment period lasts to the end of the 3rd week after its off week.
                hupUntil = EffectiveDates.until(policy.effective(), event.period());
            }
            tier = event.tier();
        }

        boolean highUnemployment(LocalDate effective) {
            return HUP.equals(tier) || hupUntil != null && !hupUntil.isBefore(effective);
        }

        /** DOL prints the begin date of the high unemployment period while one is on (notice 2020-52: CA, NY, MI...). */
        String printed(LocalDate effective) {
            if (on) {
                return "B " + (highUnemployment(effective) ? hupBegin : begin).format(NoticeRow.STATUS_DATE);
            }
            return end == null ? null : "E " + end.format(NoticeRow.STATUS_DATE);
        }
    }
}
