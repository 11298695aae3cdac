package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Lambda authorizers as API Gateway runs them: the identity sources are read from the request (a missing one is a
 * 401 without calling the function), the authorizer function is invoked (a REQUEST event of payload 2.0 or 1.0, or
 * a TOKEN event), its answer — a simple response {@code {isAuthorized, context}} or an IAM policy — is cached by
 * identity for the authorizer's TTL, and a policy is evaluated against the route or method ARN of each request.
 */
final class LambdaAuthorizers {
    /** Allowed (with what reaches requestContext.authorizer) or refused with API Gateway's reply. */
    record Decision(ServiceResponse refusal, JsonNode context) {
        static Decision allow(JsonNode context) { return new Decision(null, context); }

        static Decision refuse(int status, String message) {
            return new Decision(ProxyResponses.message(status, message), null);
        }
    }

    /** What to ask: the authorizer, its kind, the identity values, the event, and the ARN a policy must allow. */
    record Ask(String sourceArn, String authorizerId, String functionName, boolean rest, boolean simple,
               List<String> identity, int ttlSeconds, ObjectNode event, String resourceArn) {
    }

    private record Cached(long expiresAt, JsonNode answer) { }

    private final SyncInvoker invoker;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    LambdaAuthorizers(SyncInvoker invoker) { this.invoker = invoker; }

    CompletableFuture<Decision> authorize(Ask ask) {
        String key = ask.sourceArn() + "|" + ask.authorizerId() + "|" + String.join("\u0000", ask.identity());
        Cached cached = ask.ttlSeconds() > 0 ? cache.get(key) : null;
        if (cached != null && cached.expiresAt() > System.currentTimeMillis()) {
            return CompletableFuture.completedFuture(decide(ask, cached.answer()));
        }
        byte[] event = Json.bytes(ask.event());
        long timeout = ask.rest() ? 29_000 : 10_000;
        return invoker.invoke(ask.functionName(), event, timeout).thenApply(o -> {
            Decision d;
            JsonNode answer = null;
            if (o.result() == null) {
                d = ask.rest() ? Decision.refuse(500, null) : Decision.refuse(500, "Internal Server Error");
            } else if (o.functionError()) {
                boolean unauthorized = o.result().payloadText().contains("\"Unauthorized\"");
                d = unauthorized ? Decision.refuse(401, "Unauthorized")
                        : ask.rest() ? Decision.refuse(500, null) : Decision.refuse(500, "Internal Server Error");
            } else {
                try {
                    answer = Json.MAPPER.readTree(o.result().payload());
                } catch (IOException e) {
                    answer = null;
                }
                d = answer == null || !answer.isObject()
                        ? (ask.rest() ? Decision.refuse(500, null) : Decision.refuse(500, "Internal Server Error"))
                        : decide(ask, answer);
            }
            boolean decided = d.refusal() == null || d.refusal().status() == 403;
            if (answer != null && answer.isObject() && ask.ttlSeconds() > 0 && decided) {
                cache.put(key, new Cached(System.currentTimeMillis() + ask.ttlSeconds() * 1000L, answer));
            }
            invoker.record("apigateway", ask.sourceArn(), ask.functionName(), o,
                    d.refusal() == null ? 200 : d.refusal().status(), Json.write(ask.event()));
            return d;
        });
    }

    private static Decision decide(Ask ask, JsonNode answer) {
        JsonNode context = answer.path("context");
        if (ask.simple()) {
            if (!answer.path("isAuthorized").asBoolean(false)) return Decision.refuse(403, "Forbidden");
            ObjectNode authorizer = Json.object();
            authorizer.set("lambda", context.isObject() ? context : Json.object());
            return Decision.allow(authorizer);
        }
        String effect = evaluate(answer.path("policyDocument"), ask.resourceArn());
        if (!"Allow".equals(effect)) {
            if (ask.rest()) {
                return new Decision(ServiceResponse.text(403, "application/json", Json.write(Json.object().put("Message",
                        "User is not authorized to access this resource with an explicit deny"))), null);
            }
            return Decision.refuse(403, "Forbidden");
        }
        ObjectNode authorizer = Json.object();
        if (ask.rest()) {
            if (answer.hasNonNull("principalId")) authorizer.put("principalId", answer.get("principalId").asText());
            authorizer.put("integrationLatency", 0);
            if (context.isObject()) context.fields().forEachRemaining(e -> authorizer.put(e.getKey(),
                    e.getValue().isValueNode() ? e.getValue().asText() : Json.write(e.getValue())));
        } else {
            ObjectNode lambda = authorizer.putObject("lambda");
            if (context.isObject()) lambda.setAll((ObjectNode) context);
            if (answer.hasNonNull("principalId")) authorizer.put("principalId", answer.get("principalId").asText());
        }
        return Decision.allow(authorizer);
    }

    /** "Allow", "Deny" or null (no statement applies) for execute-api:Invoke on {@code arn}. */
    static String evaluate(JsonNode policy, String arn) {
        JsonNode statements = policy.path("Statement");
        List<JsonNode> list = new ArrayList<>();
        if (statements.isArray()) statements.forEach(list::add);
        else if (statements.isObject()) list.add(statements);
        String result = null;
        for (JsonNode s : list) {
            if (!matchesAny(s.path("Action"), "execute-api:Invoke") || !matchesAny(s.path("Resource"), arn)) continue;
            String effect = s.path("Effect").asText();
            if (effect.equals("Deny")) return "Deny";
            if (effect.equals("Allow")) result = "Allow";
        }
        return result;
    }

    private static boolean matchesAny(JsonNode patterns, String value) {
        if (patterns.isTextual()) return glob(patterns.asText(), value);
        if (patterns.isArray()) for (JsonNode p : patterns) if (glob(p.asText(), value)) return true;
        return false;
    }

    private static boolean glob(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*') regex.append(".*");
            else if (c == '?') regex.append('.');
            else regex.append(Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE).matcher(value).matches();
    }

    static ArrayNode array(List<String> values) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        values.forEach(a::add);
        return a;
    }
}
