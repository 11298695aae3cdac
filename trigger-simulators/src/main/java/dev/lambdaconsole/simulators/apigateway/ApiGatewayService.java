package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local API Gateway: the control plane (HTTP APIs and REST APIs, kept in the state folder) and the data plane
 * that serves each API on its local URL.
 */
public final class ApiGatewayService {
    private final ApiGatewayEndpoint control;
    private final ExecuteApi data;
    private final ApiUrls urls;
    private final ApiStore store;
    private final String region;

    public ApiGatewayService(ServiceContext context, SyncInvoker invoker) {
        ApiStore store = new ApiStore(context.stateDir());
        this.store = store;
        this.region = context.region();
        urls = new ApiUrls(context.endpointUrl(), context.region());
        control = new ApiGatewayEndpoint(new HttpApis(store, urls, context.accountId()),
                new RestApis(store, context.accountId()));
        data = new ExecuteApi(store, invoker, context.region(), context.accountId());
    }

    /** The endpoints to register: the APIs' own URLs first (they are claimed by host), then the control plane. */
    public List<ServiceEndpoint> endpoints() { return List.of(data, control); }

    public ApiUrls urls() { return urls; }

    // --- in process, for the console: the control plane's operations with their rules and errors

    /**
     * One control-plane request in process, e.g. {@code call("POST", "/v2/apis", {"name": …, "protocolType": "HTTP"})}
     * or {@code call("PUT", "/restapis/{id}/resources/{rid}/methods/GET", …)}: the same handler as over HTTP, so the
     * same validation; answers the response body ({} when empty) or throws the AwsServiceException it would answer.
     */
    public JsonNode call(String method, String path, JsonNode body) {
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        ServiceRequest request = new ServiceRequest(method, path, null, Map.of("Content-Type",
                List.of("application/json")), bytes, UUID.randomUUID().toString());
        ServiceResponse response = control.handle(request).toCompletableFuture().join();
        if (response.body().length == 0) return Json.object();
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What CreateRoute answers for this route key (e.g. "GET /orders"), or empty when it is valid. */
    public static Optional<String> routeKeyProblem(String routeKey) {
        try {
            HttpApis.validateRouteKey(routeKey);
            return Optional.empty();
        } catch (AwsServiceException e) {
            return Optional.of(e.getMessage());
        }
    }

    /**
     * What CreateResource answers for the first bad part of a REST resource path such as {@code /orders/{id}}, or
     * empty when each part is valid (and a greedy {@code {name+}} is only the last).
     */
    public static Optional<String> resourcePathProblem(String path) {
        if (path == null || !path.startsWith("/")) return Optional.of("A resource path starts with / (e.g. /orders)");
        String[] parts = path.substring(1).split("/", -1);
        if (path.equals("/")) return Optional.empty();
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (!RestApis.PATH_PART.matcher(part).matches()) {
                return Optional.of("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning "
                        + "and the end and an optional plus sign before the closing brace (got '" + part + "')");
            }
            if (part.endsWith("+}") && i < parts.length - 1) {
                return Optional.of("Cannot create a child of a resource with a greedy path variable");
            }
        }
        return Optional.empty();
    }

    /** Every HTTP API, then every REST API, in creation order, with their stages and routes (for the console). */
    public List<LocalApi> apis() {
        return store.read(root -> {
            List<LocalApi> out = new ArrayList<>();
            for (JsonNode api : root.get("http")) {
                String id = api.get("api").get("apiId").asText();
                List<String> stages = new ArrayList<>();
                api.path("stages").fieldNames().forEachRemaining(stages::add);
                List<String> routes = new ArrayList<>();
                for (JsonNode r : api.path("routes")) routes.add(r.path("routeKey").asText());
                out.add(new LocalApi(id, api.get("api").path("name").asText(), "HTTP", urls.apiEndpoint(id),
                        urls.apiPathStyle(id), stages, routes));
            }
            for (JsonNode api : root.get("rest")) {
                String id = api.get("api").get("id").asText();
                List<String> stages = new ArrayList<>();
                api.path("stages").fieldNames().forEachRemaining(stages::add);
                List<String> routes = new ArrayList<>();
                for (JsonNode r : api.path("resources")) {
                    r.path("resourceMethods").fieldNames().forEachRemaining(m -> routes.add(m + " " + r.path("path").asText()));
                }
                routes.sort(java.util.Comparator.comparing((String r) -> r.substring(r.indexOf(' ') + 1))
                        .thenComparing(r -> r));
                out.add(new LocalApi(id, api.get("api").path("name").asText(), "REST", urls.apiEndpoint(id),
                        urls.apiPathStyle(id), stages, routes));
            }
            return out;
        });
    }

    // ---- for the console (in process) ----

    /**
     * A route of an HTTP API (or a method of a REST API resource) whose integration invokes a function.
     *
     * @param protocol  HTTP or REST
     * @param routeId   the route's id (HTTP) or the resource's id (REST)
     * @param routeKey  "POST /orders", "$default", "ANY /{proxy+}"
     * @param functionArn the function ARN the integration names (possibly qualified)
     * @param sourceArn what the API's deliveries carry ({@code arn:aws:apigateway:<region>::/apis/<id>} or /restapis/)
     * @param url       the API's local URL
     */
    public record LambdaRoute(String protocol, String apiId, String apiName, String routeId, String routeKey,
                              String integrationId, String functionArn, String sourceArn, String url) { }

    /** Every route and REST method whose integration is a Lambda proxy, API by API. */
    public List<LambdaRoute> lambdaRoutes() {
        return store.read(root -> {
            List<LambdaRoute> out = new java.util.ArrayList<>();
            root.get("http").fields().forEachRemaining(e -> {
                var api = e.getValue();
                String name = api.path("api").path("name").asText();
                api.path("routes").forEach(route -> {
                    String target = route.path("target").asText("");
                    if (!target.startsWith("integrations/")) return;
                    String integrationId = target.substring("integrations/".length());
                    String uri = api.path("integrations").path(integrationId).path("integrationUri").asText("");
                    if (Functions.nameOf(uri) == null) return;
                    out.add(new LambdaRoute("HTTP", e.getKey(), name, route.path("routeId").asText(),
                            route.path("routeKey").asText(), integrationId, Functions.functionArn(uri),
                            "arn:aws:apigateway:" + region + "::/apis/" + e.getKey(), urls.apiEndpoint(e.getKey())));
                });
            });
            root.get("rest").fields().forEachRemaining(e -> {
                var api = e.getValue();
                String name = api.path("api").path("name").asText();
                api.path("resources").forEach(resource -> resource.path("resourceMethods").fields().forEachRemaining(m -> {
                    String uri = m.getValue().path("methodIntegration").path("uri").asText("");
                    if (Functions.nameOf(uri) == null) return;
                    out.add(new LambdaRoute("REST", e.getKey(), name, resource.path("id").asText(),
                            m.getKey() + " " + resource.path("path").asText(), null, Functions.functionArn(uri),
                            "arn:aws:apigateway:" + region + "::/restapis/" + e.getKey(), urls.apiEndpoint(e.getKey())));
                }));
            });
            return out;
        });
    }

    /**
     * Takes a function off a route: an HTTP API loses the route, and its integration when no other route uses it;
     * a REST resource loses the method. The API, its stages and its other routes stay. False when it is gone already.
     */
    public boolean deleteLambdaRoute(LambdaRoute route) {
        return store.write(root -> {
            if (route.protocol().equals("HTTP")) {
                var api = (com.fasterxml.jackson.databind.node.ObjectNode) root.get("http").get(route.apiId());
                if (api == null) return false;
                var routes = (com.fasterxml.jackson.databind.node.ObjectNode) api.get("routes");
                if (routes.remove(route.routeId()) == null) return false;
                boolean used = false;
                for (var r : routes) used |= r.path("target").asText("").equals("integrations/" + route.integrationId());
                if (!used && route.integrationId() != null) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) api.get("integrations")).remove(route.integrationId());
                }
                return true;
            }
            var api = root.get("rest").get(route.apiId());
            if (api == null) return false;
            var resource = api.path("resources").get(route.routeId());
            if (resource == null) return false;
            String verb = route.routeKey().substring(0, route.routeKey().indexOf(' '));
            return ((com.fasterxml.jackson.databind.node.ObjectNode) resource.get("resourceMethods")).remove(verb) != null;
        });
    }
}
