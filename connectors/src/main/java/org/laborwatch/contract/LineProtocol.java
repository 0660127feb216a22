package org.laborwatch.contract;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * InfluxDB line protocol for the three measurements of DESIGN.md ("InfluxDB schema"):
 *
 * <pre>
 * observation,adjustment=sa,indicator=unemployment_rate,region=US-CA,sector=all,source=bls.laus value=5.2 1719792000000000000
 * metric,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.50 1719792000000000000
 * metric,metric=sahm_gap,region=US,sector=all unavailable=true 1719792000000000000
 * trigger,policy=eb-iur,region=US-NV,sector=all state=1i,tier=0i,transition="ENTER" 1588377600000000000
 * </pre>
 *
 * <p>The timestamp is the period start at UTC midnight, in nanoseconds unless a precision is given
 * (the write API must then be told the same precision). Because ids and vintages are never tags,
 * a revision or a replay of the same period writes the same series and timestamp and so
 * overwrites the point instead of adding one.
 *
 * <p>Metric points: an {@link MetricStatus#UNAVAILABLE UNAVAILABLE} point writes the boolean field
 * {@code unavailable=true} and no {@code value}. An OK point writes {@code unavailable=false} next
 * to its value, so that when a metric becomes available for a period that was written as
 * unavailable, the overwrite clears the flag. The reverse cannot be undone by a write: line
 * protocol cannot remove a field, so a point first written OK and later UNAVAILABLE keeps its old
 * value with {@code unavailable=true}; queries that must ignore such values filter on
 * {@code unavailable = false}.
 *
 * <p>A metric point carries two readings in two fields of the same point (same measurement, tags
 * and timestamp): {@code value}, the latest value, and {@link #AS_PUBLISHED
 * as_published}, the value as first published ({@link #metricAsPublished}), written apart as
 * a line with only that field. InfluxDB merges the fields written to one point, so a revision
 * that rewrites {@code value} leaves {@code as_published} alone:
 *
 * <pre>
 * metric,indicator=unemployment_rate,metric=sahm_gap,region=US,sector=all unavailable=false,value=0.50 1719792000000000000
 * metric,indicator=unemployment_rate,metric=sahm_gap,region=US,sector=all as_published=0.53 1719792000000000000
 * </pre>
 *
 * <p>Escaping follows the line-protocol reference: commas and spaces in the measurement; commas,
 * equals signs and spaces in tag keys, tag values and field keys; double quotes and backslashes in
 * string field values. What line protocol cannot carry is refused with an
 * {@link IllegalArgumentException} rather than written wrongly: newlines and other control
 * characters anywhere, empty tag values, and backslashes outside string fields (InfluxDB versions
 * disagree on how a backslash before a separator is read). Tags are written sorted by key, as
 * InfluxDB recommends. Decimals are written with {@link BigDecimal#toPlainString()}, never with an
 * exponent, so a line reads the same to every parser and person; integers carry the {@code i}
 * suffix. InfluxDB stores a decimal as a float64, so digits beyond its precision are lost there
 * (never in the job). Lines have no trailing newline: join them with {@code \n}.
 */
public final class LineProtocol {

    /** Measurement of raw observations. */
    public static final String OBSERVATION = "observation";

    /** Measurement of metric points. */
    public static final String METRIC = "metric";

    /**
     * Field of a metric point holding its value as first published (after the whole release that
     * first made its period computable), next to the latest {@code value}.
     */
    public static final String AS_PUBLISHED = "as_published";

    /** Measurement of trigger decisions. */
    public static final String TRIGGER = "trigger";

    /** Measurement of webhook delivery attempts. */
    public static final String DELIVERY = "delivery";

    private LineProtocol() {}

    /** The observation as a line, timestamped in nanoseconds. */
    public static String observation(Observation o) {
        return observation(o, TimeUnit.NANOSECONDS);
    }

    /** The observation as a line, timestamped at {@code precision}. */
    public static String observation(Observation o, TimeUnit precision) {
        Objects.requireNonNull(o, "observation");
        Map<String, String> tags = new TreeMap<>();
        tags.put("indicator", o.indicator());
        tags.put("region", o.region());
        tags.put("sector", o.sector());
        tags.put("adjustment", o.adjustment());
        tags.put("source", o.source());
        return line(OBSERVATION, tags, "value=" + o.value().toPlainString(), timestamp(o.period(), precision));
    }

    /** The metric point as a line, timestamped in nanoseconds. */
    public static String metric(MetricPoint p) {
        return metric(p, TimeUnit.NANOSECONDS);
    }

    /** The metric point as a line, timestamped at {@code precision}. */
    public static String metric(MetricPoint p, TimeUnit precision) {
        Objects.requireNonNull(p, "metric point");
        String fields = p.isAvailable()
                ? "unavailable=false,value=" + p.value().toPlainString()
                : "unavailable=true";
        return line(METRIC, metricTags(p), fields, timestamp(p.period(), precision));
    }

    private static Map<String, String> metricTags(MetricPoint p) {
        Map<String, String> tags = new TreeMap<>();
        // The input indicator is a tag too: claims_4wk_avg of initial and of continued claims share
        // metric, region, sector and week, and must not overwrite each other.
        if (p.indicator() != null) {
            tags.put("indicator", p.indicator());
        }
        tags.put("metric", p.metric());
        tags.put("region", p.region());
        tags.put("sector", p.sector());
        return tags;
    }

    /**
     * The point's value as the {@link #AS_PUBLISHED as_published} field of its series and period
     * (the same tags and timestamp as {@link #metric}), timestamped at {@code precision}.
     *
     * @throws IllegalArgumentException for an unavailable point: only a value is ever published
     */
    public static String metricAsPublished(MetricPoint p, TimeUnit precision) {
        Objects.requireNonNull(p, "metric point");
        if (!p.isAvailable()) {
            throw new IllegalArgumentException("an unavailable point has no as-published value: " + p.metric() + " "
                    + p.region() + " " + p.period());
        }
        return line(METRIC, metricTags(p), AS_PUBLISHED + "=" + p.value().toPlainString(), timestamp(p.period(), precision));
    }

    /** A trigger decision as a line, timestamped in nanoseconds. */
    public static String trigger(String policy, String region, String sector, LocalDate period, boolean on, int tier,
            String transition) {
        return trigger(policy, region, sector, period, on, tier, transition, TimeUnit.NANOSECONDS);
    }

    /**
     * A trigger decision as a line.
     *
     * @param policy policy id
     * @param region region code
     * @param sector sector code
     * @param period the period whose data decided it
     * @param on whether the policy is on for the key after the decision (field {@code state}, 1 or 0)
     * @param tier the tier in force as an integer (field {@code tier}; 0 for the base tier)
     * @param transition the transition name, such as {@code ENTER} (field {@code transition})
     * @param precision the timestamp precision
     */
    public static String trigger(String policy, String region, String sector, LocalDate period, boolean on, int tier,
            String transition, TimeUnit precision) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("policy", policy);
        tags.put("region", region);
        tags.put("sector", sector);
        String fields = "state=" + (on ? "1i" : "0i") + ",tier=" + tier + "i,transition=" + stringField(transition);
        return line(TRIGGER, tags, fields, timestamp(period, precision));
    }

    /**
     * A trigger event as a line of the {@code trigger} measurement: {@code state} is 1 while the
     * policy is on after the event, {@code tier} its {@code tier_level} (0 off, 1 base, 2 and up the
     * policy's tiers), {@code transition} its name; on events with watch facts also {@code watch}
     * (1 on WATCH, 0 on the CLEAR or ENTER that ends it) and {@code watch_periods}; the time is the
     * period that decided it.
     */
    public static String trigger(TriggerEvent e, TimeUnit precision) {
        Objects.requireNonNull(e, "trigger event");
        String line = trigger(e.policy(), e.region(), e.sector(), e.period(), e.on(), e.tierLevel(),
                e.transition().name(), precision);
        if (e.watch() == null) {
            return line;
        }
        // Early warning (policies with a watch): watch is 1 from a WATCH until the CLEAR or ENTER that
        // ends it, which write 0, so last("watch") per region says whether it is on watch now.
        int space = line.lastIndexOf(' ');
        return line.substring(0, space) + ",watch=" + (e.transition() == Transition.WATCH ? "1i" : "0i")
                + ",watch_periods=" + e.watch().periods() + "i" + line.substring(space);
    }

    /**
     * A webhook delivery attempt as a line of the {@code delivery} measurement: tags only the
     * subscriber and the outcome (bounded: event ids would make a series per event), fields the
     * attempt number, HTTP status (0 when no answer came), latency and event id; the time is when the
     * answer came, in nanoseconds. A point is its tags and time, and the notifier applies the
     * answers of one tick at the same millisecond, so the digits below the millisecond come from the
     * event id and attempt number: two attempts answered in the same millisecond stay two points
     * (and a restarted job that logs the same attempt again overwrites it instead of adding one).
     */
    public static String delivery(String subscriber, String outcome, int attempt, int status, long latencyMillis,
            String eventId, java.time.Instant at) {
        Map<String, String> tags = new TreeMap<>();
        tags.put("outcome", outcome);
        tags.put("subscriber", subscriber);
        String fields = "attempt=" + attempt + "i,event_id=" + stringField(eventId) + ",latency_ms=" + latencyMillis
                + "i,status=" + status + "i";
        long withinMilli = Math.floorMod((eventId + "#" + attempt).hashCode(), 1_000_000);
        long nanos = Math.addExact(Math.multiplyExact(at.toEpochMilli(), 1_000_000L), withinMilli);
        return line(DELIVERY, tags, fields, nanos);
    }

    /**
     * The period start, UTC midnight, since the epoch at {@code precision} (one of nanoseconds,
     * microseconds, milliseconds, seconds: the precisions InfluxDB writes accept).
     */
    public static long timestamp(LocalDate period, TimeUnit precision) {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(precision, "precision");
        long perSecond = switch (precision) {
            case NANOSECONDS -> 1_000_000_000L;
            case MICROSECONDS -> 1_000_000L;
            case MILLISECONDS -> 1_000L;
            case SECONDS -> 1L;
            default -> throw new IllegalArgumentException("InfluxDB accepts ns, us, ms or s precision, not " + precision);
        };
        try {
            return Math.multiplyExact(Math.multiplyExact(period.toEpochDay(), 86_400L), perSecond);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("period " + period + " is outside the time range of "
                    + precision.name().toLowerCase(Locale.ROOT) + " timestamps", e);
        }
    }

    private static String line(String measurement, Map<String, String> tags, String fields, long timestamp) {
        StringBuilder out = new StringBuilder(128).append(escape(measurement, "measurement", ", "));
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            String value = tag.getValue();
            if (value == null || value.isEmpty()) {
                // Line protocol has no empty tag value; omitting the tag would silently merge series.
                throw new IllegalArgumentException("tag " + tag.getKey() + " has no value");
            }
            out.append(',').append(escape(tag.getKey(), "tag key", ",= "))
                    .append('=').append(escape(value, "tag " + tag.getKey(), ",= "));
        }
        return out.append(' ').append(fields).append(' ').append(timestamp).toString();
    }

    /** Escapes {@code special} with a backslash; refuses what no escape can carry. */
    private static String escape(String text, String what, String special) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(what + " contains a control character (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + "), which line protocol cannot carry");
            }
            if (c == '\\') {
                throw new IllegalArgumentException(what + " contains a backslash, which InfluxDB versions read differently");
            }
            if (special.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String stringField(String value) {
        Objects.requireNonNull(value, "string field");
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException("string field contains a control character (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + "), which line protocol cannot carry");
            }
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
