package org.laborwatch.job;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ReadOnlyBroadcastState;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.OutputTag;

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
}
