package org.laborwatch.job;

import org.laborwatch.contract.MetricPoint;

/**
 * A metric point routed to one policy that reads it.
 *
 * @param policy policy id
 * @param point the metric point
 */
public record PolicyInput(String policy, MetricPoint point) {

    /** The trigger operator's key: one state machine per policy, region and sector. */
    public String key() {
        return org.laborwatch.trigger.TriggerKey.of(policy, point.region(), point.sector());
    }
}
