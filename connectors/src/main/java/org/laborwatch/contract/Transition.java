package org.laborwatch.contract;

/** What a trigger event says happened (DESIGN.md, "Policies and trigger events"). */
public enum Transition {
    /** The policy turned on for the key. */
    ENTER,
    /** The policy turned off for the key. */
    EXIT,
    /** The key moved to a higher tier while on. */
    TIER_UP,
    /** The key moved to a lower tier while on. */
    TIER_DOWN,
    /** A past decision changed because its data were revised (policies in restate mode). */
    CORRECTION,
    /** The data a decision needs are unavailable (policies that ask to be told). */
    DATA_UNAVAILABLE,
    /** While off, the policy's early-warning {@code watch} condition began to hold for the key. */
    WATCH,
    /** The watch condition stopped holding without the policy turning on. */
    CLEAR
}
