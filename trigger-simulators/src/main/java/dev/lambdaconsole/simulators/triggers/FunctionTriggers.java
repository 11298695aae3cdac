package dev.lambdaconsole.simulators.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceRegistry;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import dev.lambdaconsole.simulators.SimulatorServices;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.mappings.MappingService;
import dev.lambdaconsole.simulators.push.PushDelivery;
import dev.lambdaconsole.simulators.s3.S3Service;
import dev.lambdaconsole.simulators.sns.SnsService;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A function's triggers and destinations across every local source, as the Lambda console's function overview
 * and Configuration → Triggers show them, with enable/disable and delete. Each call reads the services' current
 * state (cheap: in-memory maps and small JSON files); {@link #addChangeListener} says when to read again.
 *
 * <p>Delete does what the Lambda console's "Delete trigger" does to the source: a mapping is deleted; the bucket
 * loses that one notification entry (the others stay); the subscription is removed; the rule loses its target
 * (the rule stays); the Function URL configuration is deleted; the subscription filter is deleted. For API Gateway
 * the Lambda console removes the function's permission, which the local gateway does not check, so here the route
 * itself is taken off the function: an HTTP API loses the route (and its integration when no other route uses
 * it), a REST resource loses that method. The API and its stages stay.
 */
public final class FunctionTriggers {
    private final ServiceContext context;
    private final SimulatorServices services;
    private final TriggerChanges changes;

    public FunctionTriggers(ServiceContext context, SimulatorServices services) {
        this.context = context;
        this.services = services;
        this.changes = new TriggerChanges();
    }

    /** Starts telling listeners of changes: requests answered by the endpoint, mapping changes. */
    public AutoCloseable start(ServiceRegistry registry) {
        AutoCloseable requests = registry.addRequestListener((service, request, status) -> {
            if (TriggerChanges.changesTriggers(service, request, status)) changes.changed();
        });
        AutoCloseable mapped = services.mappings().map(m -> m.subscribe(x -> changes.changed())).orElse(() -> { });
        AutoCloseable workspace = listen();
        return () -> {
            requests.close();
            mapped.close();
            workspace.close();
            changes.close();
        };
    }

    private AutoCloseable listen() {
        java.util.function.Consumer<dev.lambdaconsole.runtime.workspace.WorkspaceChange> l = c -> changes.changed();
        context.workspace().addListener(l);
        return () -> context.workspace().removeListener(l);
    }

    /**
     * Calls {@code listener} (on a thread of its own, coalesced: one call for a burst of changes) after a change
     * to any source's configuration: the Lambda API, mappings, bucket notifications, subscriptions, rules and
     * targets, APIs, Function URLs, subscription filters, whether made through the endpoint or in process.
     */
    public AutoCloseable addChangeListener(Runnable listener) { return changes.add(listener); }

    /** Tells the listeners of a change made in process by code that does not go through this class. */
    public void changed() { changes.changed(); }

    // ---- triggers ----

    /** Every trigger of a function (its name), source by source. */
    public List<Trigger> triggersOf(String function) {
        List<Trigger> out = new ArrayList<>();
        services.mappings().ifPresent(m -> m.list(null, function).forEach(x -> out.add(TriggerViews.mapping(function, x))));
        services.s3().ifPresent(s3 -> s3.notifications().stream()
                .filter(n -> n.kind().equals("lambda") && invokes(n.destinationArn(), function))
                .forEach(n -> out.add(TriggerViews.bucket(function, n))));
        services.sns().ifPresent(sns -> sns.subscriptions().stream()
                .filter(s -> s.protocol().equals("lambda") && invokes(s.endpoint(), function))
                .forEach(s -> out.add(TriggerViews.subscription(function, s))));
        services.eventBridge().ifPresent(events -> {
            for (EventBridgeService.RuleView r : events.ruleViews()) {
                for (JsonNode t : r.targets()) {
                    if (invokes(t.path("Arn").asText(null), function)) out.add(TriggerViews.rule(function, r, t));
                }
            }
        });
        ApiGatewayService apis = services.apiGateway();
        if (apis != null) {
            apis.lambdaRoutes().stream().filter(r -> invokes(r.functionArn(), function))
                    .forEach(r -> out.add(TriggerViews.route(function, r)));
        }
        FunctionUrlService urls = services.functionUrls().orElse(null);
        if (urls != null) {
            urls.urlOf(function).ifPresent(u -> out.add(TriggerViews.url(function, u,
                    context.engine().settings().functionArn(function))));
        }
        SubscriptionFilters logs = context.logSubscriptions();
        if (logs != null) {
            logs.filters().stream().filter(f -> invokes(f.destinationArn(), function))
                    .forEach(f -> out.add(TriggerViews.logs(function, f, "arn:aws:logs:" + context.region() + ":"
                            + context.accountId() + ":log-group:" + f.logGroupName())));
        }
        return out;
    }

    /** Whether {@code arn} (a function ARN, with or without qualifier, or a name) names {@code function}. */
    static boolean invokes(String arn, String function) {
        if (arn == null || arn.isEmpty()) return false;
        try {
            return FunctionNames.parse(arn, null).name().equals(function);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Enables or disables a mapping (Enabled) or an EventBridge rule (EnableRule/DisableRule). */
    public void setEnabled(Trigger trigger, boolean enabled) {
        if (!trigger.canDisable()) {
            throw new IllegalArgumentException("A " + trigger.kind().label() + " trigger cannot be disabled: delete it instead.");
        }
        List<String> ref = TriggerViews.ref(trigger);
        switch (trigger.kind()) {
            case SQS, KINESIS, DYNAMODB -> mappings().update(ref.get(0), Json.object().put("Enabled", enabled));
            case EVENTBRIDGE_RULE, SCHEDULE -> events().setRuleEnabled(ref.get(0), ref.get(1), enabled);
            default -> throw new IllegalStateException("Unexpected kind " + trigger.kind());
        }
        changes.changed();
    }

    /** Deletes the trigger from its source (see the class comment for what each source loses). */
    public void delete(Trigger trigger) {
        List<String> ref = TriggerViews.ref(trigger);
        switch (trigger.kind()) {
            case SQS, KINESIS, DYNAMODB -> mappings().delete(ref.get(0));
            case S3 -> services.s3().orElseThrow(() -> notRunning("S3")).removeNotification(ref.get(0), ref.get(1));
            case SNS -> services.sns().orElseThrow(() -> notRunning("SNS")).unsubscribe(ref.get(0));
            case EVENTBRIDGE_RULE, SCHEDULE -> events().removeTargets(ref.get(0), ref.get(1), List.of(ref.get(2)));
            case API_GATEWAY -> {
                ApiGatewayService apis = services.apiGateway();
                if (apis == null) throw notRunning("API Gateway");
                apis.lambdaRoutes().stream().filter(r -> TriggerViews.route(trigger.function(), r).id().equals(trigger.id()))
                        .findFirst().ifPresent(apis::deleteLambdaRoute);
            }
            case FUNCTION_URL -> {
                FunctionUrlService urls = services.functionUrls().orElse(null);
                if (urls == null) throw notRunning("Function URLs");
                urls.deleteUrl(trigger.function());
            }
            case LOGS -> {
                SubscriptionFilters logs = context.logSubscriptions();
                if (logs == null) throw notRunning("CloudWatch Logs");
                logs.delete(Json.object().put("logGroupName", ref.get(0)).put("filterName", ref.get(1)));
            }
        }
        changes.changed();
    }

    private MappingService mappings() { return services.mappings().orElseThrow(() -> notRunning("Event source mappings")); }

    private EventBridgeService events() { return services.eventBridge().orElseThrow(() -> notRunning("EventBridge")); }

    private static IllegalStateException notRunning(String service) {
        return new IllegalStateException("The local " + service + " service is not running.");
    }

    // ---- what became of the newest delivery ----

    /** The trigger's newest delivery to its function, if any. */
    public Optional<LastResult> lastResult(Trigger trigger) {
        switch (trigger.kind()) {
            case SQS, KINESIS, DYNAMODB -> {
                MappingService m = services.mappings().orElse(null);
                if (m == null) return Optional.empty();
                List<Delivery> recent = m.deliveries().recent(TriggerViews.ref(trigger).get(0));
                return recent.isEmpty() ? Optional.empty() : Optional.of(TriggerViews.result(recent.get(recent.size() - 1)));
            }
            default -> {
                if (services.push() == null) return Optional.empty();
                List<PushDelivery> recent = services.push().recent(d -> trigger.sourceArn().equals(d.sourceArn())
                        && trigger.function().equals(d.functionName()));
                return recent.isEmpty() ? Optional.empty() : Optional.of(TriggerViews.result(recent.get(recent.size() - 1)));
            }
        }
    }

    // ---- destinations ----

    /** The function's asynchronous invocation destinations and its mappings' on-failure destinations. */
    public List<Destination> destinationsOf(String function) {
        List<Destination> out = new ArrayList<>();
        if (context.workspace().exists(function)) {
            EventInvokeConfig config = context.workspace().eventInvokeConfig(function);
            EventInvokeConfig.DestinationConfig d = config.destinationConfig();
            if (d != null) {
                if (d.onSuccess() != null) add(out, d.onSuccess().destination(), Destination.Condition.ON_SUCCESS, null);
                if (d.onFailure() != null) add(out, d.onFailure().destination(), Destination.Condition.ON_FAILURE, null);
            }
        }
        services.mappings().ifPresent(m -> {
            for (Mapping x : m.list(null, function)) {
                add(out, x.onFailureDestination(), Destination.Condition.MAPPING_ON_FAILURE,
                        TriggerViews.sourceName(x.eventSourceArn()));
            }
        });
        return out;
    }

    private static void add(List<Destination> out, String arn, Destination.Condition condition, String source) {
        if (arn == null || arn.isBlank()) return;
        Destination.Kind kind = Destination.Kind.of(arn);
        if (kind == null) return;
        out.add(new Destination(kind, arn, TriggerViews.destinationName(kind, arn), condition, source));
    }
}
