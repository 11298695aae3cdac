package dev.lambdaconsole.simulators.triggers;

/**
 * One thing that invokes a function: an event source mapping, a bucket notification, a subscription, a rule's
 * target, an API route, the Function URL or a log subscription filter.
 *
 * @param id          stable and unique among the function's triggers (it names the source's own resource)
 * @param function    the function (its name) this trigger invokes
 * @param name        the bucket, queue, topic, rule, API, URL, stream, table or log group
 * @param details     one line of what it is set to, e.g. "Batch size: 10" or "POST /orders · HTTP API"
 * @param sourceArn   the ARN its deliveries carry (PushDelivery.sourceArn, Delivery.eventSourceArn)
 * @param state       Enabled, Disabled, Creating, …; null where the source has no state
 * @param canDisable  whether {@link FunctionTriggers#setEnabled} applies (mappings and EventBridge rules)
 */
public record Trigger(String id, TriggerKind kind, String function, String name, String details, String sourceArn,
                      String state, boolean canDisable) {
    /** Whether it delivers: no state, or a state other than Disabled/Disabling. */
    public boolean enabled() { return state == null || !(state.equals("Disabled") || state.equals("Disabling")); }
}
