package org.laborwatch.contract;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * The unit of an observed value, with the range a published value in that unit can take.
 *
 * <p>A value outside the range is a data error (a percent above 100, a negative count) and goes to
 * the dead-letter output instead of into a metric.
 */
public enum Unit {
    PERCENT(BigDecimal.ZERO, BigDecimal.valueOf(100)),
    COUNT(BigDecimal.ZERO, null),
    THOUSANDS(BigDecimal.ZERO, null),
    INDEX(BigDecimal.ZERO, null),
    USD_PER_HOUR(BigDecimal.ZERO, null),
    /** 0 or 1, such as the NBER recession indicator USREC. */
    FLAG(BigDecimal.ZERO, BigDecimal.ONE);

    /** The lower-case name, made once: asked for every record, it made a new string each time. */
    private final String lowerCaseName = name().toLowerCase(Locale.ROOT);

    private final BigDecimal min;
    private final BigDecimal max;

    Unit(BigDecimal min, BigDecimal max) {
        this.min = min;
        this.max = max;
    }

    public String jsonName() {
        return lowerCaseName;
    }

    /** Returns the unit with this JSON name, or {@code null}. */
    public static Unit fromJson(String name) {
        for (Unit u : values()) {
            if (u.jsonName().equals(name)) {
                return u;
            }
        }
        return null;
    }

    /** Whether a value in this unit can be real. */
    public boolean admits(BigDecimal value) {
        return (min == null || value.compareTo(min) >= 0) && (max == null || value.compareTo(max) <= 0);
    }

    /** The admissible range in words, for rejection reasons. */
    public String range() {
        return "[" + (min == null ? "-inf" : min.toPlainString()) + ", "
                + (max == null ? "+inf" : max.toPlainString()) + "]";
    }
}
