package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The APIs themselves: requests to {@code http://{apiId}.execute-api.localhost:{port}/…} (or the path-style
 * {@code /_aws/execute-api/{apiId}/…}) are routed as API Gateway routes them — HTTP APIs by stage and route
 * (CORS preflights answered by the API), REST APIs by stage, resource and method of the stage's deployment —
 * authorized by Lambda authorizers, handed to the function as a payload 2.0 or 1.0 event and answered with the
 * function's response.
 */
public final class ExecuteApi implements ServiceEndpoint {
    private final ApiStore store;
    private final SyncInvoker invoker;
    private final LambdaAuthorizers authorizers;
    private final String region;
    private final String accountId;

    ExecuteApi(ApiStore store, SyncInvoker invoker, String region, String accountId) {
        this.store = store;
        this.invoker = invoker;
        this.authorizers = new LambdaAuthorizers(invoker);
        this.region = region;
        this.accountId = accountId;
    }

    @Override public String name() { return "execute-api"; }

    @Override public Set<String> signingNames() { return Set.of("execute-api"); }

    @Override
    public boolean claimsPath(ServiceRequest request) {
        return request.host().contains(".execute-api.") || request.path().startsWith(ApiUrls.EXECUTE_API_PATH);
    }

    @Override public boolean blocking(ServiceRequest request) { return false; }

    @Override public boolean expected(Throwable error) { return true; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        return ProxyResponses.message(500, "Internal Server Error");
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest r) {
        String apiId;
        String rawPath;
        String domain;
        if (r.host().contains(".execute-api.")) {
            apiId = r.host().substring(0, r.host().indexOf('.'));
            rawPath = r.path();
            domain = r.host();
        } else {
            String rest = r.path().substring(ApiUrls.EXECUTE_API_PATH.length());
            int slash = rest.indexOf('/');
            apiId = slash < 0 ? rest : rest.substring(0, slash);
            rawPath = slash < 0 ? "/" : rest.substring(slash);
            domain = apiId + ".execute-api.localhost";
        }
        ProxyRequest pr = ProxyRequest.of(r, rawPath, domain);
        JsonNode[] api = store.read(root -> new JsonNode[] {root.get("http").get(apiId), root.get("rest").get(apiId)});
        if (api[0] != null) return http(pr, apiId, api[0]);
        if (api[1] != null) return rest(pr, apiId, api[1]);
        return done(ProxyResponses.message(404, "Not Found"));
    }

    // ---- HTTP APIs ---------------------------------------------------------------------------------------------

    private record HttpRoute(String routeKey, String routeId, String path, JsonNode integration, JsonNode authorizer,
                             String stage, JsonNode stageVariables, Map<String, String> params) { }

    private CompletionStage<ServiceResponse> http(ProxyRequest pr, String apiId, JsonNode apiNode) {
        CorsRules cors;
        HttpRoute route;
        synchronized (store) {
            cors = CorsRules.fromHttpApi(apiNode.get("api").get("corsConfiguration"));
            route = cors != null && CorsRules.isPreflight(pr.http()) ? null : httpRoute(pr, apiNode);
        }
        if (cors != null && CorsRules.isPreflight(pr.http())) {
            return done(withRequestId(cors.preflight(pr.http(), 204), pr));
        }
        if (route == null) return done(withRequestId(ProxyResponses.message(404, "Not Found"), pr));
        String sourceArn = "arn:aws:apigateway:" + region + "::/apis/" + apiId;
        if (route.integration() == null) {
            return done(withRequestId(ProxyResponses.message(500, "Internal Server Error"), pr));
        }
        Map<String, String> stageVariables = strings(route.stageVariables());
        CompletableFuture<LambdaAuthorizers.Decision> authorized;
        if (route.authorizer() != null) {
            authorized = httpAuthorize(pr, apiId, route, stageVariables, sourceArn);
        } else {
            authorized = CompletableFuture.completedFuture(LambdaAuthorizers.Decision.allow(null));
        }
        return authorized.thenCompose(d -> {
            if (d.refusal() != null) return done(withRequestId(cors == null ? d.refusal() : cors.decorate(pr.http(), d.refusal()), pr));
            JsonNode integration = route.integration();
            boolean v2 = integration.path("payloadFormatVersion").asText("2.0").equals("2.0");
            ProxyEvents.Target target = new ProxyEvents.Target(apiId, accountId, route.stage(), route.routeKey(),
                    route.params(), stageVariables, d.context());
            ObjectNode event = v2 ? ProxyEvents.v2(pr, target, false)
                    : ProxyEvents.v1(pr, target, route.path(), route.routeId(), pr.rawPath(), true,
                    !ProxyRequest.textual(pr.http().header("Content-Type")));
            String fn = Functions.nameOf(integration.path("integrationUri").asText());
            byte[] bytes = Json.bytes(event);
            String qualifier = Functions.qualifierOf(integration.path("integrationUri").asText());
            return invoker.invoke(fn, qualifier, bytes, integration.path("timeoutInMillis").asInt(30000)).thenApply(o -> {
                ServiceResponse response;
                if (o.timedOut()) {
                    response = ProxyResponses.message(504, "Endpoint request timed out");
                } else if (o.result() == null || o.functionError()) {
                    response = ProxyResponses.message(500, "Internal Server Error");
                } else {
                    try {
                        response = v2 ? ProxyResponses.v2(o.result().payload()) : ProxyResponses.v1(o.result().payload());
                    } catch (ProxyResponses.Malformed e) {
                        response = ProxyResponses.message(500, "Internal Server Error");
                    }
                }
                invoker.record("apigateway", sourceArn, fn, o, response.status(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                if (cors != null) response = cors.decorate(pr.http(), response);
                return withRequestId(response, pr);
            });
        });
    }

    private HttpRoute httpRoute(ProxyRequest pr, JsonNode api) {
        List<String> parts = PathTemplates.segments(pr.rawPath());
        String stage;
        String path;
        JsonNode stages = api.get("stages");
        if (!parts.isEmpty() && !parts.get(0).equals("$default") && stages.has(ProxyRequest.decode(parts.get(0)))) {
            stage = ProxyRequest.decode(parts.get(0));
            path = pr.rawPath().substring(pr.rawPath().indexOf('/', 1) < 0 ? pr.rawPath().length() : pr.rawPath().indexOf('/', 1));
            if (path.isEmpty()) path = "/";
        } else if (stages.has("$default")) {
            stage = "$default";
            path = pr.rawPath();
        } else {
            return null;
        }
        JsonNode best = null;
        int bestScore = -1;
        Map<String, String> bestParams = null;
        String bestPath = null;
        JsonNode fallback = null;
        for (JsonNode route : api.get("routes")) {
            String key = route.get("routeKey").asText();
            if (key.equals("$default")) {
                fallback = route;
                continue;
            }
            int space = key.indexOf(' ');
            String method = key.substring(0, space);
            String template = key.substring(space + 1);
            if (!method.equals("ANY") && !method.equals(pr.method())) continue;
            Map<String, String> params = PathTemplates.match(template, path);
            if (params == null) continue;
            int score = PathTemplates.specificity(template) * 2 + (method.equals("ANY") ? 0 : 1);
            if (score > bestScore) {
                best = route;
                bestScore = score;
                bestParams = params;
                bestPath = template;
            }
        }
        if (best == null) {
            if (fallback == null) return null;
            best = fallback;
            bestParams = Map.of();
            bestPath = "$default";
        }
        JsonNode integration = null;
        String target = best.path("target").asText("");
        if (target.startsWith("integrations/")) integration = api.get("integrations").get(target.substring(13));
        JsonNode authorizer = best.path("authorizationType").asText("NONE").equals("CUSTOM")
                ? api.get("authorizers").get(best.path("authorizerId").asText("")) : null;
        return new HttpRoute(best.get("routeKey").asText(), best.get("routeId").asText(), bestPath,
                integration == null ? null : integration.deepCopy(), authorizer == null ? null : authorizer.deepCopy(),
                stage, stages.get(stage).path("stageVariables").deepCopy(), bestParams);
    }

    private CompletableFuture<LambdaAuthorizers.Decision> httpAuthorize(ProxyRequest pr, String apiId, HttpRoute route,
                                                                        Map<String, String> stageVariables, String sourceArn) {
        JsonNode a = route.authorizer();
        List<String> identity = new ArrayList<>();
        for (JsonNode source : a.path("identitySource")) {
            String value = identityValue(pr, source.asText(), stageVariables, route.stage());
            if (value == null || value.isEmpty()) {
                return CompletableFuture.completedFuture(LambdaAuthorizers.Decision.refuse(401, "Unauthorized"));
            }
            identity.add(value);
        }
        String routeArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + route.stage() + "/"
                + pr.method() + ProxyRequest.decode(pr.rawPath());
        ProxyEvents.Target target = new ProxyEvents.Target(apiId, accountId, route.stage(), route.routeKey(),
                route.params(), stageVariables, null);
        boolean v2 = a.path("authorizerPayloadFormatVersion").asText("2.0").equals("2.0");
        ObjectNode event;
        if (v2) {
            ObjectNode full = ProxyEvents.v2(pr, target, false);
            event = Json.object();
            event.put("version", "2.0");
            event.put("type", "REQUEST");
            event.put("routeArn", routeArn);
            event.set("identitySource", LambdaAuthorizers.array(identity));
            full.fields().forEachRemaining(e -> {
                if (!Set.of("version", "body", "isBase64Encoded").contains(e.getKey())) event.set(e.getKey(), e.getValue());
            });
        } else {
            event = ProxyEvents.v1(pr, target, route.path(), route.routeId(), pr.rawPath(), true, false);
            event.remove("body");
            event.remove("isBase64Encoded");
            event.put("type", "REQUEST");
            event.put("methodArn", routeArn);
            event.put("identitySource", String.join(",", identity));
        }
        String fn = Functions.nameOf(a.path("authorizerUri").asText());
        return authorizers.authorize(new LambdaAuthorizers.Ask(sourceArn, a.get("authorizerId").asText(), fn, false,
                a.path("enableSimpleResponses").asBoolean(false), identity,
                a.path("authorizerResultTtlInSeconds").asInt(0), event, routeArn));
    }

    /** An identity source's value: {@code $request.header.X}, {@code $request.querystring.x}, {@code $stageVariables.x}. */
    private static String identityValue(ProxyRequest pr, String source, Map<String, String> stageVariables, String stage) {
        String s = source.startsWith("$") ? source.substring(1) : source;
        s = s.replaceFirst("^method\\.request\\.", "request.");
        if (s.startsWith("request.header.")) {
            List<String> values = pr.http().headers().get(s.substring("request.header.".length()));
            return values == null ? null : String.join(",", values);
        }
        if (s.startsWith("request.querystring.")) {
            List<String> values = pr.http().queryAll(s.substring("request.querystring.".length()));
            return values.isEmpty() ? null : String.join(",", values);
        }
        if (s.startsWith("stageVariables.")) return stageVariables.get(s.substring("stageVariables.".length()));
        if (s.equals("context.stage")) return stage;
        if (s.startsWith("context.")) return "";
        return null;
    }

    // ---- REST APIs ---------------------------------------------------------------------------------------------

    private record RestRoute(String stage, JsonNode stageVariables, JsonNode resource, JsonNode method,
                             JsonNode authorizer, Map<String, String> params, String path, boolean binary) { }

    private CompletionStage<ServiceResponse> rest(ProxyRequest pr, String apiId, JsonNode apiNode) {
        RestRoute route;
        synchronized (store) {
            route = restRoute(pr, apiNode);
        }
        if (route == null) return done(ProxyResponses.message(403, "Missing Authentication Token"));
        String sourceArn = "arn:aws:apigateway:" + region + "::/restapis/" + apiId;
        Map<String, String> stageVariables = strings(route.stageVariables());
        String resourcePath = route.resource().get("path").asText();
        String methodArn = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/" + route.stage() + "/"
                + pr.method() + ProxyRequest.decode(route.path());
        ProxyEvents.Target target = new ProxyEvents.Target(apiId, accountId, route.stage(), null, route.params(),
                stageVariables, null);
        CompletableFuture<LambdaAuthorizers.Decision> authorized;
        if (route.authorizer() != null) {
            authorized = restAuthorize(pr, route, target, resourcePath, methodArn, sourceArn, stageVariables);
        } else {
            authorized = CompletableFuture.completedFuture(LambdaAuthorizers.Decision.allow(null));
        }
        return authorized.thenCompose(d -> {
            if (d.refusal() != null) return done(d.refusal());
            ProxyEvents.Target t = new ProxyEvents.Target(apiId, accountId, route.stage(), null, route.params(),
                    stageVariables, d.context());
            ObjectNode event = ProxyEvents.v1(pr, t, resourcePath, route.resource().get("id").asText(), route.path(),
                    false, route.binary());
            JsonNode integration = route.method().get("methodIntegration");
            String fn = Functions.nameOf(integration.path("uri").asText());
            byte[] bytes = Json.bytes(event);
            String qualifier = Functions.qualifierOf(integration.path("uri").asText());
            return invoker.invoke(fn, qualifier, bytes, integration.path("timeoutInMillis").asInt(29000)).thenApply(o -> {
                ServiceResponse response;
                if (o.timedOut()) {
                    response = ProxyResponses.message(504, "Endpoint request timed out");
                } else if (o.result() == null) {
                    response = ProxyResponses.message(500, "Internal server error");
                } else if (o.functionError()) {
                    response = ProxyResponses.message(502, "Internal server error");
                } else {
                    try {
                        response = ProxyResponses.v1(o.result().payload());
                    } catch (ProxyResponses.Malformed e) {
                        response = ProxyResponses.message(502, "Internal server error");
                    }
                }
                invoker.record("apigateway", sourceArn, fn, o, response.status(), new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                return response.withHeader("x-amzn-RequestId", event.get("requestContext").get("requestId").asText())
                        .withHeader("x-amz-apigw-id", pr.requestId());
            });
        });
    }

    private RestRoute restRoute(ProxyRequest pr, JsonNode api) {
        List<String> parts = PathTemplates.segments(pr.rawPath());
        if (parts.isEmpty()) return null;
        String stageName = ProxyRequest.decode(parts.get(0));
        JsonNode stage = api.get("stages").get(stageName);
        if (stage == null) return null;
        JsonNode deployment = api.get("deployments").get(stage.path("deploymentId").asText(""));
        if (deployment == null) return null;
        int second = pr.rawPath().indexOf('/', 1);
        String path = second < 0 ? "/" : pr.rawPath().substring(second);
        JsonNode best = null;
        JsonNode bestMethod = null;
        Map<String, String> bestParams = null;
        int bestScore = -1;
        for (JsonNode resource : deployment.get("_resources")) {
            Map<String, String> params = PathTemplates.match(resource.get("path").asText(), path);
            if (params == null) continue;
            JsonNode methods = resource.get("resourceMethods");
            JsonNode method = methods.has(pr.method()) ? methods.get(pr.method()) : methods.get("ANY");
            if (method == null) continue;
            int score = PathTemplates.specificity(resource.get("path").asText());
            if (score > bestScore) {
                best = resource;
                bestMethod = method;
                bestParams = params;
                bestScore = score;
            }
        }
        if (best == null) return null;
        JsonNode authorizer = bestMethod.path("authorizationType").asText().equals("CUSTOM")
                ? deployment.get("_authorizers").get(bestMethod.path("authorizerId").asText("")) : null;
        boolean binary = false;
        String contentType = pr.http().contentType();
        for (JsonNode type : api.get("api").path("binaryMediaTypes")) {
            String t = type.asText().replace("~1", "/");
            if (t.equals("*/*") || t.equalsIgnoreCase(contentType)
                    || t.endsWith("/*") && contentType.startsWith(t.substring(0, t.length() - 1))) {
                binary = true;
            }
        }
        return new RestRoute(stageName, stage.path("variables").deepCopy(), best.deepCopy(), bestMethod.deepCopy(),
                authorizer == null ? null : authorizer.deepCopy(), bestParams, path, binary);
    }

    private CompletableFuture<LambdaAuthorizers.Decision> restAuthorize(ProxyRequest pr, RestRoute route,
                                                                        ProxyEvents.Target target, String resourcePath,
                                                                        String methodArn, String sourceArn,
                                                                        Map<String, String> stageVariables) {
        JsonNode a = route.authorizer();
        String type = a.path("type").asText();
        List<String> identity = new ArrayList<>();
        for (String source : a.path("identitySource").asText("").split(",")) {
            if (source.isBlank()) continue;
            String value = identityValue(pr, source.trim(), stageVariables, route.stage());
            if (value == null || value.isEmpty()) {
                return CompletableFuture.completedFuture(LambdaAuthorizers.Decision.refuse(401, "Unauthorized"));
            }
            identity.add(value);
        }
        ObjectNode event;
        if (type.equals("TOKEN")) {
            String token = identity.isEmpty() ? "" : identity.get(0);
            String validation = a.path("identityValidationExpression").asText("");
            if (!validation.isEmpty() && !token.matches(validation)) {
                return CompletableFuture.completedFuture(LambdaAuthorizers.Decision.refuse(401, "Unauthorized"));
            }
            event = Json.object();
            event.put("type", "TOKEN");
            event.put("methodArn", methodArn);
            event.put("authorizationToken", token);
        } else {
            event = Json.object();
            event.put("type", "REQUEST");
            event.put("methodArn", methodArn);
            ObjectNode full = ProxyEvents.v1(pr, target, resourcePath, route.resource().get("id").asText(), route.path(),
                    false, false);
            full.remove("body");
            full.remove("isBase64Encoded");
            event.setAll(full);
        }
        String fn = Functions.nameOf(a.path("authorizerUri").asText());
        return authorizers.authorize(new LambdaAuthorizers.Ask(sourceArn, a.get("id").asText(), fn, true, false,
                identity, a.path("authorizerResultTtlInSeconds").asInt(300), event, methodArn));
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static ServiceResponse withRequestId(ServiceResponse r, ProxyRequest pr) {
        return r.withHeader("Apigw-Requestid", pr.requestId());
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static CompletableFuture<ServiceResponse> done(ServiceResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
