package org.laborwatch.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Objects;
import java.util.SortedMap;

/**
 * The output contract: a policy decided something for a region and sector (DESIGN.md).
 *
 * <p>The {@code event_id} is a hash of policy, version, key, period and transition, so the same
 * decision replayed has the same id and subscribers can deduplicate on it.
 *
 * @param eventId deterministic id (see {@link #idFor})
 * @param policy policy id
 * @param policyVersion policy version the decision was made under
 * @param region region code
 * @param sector sector code
 * @param transition what happened
 * @param tier the tier in force after the event ({@code base} when the policy has no tiers, {@code off} after an exit)
 * @param tierLevel the tier as a number: 0 off, 1 base, 2 and up for the policy's tiers in order
 * @param period the period whose data decided it (the ON week, the trigger month)
 * @param frequency the frequency of the policy's periods (weekly for ETA 539 metrics, monthly for rates)
 * @param effectiveFrom the first day the decision takes effect
 * @param effectiveUntil for an EXIT, the last day the previous state is in effect; otherwise null
 * @param evidence the metric values that decided it
 * @param thresholds the thresholds they were compared against
 * @param corrects for a CORRECTION, the id of the earlier event it retracts; otherwise null
 * @param dataVintage the vintage of the newest data behind the decision
 * @param emittedAt when the event could first be emitted: the start (UTC) of the publication day
 *     of the data that decided it. Derived from the data, not the wall clock, so a replay of the
 *     same inputs gives byte-identical events; the Kafka record timestamp carries the write time.
 * @param schedule for a policy with a schedule, on ENTER, TIER_UP and TIER_DOWN: the output level
 *     and its band; otherwise null (and absent from the JSON)
 * @param watch on a WATCH or CLEAR event, and on an ENTER that ends a watch: how far the enter
 *     condition is and how long the watch has lasted; otherwise null (and absent from the JSON)
 */
@JsonPropertyOrder({"event_id", "policy", "policy_version", "region", "sector", "transition", "tier", "tier_level", "period", "frequency",
        "effective_from", "effective_until", "evidence", "thresholds", "corrects", "data_vintage", "emitted_at", "watch", "schedule"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerEvent(
        @JsonProperty("event_id") String eventId,
        @JsonProperty("policy") String policy,
        @JsonProperty("policy_version") int policyVersion,
        @JsonProperty("region") String region,
        @JsonProperty("sector") String sector,
        @JsonProperty("transition") Transition transition,
        @JsonProperty("tier") String tier,
        @JsonProperty("tier_level") int tierLevel,
        @JsonProperty("period") LocalDate period,
        @JsonProperty("frequency") Frequency frequency,
        @JsonProperty("effective_from") LocalDate effectiveFrom,
        @JsonProperty("effective_until") LocalDate effectiveUntil,
        @JsonProperty("evidence") SortedMap<String, BigDecimal> evidence,
        @JsonProperty("thresholds") SortedMap<String, BigDecimal> thresholds,
        @JsonProperty("corrects") String corrects,
        @JsonProperty("data_vintage") LocalDate dataVintage,
        @JsonProperty("emitted_at") Instant emittedAt,
        @JsonProperty("watch") Watch watch,
        @JsonProperty("schedule") Level schedule) {

    /** An event without watch information: every transition but WATCH and CLEAR, of policies without {@code watch}. */
    public TriggerEvent(String eventId, String policy, int policyVersion, String region, String sector,
            Transition transition, String tier, int tierLevel, LocalDate period, Frequency frequency,
            LocalDate effectiveFrom, LocalDate effectiveUntil, SortedMap<String, BigDecimal> evidence,
            SortedMap<String, BigDecimal> thresholds, String corrects, LocalDate dataVintage, Instant emittedAt) {
        this(eventId, policy, policyVersion, region, sector, transition, tier, tierLevel, period, frequency,
                effectiveFrom, effectiveUntil, evidence, thresholds, corrects, dataVintage, emittedAt, null, null);
    }

    /** An event with watch facts and no schedule level. */
    public TriggerEvent(String eventId, String policy, int policyVersion, String region, String sector,
            Transition transition, String tier, int tierLevel, LocalDate period, Frequency frequency,
            LocalDate effectiveFrom, LocalDate effectiveUntil, SortedMap<String, BigDecimal> evidence,
            SortedMap<String, BigDecimal> thresholds, String corrects, LocalDate dataVintage, Instant emittedAt,
            Watch watch) {
        this(eventId, policy, policyVersion, region, sector, transition, tier, tierLevel, period, frequency,
                effectiveFrom, effectiveUntil, evidence, thresholds, corrects, dataVintage, emittedAt, watch, null);
    }

    /**
     * The output level of a schedule policy after an ENTER, TIER_UP or TIER_DOWN (issue #16 item 2).
     *
     * @param output what the level is, such as {@code insured_hours}
     * @param unit its unit, such as {@code hours}; may be empty
     * @param level the level in force from {@code effective_from}
     * @param band the band: its index from 0 (lowest), and its bounds
     */
    @JsonPropertyOrder({"output", "unit", "level", "band"})
    public record Level(
            @JsonProperty("output") String output,
            @JsonProperty("unit") String unit,
            @JsonProperty("level") BigDecimal level,
            @JsonProperty("band") Band band) {

        public Level {
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(level, "level");
            Objects.requireNonNull(band, "band");
        }
    }

    /**
     * A band of a schedule: values above {@code above} (exclusive) and at most {@code upTo}.
     *
     * @param index 0 for the lowest band
     * @param above the exclusive lower bound; null for the lowest band
     * @param upTo the inclusive upper bound; null for the highest band
     */
    @JsonPropertyOrder({"index", "above", "up_to"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Band(
            @JsonProperty("index") int index,
            @JsonProperty("above") BigDecimal above,
            @JsonProperty("up_to") BigDecimal upTo) {}

    /**
     * The early-warning facts of an event (issue #16 item 4).
     *
     * @param since the first period of the watch
     * @param periods how long the watch has lasted, in the policy's periods: 1 on the WATCH event
     *     (its own period), and on a CLEAR or an ENTER the periods from {@code since} up to the
     *     deciding period, which is no longer on watch
     * @param distanceToEnter by metric, the enter threshold minus the metric's value in the
     *     deciding period (for a {@code >=} rule, how far the metric still has to rise); metrics
     *     without a value or without a threshold of their own are left out
     */
    @JsonPropertyOrder({"since", "periods", "distance_to_enter"})
    public record Watch(
            @JsonProperty("since") LocalDate since,
            @JsonProperty("periods") int periods,
            @JsonProperty("distance_to_enter") SortedMap<String, BigDecimal> distanceToEnter) {

        public Watch {
            Objects.requireNonNull(since, "since");
            distanceToEnter = distanceToEnter == null ? new java.util.TreeMap<>() : distanceToEnter;
        }
    }

    public TriggerEvent {
        Objects.requireNonNull(eventId, "event_id");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(sector, "sector");
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(period, "period");
        evidence = evidence == null ? new java.util.TreeMap<>() : evidence;
        thresholds = thresholds == null ? new java.util.TreeMap<>() : thresholds;
    }

    /**
     * The deterministic event id: the first 16 bytes of SHA-256 over the fields that identify a
     * decision, in hex.
     */
    public static String idFor(String policy, int version, String region, String sector, LocalDate period,
            Transition transition, String tier) {
        return idFor(policy, version, region, sector, period, transition, tier, null);
    }

    /** The id of an event; a CORRECTION also hashes the id it corrects, so each retraction is distinct. */
    public static String idFor(String policy, int version, String region, String sector, LocalDate period,
            Transition transition, String tier, String corrects) {
        String identity = String.join("|", policy, Integer.toString(version), region, sector, period.toString(),
                transition.name(), tier == null ? "" : tier) + (corrects == null ? "" : "|" + corrects);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Whether the policy is on for the key after this event (the {@code state} field of the trigger measurement). */
    public boolean on() {
        return tierLevel > 0;
    }

    /** The Kafka record key: events are keyed by region so one region's events stay in order. */
    public String kafkaKey() {
        return region;
    }
}
