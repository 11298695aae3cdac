package dev.lambdaconsole.simulators.triggers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.functionurls.FunctionUrlService;
import dev.lambdaconsole.simulators.mappings.Delivery;
import dev.lambdaconsole.simulators.mappings.Mapping;
import dev.lambdaconsole.simulators.push.PushDelivery;
import dev.lambdaconsole.simulators.s3.S3Service;
import dev.lambdaconsole.simulators.sns.SnsService;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Each source's resource as a {@link Trigger}: its name and details as the Lambda console words them, and an id
 * that names the resource (kind and keys joined by '|', which none of the keys can hold except the last).
 */
final class TriggerViews {
    private static final String SEP = "|";

    private TriggerViews() { }

    private static String id(String prefix, String... keys) { return prefix + SEP + String.join(SEP, keys); }

    /** The keys an id holds (after its prefix). */
    static List<String> ref(Trigger t) {
        String[] parts = t.id().split("\\|", t.kind() == TriggerKind.LOGS ? 3 : -1);
        return Arrays.asList(parts).subList(1, parts.length);
    }

    static Trigger mapping(String function, Mapping m) {
        TriggerKind kind = switch (m.kind()) {
            case SQS -> TriggerKind.SQS;
            case KINESIS -> TriggerKind.KINESIS;
            default -> TriggerKind.DYNAMODB;
        };
        List<String> d = new ArrayList<>();
        if (m.batchSize() != null) d.add("Batch size: " + m.batchSize());
        if (m.maximumBatchingWindowInSeconds() != null && m.maximumBatchingWindowInSeconds() > 0) {
            d.add("Batch window: " + m.maximumBatchingWindowInSeconds() + " s");
        }
        if (m.startingPosition() != null) d.add("Starting position: " + m.startingPosition());
        if (m.filterCriteria() != null && m.filterCriteria().path("Filters").size() > 0) {
            d.add("Filters: " + m.filterCriteria().path("Filters").size());
        }
        if (m.reportsBatchItemFailures()) d.add("Report batch item failures");
        return new Trigger(id("mapping", m.uuid()), kind, function, sourceName(m.eventSourceArn()), String.join(" · ", d),
                m.eventSourceArn(), m.state(), true);
    }

    /** The queue, stream or table an ARN names. */
    static String sourceName(String arn) {
        if (arn == null) return "";
        int table = arn.indexOf(":table/");
        if (table >= 0) {
            String rest = arn.substring(table + 7);
            int slash = rest.indexOf('/');
            return slash < 0 ? rest : rest.substring(0, slash);
        }
        int stream = arn.indexOf(":stream/");
        if (stream >= 0) return arn.substring(stream + 8);
        return arn.substring(arn.lastIndexOf(':') + 1);
    }

    static Trigger bucket(String function, S3Service.NotificationEntry n) {
        StringBuilder d = new StringBuilder("Events: ").append(String.join(", ", n.events()));
        if (n.prefix() != null && !n.prefix().isEmpty()) d.append(" · prefix ").append(n.prefix());
        if (n.suffix() != null && !n.suffix().isEmpty()) d.append(" · suffix ").append(n.suffix());
        return new Trigger(id("s3", n.bucket(), n.id()), TriggerKind.S3, function, n.bucket(), d.toString(),
                "arn:aws:s3:::" + n.bucket(), null, false);
    }

    static Trigger subscription(String function, SnsService.SubscriptionView s) {
        String policy = s.attributes().get("FilterPolicy");
        String details = policy == null || policy.isBlank() ? "Subscription: " + s.subscriptionArn()
                : "Filter policy: " + compact(policy);
        return new Trigger(id("sns", s.subscriptionArn()), TriggerKind.SNS, function, sourceName(s.topicArn()), details,
                s.topicArn(), null, false);
    }

    static Trigger rule(String function, EventBridgeService.RuleView r, JsonNode target) {
        boolean schedule = r.scheduleExpression() != null && !r.scheduleExpression().isBlank();
        List<String> d = new ArrayList<>();
        if (schedule) d.add(r.scheduleExpression());
        if (r.eventPattern() != null && !r.eventPattern().isBlank()) d.add("Pattern: " + compact(r.eventPattern()));
        if (!"default".equals(r.eventBusName())) d.add("Bus: " + r.eventBusName());
        TriggerKind kind = schedule && (r.eventPattern() == null || r.eventPattern().isBlank())
                ? TriggerKind.SCHEDULE : TriggerKind.EVENTBRIDGE_RULE;
        return new Trigger(id("rule", r.eventBusName(), r.name(), target.path("Id").asText()), kind, function, r.name(),
                String.join(" · ", d), r.arn(), r.enabled() ? "Enabled" : "Disabled", true);
    }

    static Trigger route(String function, ApiGatewayService.LambdaRoute r) {
        return new Trigger(id("api", r.protocol(), r.apiId(), r.routeId(), r.routeKey()), TriggerKind.API_GATEWAY,
                function, r.apiName(), r.routeKey() + " · " + r.protocol() + " API · " + r.url(), r.sourceArn(), null,
                false);
    }

    static Trigger url(String function, FunctionUrlService.FunctionUrl u, String functionArn) {
        return new Trigger(id("url", function), TriggerKind.FUNCTION_URL, function, u.url(),
                "Auth type: " + u.authType() + " · Invoke mode: " + u.invokeMode(), functionArn, null, false);
    }

    static Trigger logs(String function, SubscriptionFilters.Filter f, String logGroupArn) {
        String pattern = f.filterPattern() == null || f.filterPattern().isEmpty() ? "(all events)" : "\"" + f.filterPattern() + "\"";
        return new Trigger(id("logs", f.logGroupName(), f.filterName()), TriggerKind.LOGS, function, f.logGroupName(),
                "Filter: " + f.filterName() + " · pattern " + pattern, logGroupArn, null, false);
    }

    private static String compact(String json) {
        String s = json.replaceAll("\\s+", " ").trim();
        return s.length() > 120 ? s.substring(0, 119) + "…" : s;
    }

    static String destinationName(Destination.Kind kind, String arn) {
        return switch (kind) {
            case EVENT_BUS -> arn.substring(arn.lastIndexOf('/') + 1);
            case S3 -> arn.substring(arn.lastIndexOf(':') + 1);
            case LAMBDA -> {
                int at = arn.indexOf(":function:");
                yield at < 0 ? arn : arn.substring(at + 10);
            }
            default -> arn.substring(arn.lastIndexOf(':') + 1);
        };
    }

    // ---- results ----

    static LastResult result(Delivery d) {
        String outcome = switch (d.result()) {
            case "OK" -> "OK";
            case "PARTIAL" -> "Partial (" + d.failed() + " failed)";
            case "FUNCTION_ERROR" -> "Function error";
            case "THROTTLED" -> "Throttled";
            case "FILTERED" -> "Filtered out";
            case "DISCARDED" -> "Discarded";
            case "ERROR" -> "Error";
            default -> d.result();
        };
        if (d.attempt() > 1 && !d.result().equals("OK")) outcome += " (attempt " + d.attempt() + ")";
        return new LastResult(d.timeEpochMs(), outcome, d.result().equals("OK") || d.result().equals("FILTERED"));
    }

    static LastResult result(PushDelivery d) {
        String outcome = switch (d.status()) {
            case PushDelivery.SUCCESS -> "OK";
            case PushDelivery.QUEUED -> "Queued";
            case PushDelivery.FUNCTION_ERROR -> "Function error";
            case PushDelivery.RETRIES_EXHAUSTED -> "Failed after " + d.attempts() + " attempts";
            case PushDelivery.EVENT_AGE_EXCEEDED -> "Event too old";
            case PushDelivery.ERROR -> "Error";
            default -> d.status();
        };
        if (d.statusCode() != null && !d.status().equals(PushDelivery.SUCCESS)) outcome += " (HTTP " + d.statusCode() + ")";
        return new LastResult(d.timeEpochMs(), outcome, d.status().equals(PushDelivery.SUCCESS));
    }
}
