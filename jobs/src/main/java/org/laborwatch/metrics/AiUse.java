package org.laborwatch.metrics;

import java.math.BigDecimal;
import java.util.List;
import org.laborwatch.contract.Frequency;
import org.laborwatch.policy.MetricNames;

/**
 * Census BTOS AI use (question 7, "Yes"): {@code ai_use_rate}, the published percent of businesses
 * as is (same precision as the input), and {@code ai_use_change}, rate(t) − rate(t − 6 biweekly
 * periods), in percentage points, exact (the scale of the inputs).
 *
 * <p>Periods are the Saturdays ending the two-week collection periods, two weeks apart. A
 * suppressed cell is absent, never zero: a period inside the known history without a value is
 * {@code unavailable}, and so is every change that reads it.
 */
public final class AiUse extends LaggedMetric {

    private static final long serialVersionUID = 1L;
    static final String INDICATOR = "ai_use_rate";
    /** Biweekly periods back for the change. */
    static final int CHANGE_PERIODS = 6;

    private final boolean change;

    private AiUse(boolean change) {
        super(change ? MetricNames.AI_USE_CHANGE : MetricNames.AI_USE_RATE, INDICATOR, List.of("nsa", "sa"),
                Frequency.BIWEEKLY, Frequency.BIWEEKLY, change ? new int[] {0, CHANGE_PERIODS} : new int[] {0});
        this.change = change;
    }

    /** {@code ai_use_rate}: the level. */
    public static AiUse rate() {
        return new AiUse(false);
    }

    /** {@code ai_use_change}: the change over six biweekly periods. */
    public static AiUse change() {
        return new AiUse(true);
    }

    @Override
    BigDecimal evaluate(BigDecimal[] v) {
        return change ? v[0].subtract(v[1]) : v[0];
    }
}
