package org.laborwatch.job;

import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.laborwatch.contract.MetricPoint;
import org.laborwatch.policy.Policy;
import org.laborwatch.policy.PolicyUpdate;
import org.laborwatch.trigger.PolicyBook;
import org.laborwatch.trigger.PolicyRoutes;

/**
 * Sends each metric point to every policy in effect that reads the metric and covers its region
 * and sector (the dynamic-keying step of the broadcast-rules pattern): a policy added at run time
 * starts receiving points without a redeploy.
 */
public final class RouteToPolicies extends BroadcastProcessFunction<MetricPoint, PolicyUpdate, PolicyInput> {

    private static final long serialVersionUID = 1L;

    private final PolicyBook book;

    /**
     * The routes of the policies in effect, built from the broadcast state when first needed. Only
     * {@link #processBroadcastElement} of this instance changes that state, and it drops them; a
     * restored instance starts without them. Rebuilding them for every point (the policies listed
     * and matched one by one) was a twentieth of the job's CPU in a run with history.
     */
    private transient PolicyRoutes routes;

    public RouteToPolicies(PolicyBook book) {
        this.book = book;
    }

    @Override
    public void processElement(MetricPoint point, ReadOnlyContext ctx, Collector<PolicyInput> out) throws Exception {
        if (routes == null) {
            routes = new PolicyRoutes(book.all(PolicyDescriptors.copy(ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES))));
        }
        for (Policy p : routes.readers(point)) {
            out.collect(new PolicyInput(p.id(), point));
        }
    }

    @Override
    public void processBroadcastElement(PolicyUpdate update, Context ctx, Collector<PolicyInput> out) throws Exception {
        routes = null;
        PolicyDescriptors.offer(book, update, ctx.getBroadcastState(PolicyDescriptors.POLICY_UPDATES));
    }
}
