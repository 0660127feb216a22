package org.laborwatch.policy;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A schedule: a value (a metric or an expression of metrics) mapped through bands to an output
 * level, such as Canada's EI variable entrance requirement (Employment Insurance Act s.7(2): 700
 * insured hours at a regional rate of 6 % or less, 35 fewer per point, 420 above 13 %).
 *
 * <p>A generalisation of tiers: band 0 is the policy's base tier and band i its tier
 * {@code band-i}, which holds while the value is above band i−1's upper bound, so the state
 * machine's rules for tiers (effective dates, TIER_UP / TIER_DOWN while ON) apply unchanged; the
 * events add the output, the level and the band ({@link #tiers}).
 *
 * @param of the scheduled value
 * @param output what the level is, such as {@code insured_hours}
 * @param unit the level's unit, such as {@code hours}; may be empty
 * @param bands ascending bands; each but the last has an upper bound
 */
public record Schedule(Expression of, String output, String unit, List<Band> bands) implements Serializable {

    /** The tier name prefix of bands above the lowest. */
    public static final String BAND = "band-";

    public Schedule {
        Objects.requireNonNull(of, "of");
        Objects.requireNonNull(output, "output");
        unit = unit == null ? "" : unit;
        bands = List.copyOf(bands);
    }

    /**
     * One band: values above the previous band's {@code upTo} and at most its own.
     *
     * @param upTo the band's inclusive upper bound; null for the last band
     * @param level the output level in the band
     */
    public record Band(BigDecimal upTo, BigDecimal level) implements Serializable {
        public Band {
            Objects.requireNonNull(level, "level");
        }
    }

    /** The lower bound (exclusive) of band {@code i}; null for the lowest. */
    public BigDecimal above(int i) {
        return i == 0 ? null : bands.get(i - 1).upTo();
    }

    /** The tiers that stand for the bands above the lowest: {@code band-i} while the value is above band i-1's bound. */
    public List<Policy.Tier> tiers() {
        List<Policy.Tier> tiers = new ArrayList<>();
        for (int i = 1; i < bands.size(); i++) {
            tiers.add(new Policy.Tier(BAND + i,
                    new Condition.Relation(of, Comparison.GT, new Expression.Constant(above(i)))));
        }
        return tiers;
    }

    /** The band a tier stands for: 0 for the base tier, i for {@code band-i}. */
    public int bandOf(String tier) {
        return tier != null && tier.startsWith(BAND) ? Integer.parseInt(tier.substring(BAND.length())) : 0;
    }
}
