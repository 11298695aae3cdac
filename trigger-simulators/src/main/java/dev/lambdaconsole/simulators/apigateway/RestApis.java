package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.util.Json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API operations of API Gateway v1 ({@code /restapis…}): APIs with their root resource, resources, methods,
 * AWS_PROXY integrations, deployments (a deployment is a snapshot of the resources and authorizers, served by the
 * stages that point at it), stages and Lambda TOKEN/REQUEST authorizers.
 */
final class RestApis {
    private static final Pattern PATH = Pattern.compile("^/restapis(?:/([^/]+)(?:/(resources|deployments|stages|authorizers)"
            + "(?:/([^/]+)(?:/methods/([^/]+)(/integration)?)?)?)?)?/?$");
    static final Pattern PATH_PART = Pattern.compile("^([A-Za-z0-9._~:@!$&'()*+,;=-]+|\\{[A-Za-z0-9._-]+\\+?})$");
    private final ApiStore store;
    private final String accountId;

    RestApis(ApiStore store, String accountId) {
        this.store = store;
        this.accountId = accountId;
    }

    static boolean claims(String path) { return path.startsWith("/restapis"); }

    ServiceResponse handle(ServiceRequest r, JsonNode body) {
        Matcher m = PATH.matcher(r.path());
        if (!m.matches()) throw ApiGatewayErrors.notFound("No such API Gateway operation: " + r.method() + " " + r.path());
        String apiId = m.group(1);
        String kind = m.group(2);
        String id = m.group(3) == null ? null : ProxyRequest.decode(m.group(3));
        String httpMethod = m.group(4);
        boolean integration = m.group(5) != null;
        String method = r.method();
        if (apiId == null) {
            if (method.equals("POST")) return json(201, store.write(root -> createApi(root, body)));
            return json(200, store.read(root -> items(root.get("rest"), a -> a.get("api"))));
        }
        if (kind == null) {
            return switch (method) {
                case "GET" -> json(200, store.read(root -> api(root, apiId).get("api")));
                case "DELETE" -> {
                    store.write(root -> { api(root, apiId); return ((ObjectNode) root.get("rest")).remove(apiId); });
                    yield ServiceResponse.empty(202);
                }
                default -> throw ApiGatewayErrors.notFound("No such operation: " + method + " " + r.path());
            };
        }
        if (kind.equals("resources") && httpMethod != null) {
            String verb = httpMethod.toUpperCase(java.util.Locale.ROOT);
            return switch (method) {
                case "PUT" -> json(201, store.write(root -> integration
                        ? putIntegration(resource(api(root, apiId), id), verb, body)
                        : putMethod(api(root, apiId), resource(api(root, apiId), id), verb, body)));
                case "GET" -> json(200, store.read(root -> {
                    ObjectNode mt = method(resource(api(root, apiId), id), verb);
                    if (!integration) return mt;
                    if (!mt.has("methodIntegration")) throw ApiGatewayErrors.notFound("No integration defined for method");
                    return mt.get("methodIntegration");
                }));
                case "DELETE" -> {
                    store.write(root -> {
                        ObjectNode res = resource(api(root, apiId), id);
                        ObjectNode mt = method(res, verb);
                        return integration ? mt.remove("methodIntegration")
                                : ((ObjectNode) res.get("resourceMethods")).remove(verb);
                    });
                    yield ServiceResponse.empty(204);
                }
                default -> throw ApiGatewayErrors.notFound("No such operation: " + method + " " + r.path());
            };
        }
        if (id == null) {
            if (method.equals("POST")) return json(201, store.write(root -> create(api(root, apiId), kind, body)));
            boolean embed = r.queryAll("embed").contains("methods");
            return json(200, store.read(root -> items(api(root, apiId).get(kind),
                    n -> kind.equals("resources") ? resourceView(n, embed) : view(n))));
        }
        return switch (method) {
            case "POST" -> {
                if (!kind.equals("resources")) throw ApiGatewayErrors.notFound("No such operation: POST " + r.path());
                yield json(201, store.write(root -> createResource(api(root, apiId), id, body)));
            }
            case "GET" -> json(200, store.read(root -> {
                JsonNode item = child(api(root, apiId), kind, id);
                return kind.equals("resources") ? resourceView(item, true) : view(item);
            }));
            case "DELETE" -> {
                store.write(root -> {
                    ObjectNode api = api(root, apiId);
                    JsonNode item = child(api, kind, id);
                    if (kind.equals("resources") && !item.has("parentId")) {
                        throw ApiGatewayErrors.badRequest("Cannot delete the root resource of a REST API");
                    }
                    if (kind.equals("resources")) removeResourceTree(api, id);
                    return ((ObjectNode) api.get(kind)).remove(id);
                });
                yield ServiceResponse.empty(202);
            }
            default -> throw ApiGatewayErrors.notFound("No such operation: " + method + " " + r.path());
        };
    }

    private ObjectNode createApi(ObjectNode root, JsonNode body) {
        String name = body.path("name").asText("");
        if (name.isEmpty()) throw ApiGatewayErrors.badRequest("Name is required: --name");
        String apiId = store.newApiId(root);
        String rootId = ApiStore.id(10);
        ObjectNode api = Json.object();
        ObjectNode a = api.putObject("api");
        a.put("id", apiId);
        a.put("name", name);
        if (body.hasNonNull("description")) a.set("description", body.get("description"));
        a.put("createdDate", System.currentTimeMillis() / 1000);
        if (body.hasNonNull("version")) a.set("version", body.get("version"));
        if (body.has("binaryMediaTypes")) a.set("binaryMediaTypes", body.get("binaryMediaTypes"));
        a.put("apiKeySource", body.path("apiKeySource").asText("HEADER"));
        if (body.has("endpointConfiguration")) a.set("endpointConfiguration", body.get("endpointConfiguration"));
        else a.putObject("endpointConfiguration").putArray("types").add("EDGE");
        if (body.has("tags")) a.set("tags", body.get("tags"));
        a.put("disableExecuteApiEndpoint", false);
        a.put("rootResourceId", rootId);
        ObjectNode resources = api.putObject("resources");
        ObjectNode rootResource = resources.putObject(rootId);
        rootResource.put("id", rootId);
        rootResource.put("path", "/");
        rootResource.putObject("resourceMethods");
        api.putObject("deployments");
        api.putObject("stages");
        api.putObject("authorizers");
        ((ObjectNode) root.get("rest")).set(apiId, api);
        return a.deepCopy();
    }

    ObjectNode api(ObjectNode root, String apiId) {
        JsonNode api = root.get("rest").get(apiId);
        if (api == null) throw ApiGatewayErrors.notFound("Invalid API identifier specified " + accountId + ":" + apiId);
        return (ObjectNode) api;
    }

    private static ObjectNode resource(ObjectNode api, String id) {
        JsonNode r = api.get("resources").get(id);
        if (r == null) throw ApiGatewayErrors.notFound("Invalid Resource identifier specified");
        return (ObjectNode) r;
    }

    private static ObjectNode method(ObjectNode resource, String verb) {
        JsonNode m = resource.get("resourceMethods").get(verb);
        if (m == null) throw ApiGatewayErrors.notFound("Invalid Method identifier specified");
        return (ObjectNode) m;
    }

    private static JsonNode child(ObjectNode api, String kind, String id) {
        JsonNode item = api.get(kind).get(id);
        if (item == null) {
            String what = switch (kind) {
                case "resources" -> "Resource";
                case "deployments" -> "Deployment";
                case "stages" -> "Stage";
                default -> "Authorizer";
            };
            if (kind.equals("stages")) throw ApiGatewayErrors.notFound("Invalid stage identifier specified");
            throw ApiGatewayErrors.notFound("Invalid " + what + " identifier specified");
        }
        return item;
    }

    private ObjectNode createResource(ObjectNode api, String parentId, JsonNode body) {
        ObjectNode parent = resource(api, parentId);
        String part = body.path("pathPart").asText("");
        if (!PATH_PART.matcher(part).matches()) {
            throw ApiGatewayErrors.badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
                    + "beginning and the end and an optional plus sign before the closing brace (got '" + part + "')");
        }
        if (parent.path("pathPart").asText("").endsWith("+}")) {
            throw ApiGatewayErrors.badRequest("Cannot create a child of a resource with a greedy path variable");
        }
        api.get("resources").forEach(r -> {
            if (parentId.equals(r.path("parentId").asText(null)) && part.equals(r.path("pathPart").asText())) {
                throw ApiGatewayErrors.conflict("Another resource with the same parent already has this name: " + part);
            }
        });
        String id = ApiStore.id(6);
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("parentId", parentId);
        r.put("pathPart", part);
        String parentPath = parent.get("path").asText();
        r.put("path", (parentPath.equals("/") ? "" : parentPath) + "/" + part);
        r.putObject("resourceMethods");
        ((ObjectNode) api.get("resources")).set(id, r);
        return r;
    }

    private static void removeResourceTree(ObjectNode api, String id) {
        java.util.List<String> children = new java.util.ArrayList<>();
        api.get("resources").forEach(r -> { if (id.equals(r.path("parentId").asText(null))) children.add(r.get("id").asText()); });
        for (String c : children) {
            removeResourceTree(api, c);
            ((ObjectNode) api.get("resources")).remove(c);
        }
    }

    private static ObjectNode putMethod(ObjectNode api, ObjectNode resource, String verb, JsonNode body) {
        if (!verb.matches("GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|ANY")) {
            throw ApiGatewayErrors.badRequest("Invalid HttpMethod specified. Valid options are GET,PUT,POST,DELETE,PATCH,"
                    + "OPTIONS,HEAD,ANY");
        }
        String type = body.path("authorizationType").asText("");
        if (!type.matches("NONE|CUSTOM|AWS_IAM|COGNITO_USER_POOLS")) {
            throw ApiGatewayErrors.badRequest("Invalid authorization type specified. Valid options are NONE,AWS_IAM,"
                    + "CUSTOM,COGNITO_USER_POOLS");
        }
        if (type.equals("COGNITO_USER_POOLS")) {
            throw ApiGatewayErrors.badRequest("COGNITO_USER_POOLS authorization is not available in the local API "
                    + "Gateway: use NONE or CUSTOM (a Lambda authorizer)");
        }
        if (type.equals("CUSTOM") && !api.get("authorizers").has(body.path("authorizerId").asText(""))) {
            throw ApiGatewayErrors.badRequest("Invalid authorizer ID specified. Setting the authorization type to CUSTOM "
                    + "or COGNITO_USER_POOLS requires a valid authorizer.");
        }
        ObjectNode m = Json.object();
        m.put("httpMethod", verb);
        m.put("authorizationType", type);
        if (body.hasNonNull("authorizerId") && type.equals("CUSTOM")) m.set("authorizerId", body.get("authorizerId"));
        m.put("apiKeyRequired", body.path("apiKeyRequired").asBoolean(false));
        if (body.has("requestParameters")) m.set("requestParameters", body.get("requestParameters"));
        if (body.has("operationName")) m.set("operationName", body.get("operationName"));
        ((ObjectNode) resource.get("resourceMethods")).set(verb, m);
        return m;
    }

    private static ObjectNode putIntegration(ObjectNode resource, String verb, JsonNode body) {
        ObjectNode m = method(resource, verb);
        String type = body.path("type").asText("");
        if (!type.equals("AWS_PROXY")) {
            throw ApiGatewayErrors.badRequest("Integration type " + type + " is not available in the local API Gateway: "
                    + "use AWS_PROXY (Lambda proxy integration)");
        }
        String uri = body.path("uri").asText("");
        if (!uri.contains(":lambda:path/") || Functions.nameOf(uri) == null) {
            throw ApiGatewayErrors.badRequest("Invalid Lambda function ARN in uri '" + uri + "': an AWS_PROXY integration "
                    + "needs arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations");
        }
        if (!body.path("httpMethod").asText("").equals("POST")) {
            throw ApiGatewayErrors.badRequest("Enumeration value for HttpMethod must be POST for Lambda integrations: "
                    + "--integration-http-method POST");
        }
        int timeout = body.path("timeoutInMillis").asInt(29000);
        if (timeout < 50 || timeout > 29000) {
            throw ApiGatewayErrors.badRequest("Timeout should be between 50 ms and 29000 ms (got " + timeout + ")");
        }
        ObjectNode i = Json.object();
        i.put("type", type);
        i.put("httpMethod", "POST");
        i.put("uri", uri);
        i.put("passthroughBehavior", body.path("passthroughBehavior").asText("WHEN_NO_MATCH"));
        i.put("timeoutInMillis", timeout);
        i.put("cacheNamespace", resource.get("id").asText());
        i.putArray("cacheKeyParameters");
        m.set("methodIntegration", i);
        return i;
    }

    private ObjectNode create(ObjectNode api, String kind, JsonNode body) {
        return switch (kind) {
            case "deployments" -> deploy(api, body);
            case "stages" -> {
                String name = body.path("stageName").asText("");
                if (!name.matches("[A-Za-z0-9_-]{1,128}")) {
                    throw ApiGatewayErrors.badRequest("Stage name only allows a-zA-Z0-9_- (got '" + name + "')");
                }
                if (api.get("stages").has(name)) throw ApiGatewayErrors.conflict("Stage already exists");
                String deployment = body.path("deploymentId").asText("");
                if (!api.get("deployments").has(deployment)) {
                    throw ApiGatewayErrors.badRequest("Invalid deployment identifier specified");
                }
                yield stage(api, name, deployment, body.get("variables"), body.path("description").asText(null));
            }
            case "authorizers" -> createAuthorizer(api, body);
            default -> throw ApiGatewayErrors.badRequest("Create a resource under its parent: POST /restapis/{id}/resources/{parent_id}");
        };
    }

    private ObjectNode deploy(ObjectNode api, JsonNode body) {
        boolean anyMethod = false;
        for (JsonNode r : api.get("resources")) anyMethod |= !r.get("resourceMethods").isEmpty();
        if (!anyMethod) throw ApiGatewayErrors.badRequest("The REST API doesn't contain any methods");
        for (JsonNode r : api.get("resources")) {
            r.get("resourceMethods").fields().forEachRemaining(e -> {
                if (!e.getValue().has("methodIntegration")) {
                    throw ApiGatewayErrors.badRequest("No integration defined for method " + e.getKey() + " "
                            + r.get("path").asText());
                }
            });
        }
        String id = ApiStore.id(6);
        ObjectNode d = Json.object();
        d.put("id", id);
        if (body.hasNonNull("description")) d.set("description", body.get("description"));
        d.put("createdDate", System.currentTimeMillis() / 1000);
        d.set("_resources", api.get("resources").deepCopy());
        d.set("_authorizers", api.get("authorizers").deepCopy());
        ((ObjectNode) api.get("deployments")).set(id, d);
        if (body.hasNonNull("stageName")) {
            String name = body.get("stageName").asText();
            ObjectNode existing = (ObjectNode) api.get("stages").get(name);
            if (existing != null) {
                existing.put("deploymentId", id);
                existing.put("lastUpdatedDate", System.currentTimeMillis() / 1000);
                if (body.has("variables")) existing.set("variables", body.get("variables"));
            } else {
                stage(api, name, id, body.get("variables"), body.path("stageDescription").asText(null));
            }
        }
        return view(d);
    }

    private static ObjectNode stage(ObjectNode api, String name, String deploymentId, JsonNode variables, String description) {
        ObjectNode s = Json.object();
        s.put("deploymentId", deploymentId);
        s.put("stageName", name);
        if (description != null) s.put("description", description);
        s.put("cacheClusterEnabled", false);
        s.put("cacheClusterStatus", "NOT_AVAILABLE");
        s.putObject("methodSettings");
        if (variables != null && variables.isObject()) s.set("variables", variables);
        s.put("tracingEnabled", false);
        long now = System.currentTimeMillis() / 1000;
        s.put("createdDate", now);
        s.put("lastUpdatedDate", now);
        ((ObjectNode) api.get("stages")).set(name, s);
        return s;
    }

    private static ObjectNode createAuthorizer(ObjectNode api, JsonNode body) {
        String type = body.path("type").asText("");
        if (type.equals("COGNITO_USER_POOLS")) {
            throw ApiGatewayErrors.badRequest("COGNITO_USER_POOLS authorizers are not available in the local API Gateway: "
                    + "use a TOKEN or REQUEST (Lambda) authorizer");
        }
        if (!type.equals("TOKEN") && !type.equals("REQUEST")) {
            throw ApiGatewayErrors.badRequest("Invalid authorizer type specified. Valid options are TOKEN, REQUEST, "
                    + "COGNITO_USER_POOLS");
        }
        String uri = body.path("authorizerUri").asText("");
        if (Functions.nameOf(uri) == null) {
            throw ApiGatewayErrors.badRequest("Invalid Authorizer URI: " + (uri.isEmpty() ? "(none)" : uri)
                    + ". Authorizer URI should be a valid API Gateway ARN that represents a Lambda function invocation.");
        }
        int ttl = body.path("authorizerResultTtlInSeconds").asInt(300);
        if (ttl < 0 || ttl > 3600) throw ApiGatewayErrors.badRequest("Authorizer result TTL must be between 0 and 3600 seconds");
        String identitySource = body.path("identitySource").asText(type.equals("TOKEN")
                ? "method.request.header.Authorization" : "");
        if (identitySource.isEmpty() && ttl > 0) {
            throw ApiGatewayErrors.badRequest("Identity source is required when caching is enabled (authorizerResultTtlInSeconds > 0)");
        }
        ObjectNode a = Json.object();
        String id = ApiStore.id(6);
        a.put("id", id);
        a.put("name", body.path("name").asText(""));
        a.put("type", type);
        a.put("authType", body.path("authType").asText("custom"));
        a.put("authorizerUri", uri);
        if (!identitySource.isEmpty()) a.put("identitySource", identitySource);
        if (body.hasNonNull("identityValidationExpression")) a.set("identityValidationExpression", body.get("identityValidationExpression"));
        a.put("authorizerResultTtlInSeconds", ttl);
        ((ObjectNode) api.get("authorizers")).set(id, a);
        return a;
    }

    /** An item without the snapshot fields (named with a leading underscore). */
    private static ObjectNode view(JsonNode item) {
        ObjectNode v = item.deepCopy();
        java.util.List<String> hidden = new java.util.ArrayList<>();
        v.fieldNames().forEachRemaining(n -> { if (n.startsWith("_")) hidden.add(n); });
        v.remove(hidden);
        return v;
    }

    /** A resource; without {@code embed=methods} each method is an empty object, as GetResources answers. */
    private static ObjectNode resourceView(JsonNode r, boolean embed) {
        ObjectNode v = r.deepCopy();
        if (v.get("resourceMethods").isEmpty()) {
            v.remove("resourceMethods");
        } else if (!embed) {
            ObjectNode methods = Json.object();
            r.get("resourceMethods").fieldNames().forEachRemaining(n -> methods.putObject(n));
            v.set("resourceMethods", methods);
        }
        return v;
    }

    private static ObjectNode items(JsonNode items, java.util.function.Function<JsonNode, JsonNode> view) {
        ObjectNode out = Json.object();
        ArrayNode array = out.putArray("item");
        items.forEach(i -> array.add(view.apply(i)));
        return out;
    }

    private static ServiceResponse json(int status, JsonNode body) {
        return ServiceResponse.of(status, "application/json", Json.bytes(body));
    }
}
