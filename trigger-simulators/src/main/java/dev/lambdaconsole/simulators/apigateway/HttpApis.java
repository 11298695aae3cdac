package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP API operations of API Gateway v2 ({@code /v2/apis…}): APIs (quick create with a target included), routes,
 * AWS_PROXY integrations to functions, stages, Lambda REQUEST authorizers and deployments.
 */
final class HttpApis {
    private static final Pattern PATH = Pattern.compile(
            "^/v2/apis(?:/([^/]+)(?:/(routes|integrations|stages|authorizers|deployments)(?:/([^/]+))?)?)?/?$");
    static final Pattern ROUTE_KEY = Pattern.compile(
            "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY) (/[^ ]*)$");
    private static final Set<String> API_FIELDS = Set.of("name", "description", "corsConfiguration", "version",
            "routeSelectionExpression", "apiKeySelectionExpression", "disableExecuteApiEndpoint",
            "disableSchemaValidation", "ipAddressType");
    private final ApiStore store;
    private final ApiUrls urls;
    private final String accountId;

    HttpApis(ApiStore store, ApiUrls urls, String accountId) {
        this.store = store;
        this.urls = urls;
        this.accountId = accountId;
    }

    static boolean claims(String path) { return path.startsWith("/v2/apis"); }

    ServiceResponse handle(ServiceRequest r, JsonNode body) {
        Matcher m = PATH.matcher(r.path());
        if (!m.matches()) throw ApiGatewayErrors.notFound("No such API Gateway v2 operation: " + r.method() + " " + r.path());
        String apiId = m.group(1);
        String kind = m.group(2);
        String id = m.group(3) == null ? null : ProxyRequest.decode(m.group(3));
        String method = r.method();
        if (apiId == null) {
            if (method.equals("POST")) return json(201, store.write(root -> createApi(root, body)));
            return json(200, store.read(root -> list(root.get("http"), "api", this::apiView)));
        }
        if (kind == null) {
            return switch (method) {
                case "GET" -> json(200, store.read(root -> apiView(api(root, apiId))));
                case "PATCH" -> json(200, store.write(root -> {
                    ObjectNode api = api(root, apiId);
                    ObjectNode a = (ObjectNode) api.get("api");
                    body.fields().forEachRemaining(e -> { if (API_FIELDS.contains(e.getKey())) a.set(e.getKey(), e.getValue()); });
                    return apiView(api);
                }));
                case "DELETE" -> {
                    store.write(root -> { api(root, apiId); return ((ObjectNode) root.get("http")).remove(apiId); });
                    yield ServiceResponse.empty(204);
                }
                default -> throw ApiGatewayErrors.notFound("No such operation: " + method + " " + r.path());
            };
        }
        if (id == null) {
            if (method.equals("POST")) {
                return json(201, store.write(root -> create(api(root, apiId), kind, body)));
            }
            return json(200, store.read(root -> list(api(root, apiId).get(kind), null, n -> n)));
        }
        return switch (method) {
            case "GET" -> json(200, store.read(root -> child(api(root, apiId), kind, id)));
            case "PATCH" -> json(200, store.write(root -> update(api(root, apiId), kind, id, body)));
            case "DELETE" -> {
                store.write(root -> {
                    ObjectNode api = api(root, apiId);
                    child(api, kind, id);
                    return ((ObjectNode) api.get(kind)).remove(id);
                });
                yield ServiceResponse.empty(204);
            }
            default -> throw ApiGatewayErrors.notFound("No such operation: " + method + " " + r.path());
        };
    }

    private ObjectNode createApi(ObjectNode root, JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isEmpty()) throw ApiGatewayErrors.badRequest("Name is required: --name");
        String protocol = body.path("protocolType").asText("");
        if (!protocol.equals("HTTP")) {
            throw ApiGatewayErrors.badRequest(protocol.equals("WEBSOCKET")
                    ? "WebSocket APIs are not available in the local API Gateway: use ProtocolType HTTP"
                    : "Invalid protocol type " + protocol + ": ProtocolType must be HTTP or WEBSOCKET");
        }
        String apiId = store.newApiId(root);
        ObjectNode api = Json.object();
        ObjectNode a = api.putObject("api");
        a.put("apiId", apiId);
        a.put("apiKeySelectionExpression", "$request.header.x-api-key");
        a.put("createdDate", now());
        a.put("disableExecuteApiEndpoint", false);
        a.put("name", name);
        a.put("protocolType", "HTTP");
        a.put("routeSelectionExpression", "$request.method $request.path");
        body.fields().forEachRemaining(e -> { if (API_FIELDS.contains(e.getKey())) a.set(e.getKey(), e.getValue()); });
        if (body.has("tags")) a.set("tags", body.get("tags"));
        else a.putObject("tags");
        if (body.has("corsConfiguration")) validateCors(body.get("corsConfiguration"));
        for (String kind : List.of("routes", "integrations", "stages", "authorizers", "deployments")) api.putObject(kind);
        if (body.hasNonNull("target")) {
            ObjectNode integration = Json.object();
            integration.put("integrationType", "AWS_PROXY");
            integration.put("integrationUri", body.get("target").asText());
            integration.put("payloadFormatVersion", "2.0");
            ObjectNode created = create(api, "integrations", integration);
            created.put("apiGatewayManaged", true);
            ObjectNode route = Json.object();
            route.put("routeKey", body.path("routeKey").asText("$default"));
            route.put("target", "integrations/" + created.get("integrationId").asText());
            create(api, "routes", route).put("apiGatewayManaged", true);
            ObjectNode stage = Json.object().put("stageName", "$default").put("autoDeploy", true);
            create(api, "stages", stage).put("apiGatewayManaged", true);
        }
        ((ObjectNode) root.get("http")).set(apiId, api);
        return apiView(api);
    }

    private ObjectNode apiView(JsonNode api) {
        ObjectNode view = api.get("api").deepCopy();
        view.put("apiEndpoint", urls.apiEndpoint(view.get("apiId").asText()));
        return view;
    }

    ObjectNode api(ObjectNode root, String apiId) {
        JsonNode api = root.get("http").get(apiId);
        if (api == null) throw ApiGatewayErrors.notFound("Invalid API identifier specified " + accountId + ":" + apiId);
        return (ObjectNode) api;
    }

    private static ObjectNode child(ObjectNode api, String kind, String id) {
        JsonNode child = api.get(kind).get(id);
        if (child == null) {
            String what = switch (kind) {
                case "routes" -> "Route";
                case "integrations" -> "Integration";
                case "stages" -> "Stage";
                case "authorizers" -> "Authorizer";
                default -> "Deployment";
            };
            throw ApiGatewayErrors.notFound("Invalid " + what + " identifier specified " + id);
        }
        return (ObjectNode) child;
    }

    private static ObjectNode list(JsonNode items, String inner, java.util.function.Function<JsonNode, JsonNode> view) {
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("items");
        items.forEach(i -> array.add(view.apply(i)));
        return out;
    }

    private ObjectNode create(ObjectNode api, String kind, JsonNode body) {
        ObjectNode item = Json.object();
        String id;
        switch (kind) {
            case "routes" -> {
                String key = body.path("routeKey").asText("");
                validateRouteKey(key);
                api.get("routes").forEach(existing -> {
                    if (existing.get("routeKey").asText().equals(key)) {
                        throw ApiGatewayErrors.conflict("Route with key " + key + " already exists for this API");
                    }
                });
                id = ApiStore.id(7);
                item.put("apiKeyRequired", false);
                item.put("authorizationType", "NONE");
                item.put("routeId", id);
                item.put("routeKey", key);
                copy(body, item, "target", "authorizationType", "authorizerId", "apiKeyRequired", "operationName",
                        "authorizationScopes", "requestParameters");
                checkRoute(api, item);
            }
            case "integrations" -> {
                id = ApiStore.id(7);
                item.put("connectionType", "INTERNET");
                item.put("integrationId", id);
                item.put("integrationMethod", "POST");
                item.put("timeoutInMillis", 30000);
                copy(body, item, "integrationType", "integrationUri", "payloadFormatVersion", "timeoutInMillis",
                        "description", "integrationMethod", "connectionType", "requestParameters", "credentialsArn");
                checkIntegration(item);
                item.put("integrationResponseSelectionExpression", "${integration.response.statuscode}");
            }
            case "stages" -> {
                id = body.path("stageName").asText("");
                if (!id.equals("$default") && !id.matches("[A-Za-z0-9_\\-]{1,128}")) {
                    throw ApiGatewayErrors.badRequest("Stage name must be $default or 1-128 letters, digits, hyphens or "
                            + "underscores (got '" + id + "')");
                }
                if (api.get("stages").has(id)) throw ApiGatewayErrors.conflict("Stage already exists");
                String now = now();
                item.put("autoDeploy", false);
                item.put("createdDate", now);
                item.putObject("defaultRouteSettings").put("detailedMetricsEnabled", false);
                item.put("lastUpdatedDate", now);
                item.putObject("routeSettings");
                item.put("stageName", id);
                item.putObject("stageVariables");
                item.putObject("tags");
                copy(body, item, "autoDeploy", "description", "stageVariables", "deploymentId", "tags");
            }
            case "authorizers" -> {
                id = ApiStore.id(6);
                item.put("authorizerId", id);
                copy(body, item, "authorizerType", "authorizerUri", "identitySource", "authorizerPayloadFormatVersion",
                        "enableSimpleResponses", "authorizerResultTtlInSeconds", "name", "identityValidationExpression",
                        "authorizerCredentialsArn", "jwtConfiguration");
                checkAuthorizer(item);
            }
            default -> {
                id = ApiStore.id(6);
                item.put("autoDeployed", false);
                item.put("createdDate", now());
                item.put("deploymentId", id);
                item.put("deploymentStatus", "DEPLOYED");
                copy(body, item, "description");
                if (body.hasNonNull("stageName")) {
                    ObjectNode stage = child(api, "stages", body.get("stageName").asText());
                    stage.put("deploymentId", id);
                    stage.put("lastUpdatedDate", now());
                }
            }
        }
        ((ObjectNode) api.get(kind)).set(id, item);
        return item;
    }

    private ObjectNode update(ObjectNode api, String kind, String id, JsonNode body) {
        ObjectNode item = child(api, kind, id);
        ObjectNode updated = item.deepCopy();
        String idKey = switch (kind) {
            case "routes" -> "routeId";
            case "integrations" -> "integrationId";
            case "stages" -> "stageName";
            case "authorizers" -> "authorizerId";
            default -> "deploymentId";
        };
        body.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("apiId") && !e.getKey().equals(idKey)) updated.set(e.getKey(), e.getValue());
        });
        switch (kind) {
            case "routes" -> {
                validateRouteKey(updated.get("routeKey").asText());
                checkRoute(api, updated);
            }
            case "integrations" -> checkIntegration(updated);
            case "authorizers" -> checkAuthorizer(updated);
            case "stages" -> updated.put("lastUpdatedDate", now());
            default -> { }
        }
        ((ObjectNode) api.get(kind)).set(id, updated);
        return updated;
    }

    static void validateRouteKey(String key) {
        if (key.equals("$default")) return;
        Matcher m = ROUTE_KEY.matcher(key);
        if (!m.matches()) {
            throw ApiGatewayErrors.badRequest("Invalid route key " + key + ": a route key is $default or an HTTP method "
                    + "(GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY), a space and a path starting with /");
        }
        String[] segments = m.group(2).split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].matches("\\{[^}]+\\+}") && i != segments.length - 1) {
                throw ApiGatewayErrors.badRequest("Invalid route key " + key + ": a greedy path variable ({name+}) must be "
                        + "the last part of the path");
            }
        }
    }

    private static void checkRoute(ObjectNode api, ObjectNode route) {
        if (route.hasNonNull("target")) {
            String target = route.get("target").asText();
            if (!target.startsWith("integrations/") || !api.get("integrations").has(target.substring(13))) {
                throw ApiGatewayErrors.notFound("Invalid integration identifier specified in target " + target);
            }
        }
        String type = route.path("authorizationType").asText("NONE");
        if (type.equals("CUSTOM")) {
            String authorizer = route.path("authorizerId").asText("");
            if (!api.get("authorizers").has(authorizer)) {
                throw ApiGatewayErrors.badRequest("Unable to find authorizer with id " + authorizer
                        + ": a CUSTOM route needs an authorizerId of this API");
            }
        } else if (!type.equals("NONE") && !type.equals("AWS_IAM") && !type.equals("JWT")) {
            throw ApiGatewayErrors.badRequest("AuthorizationType must be NONE, AWS_IAM, CUSTOM or JWT (got " + type + ")");
        }
    }

    private static void checkIntegration(ObjectNode i) {
        String type = i.path("integrationType").asText("");
        if (!type.equals("AWS_PROXY")) {
            throw ApiGatewayErrors.badRequest("IntegrationType " + type + " is not available in the local API Gateway: "
                    + "use AWS_PROXY with a Lambda function ARN as IntegrationUri");
        }
        if (Functions.nameOf(i.path("integrationUri").asText("")) == null) {
            throw ApiGatewayErrors.badRequest("Invalid IntegrationUri " + i.path("integrationUri").asText("(none)")
                    + ": an AWS_PROXY integration needs a Lambda function ARN");
        }
        String version = i.path("payloadFormatVersion").asText("");
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw ApiGatewayErrors.badRequest(version.isEmpty()
                    ? "PayloadFormatVersion is required for AWS_PROXY integrations of HTTP APIs: 1.0 or 2.0"
                    : "Invalid PayloadFormatVersion " + version + ": must be 1.0 or 2.0");
        }
        int timeout = i.path("timeoutInMillis").asInt(30000);
        if (timeout < 50 || timeout > 30000) {
            throw ApiGatewayErrors.badRequest("Invalid timeoutInMillis " + timeout + ": must be between 50 and 30000");
        }
    }

    private static void checkAuthorizer(ObjectNode a) {
        String type = a.path("authorizerType").asText("");
        if (type.equals("JWT")) {
            throw ApiGatewayErrors.badRequest("JWT authorizers are not available in the local API Gateway: use a "
                    + "REQUEST (Lambda) authorizer");
        }
        if (!type.equals("REQUEST")) throw ApiGatewayErrors.badRequest("AuthorizerType must be REQUEST or JWT (got " + type + ")");
        if (Functions.nameOf(a.path("authorizerUri").asText("")) == null) {
            throw ApiGatewayErrors.badRequest("Invalid AuthorizerUri " + a.path("authorizerUri").asText("(none)")
                    + ": a REQUEST authorizer needs arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/"
                    + "{function ARN}/invocations");
        }
        String version = a.path("authorizerPayloadFormatVersion").asText("");
        if (!version.equals("1.0") && !version.equals("2.0")) {
            throw ApiGatewayErrors.badRequest("AuthorizerPayloadFormatVersion is required for REQUEST authorizers: 1.0 or 2.0");
        }
        if (a.path("enableSimpleResponses").asBoolean(false) && !version.equals("2.0")) {
            throw ApiGatewayErrors.badRequest("EnableSimpleResponses is only supported with AuthorizerPayloadFormatVersion 2.0");
        }
        int ttl = a.path("authorizerResultTtlInSeconds").asInt(0);
        if (ttl < 0 || ttl > 3600) throw ApiGatewayErrors.badRequest("AuthorizerResultTtlInSeconds must be between 0 and 3600");
        if (ttl > 0 && (!a.has("identitySource") || a.get("identitySource").isEmpty())) {
            throw ApiGatewayErrors.badRequest("IdentitySource is required when AuthorizerResultTtlInSeconds is not 0");
        }
    }

    private static void validateCors(JsonNode cors) {
        int maxAge = cors.path("maxAge").asInt(0);
        if (maxAge < -1 || maxAge > 86400) throw ApiGatewayErrors.badRequest("CORS maxAge must be between -1 and 86400");
        if (cors.path("allowCredentials").asBoolean(false)) {
            cors.path("allowOrigins").forEach(o -> {
                if (o.asText().equals("*")) {
                    throw ApiGatewayErrors.badRequest("allow-credentials is not supported with allow-origins * (wildcard)");
                }
            });
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String... fields) {
        for (String f : fields) if (from.has(f) && !from.get(f).isNull()) to.set(f, from.get(f));
    }

    static String now() { return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); }

    private static ServiceResponse json(int status, JsonNode body) {
        return ServiceResponse.of(status, "application/json", Json.bytes(body));
    }
}
