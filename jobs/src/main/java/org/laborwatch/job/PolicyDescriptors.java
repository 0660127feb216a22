package org.laborwatch.job;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.BroadcastState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedBroadcastProcessFunction;
import org.apache.flink.util.OutputTag;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;

/** The broadcast state and side output shared by the policy-aware operators. */
public final class PolicyDescriptors {

    private PolicyDescriptors() {}

    /**
     * Policy updates in effect, by id, as their YAML/JSON text: plain strings keep the checkpoint
     * format independent of the policy classes.
     */
    public static final MapStateDescriptor<String, String> POLICY_UPDATES =
            new MapStateDescriptor<>("policy-updates", Types.STRING, Types.STRING);

    /** Acknowledgements of policy updates: applied, or refused with the reason. */
    public static final OutputTag<PolicyAck> POLICY_ACKS = new OutputTag<>("policy-acks") {};

    static Map<String, String> copy(ReadOnlyBroadcastState<String, String> state) throws Exception {
        Map<String, String> held = new HashMap<>();
        for (Map.Entry<String, String> e : state.immutableEntries()) {
            held.put(e.getKey(), e.getValue());
        }
        return held;
    }

    /**
     * Offers a policy update to {@code book} and, when it is applied, keeps its text in the broadcast
     * state: how every policy-aware operator takes an update, so they all hold the same policies.
     */
    static PolicyBook.Decision offer(PolicyBook book, PolicyUpdate update, BroadcastState<String, String> held) {
        PolicyBook.Decision d = book.offer(update, id -> {
            try {
                return held.get(id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (d.applied()) {
            try {
                held.put(d.id(), update.text());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return d;
    }

    /**
     * Drops the keyed state of the keys ({@code policy|region|sector}, {@link org.laborwatch.trigger.TriggerKey})
     * an updated policy no longer covers; keys it still covers keep their state, which is keyed by
     * policy id, not version.
     */
    static <T> void dropKeysNoLongerCovered(KeyedBroadcastProcessFunction<String, ?, ?, ?>.Context ctx, Policy updated,
            ValueStateDescriptor<T> descriptor) throws Exception {
        ctx.applyToKeyedState(descriptor, (String key, ValueState<T> keyed) -> {
            String[] parts = key.split("\\|", 3);
            if (parts[0].equals(updated.id()) && !updated.scope().covers(parts[1], parts[2])) {
                keyed.clear();
            }
        });
    }
}
