package org.laborwatch.trigger;

/**
 * The key of one trigger state machine: a policy in one region and sector. The job keys its trigger
 * operator by it and the backtest its states and episodes, so both must build it here.
 */
public final class TriggerKey {

    private TriggerKey() {}

    /**
     * The key of {@code policy} in {@code region} and {@code sector}. Policy ids cannot contain
     * {@code |} (the policy reader refuses them), so the key is unambiguous.
     */
    public static String of(String policy, String region, String sector) {
        return policy + "|" + region + "|" + sector;
    }

    /** The policy of a key made by {@link #of}. */
    public static String policyOf(String key) {
        return key.substring(0, key.indexOf('|'));
    }
}
