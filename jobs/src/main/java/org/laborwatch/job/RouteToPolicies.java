package org.laborwatch.job;

import java.util.List;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;

/**
 * Sends each metric point to every policy in effect that reads the metric and covers its region
 * and sector (the dynamic-keying step of the broadcast-rules pattern): a policy added at run time
 * starts receiving points without a redeploy.
 */
public final class RouteToPolicies extends BroadcastProcessFunction<MetricPoint, PolicyUpdate, PolicyInput> {

    private static final long serialVersionUID = 1L;

    private final PolicyBook book;

    public RouteToPolicies(PolicyBook book) {
        this.book = book;
    }

    @Override
    public void processElement(MetricPoint point, ReadOnlyContext ctx, Collector<PolicyInput> out) throws Exception {
        List<Policy> policies = book.all(PolicyDescriptors.copy(ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES)));
        for (Policy p : policies) {
            if (p.reads(point)) {
                out.collect(new PolicyInput(p.id(), point));
            }
        }
    }

    @Override
    public void processBroadcastElement(PolicyUpdate update, Context ctx, Collector<PolicyInput> out) throws Exception {
        PolicyDescriptors.offer(book, update, ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES));
    }
}
