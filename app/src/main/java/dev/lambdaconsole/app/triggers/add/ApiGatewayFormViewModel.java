package dev.lambdaconsole.app.triggers.add;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.apigateway.ApiGatewayService;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An API Gateway trigger, as the Lambda console's "Create a new API" / "Use existing API" makes it: an HTTP API
 * (route, AWS_PROXY integration with payload format 1.0 or 2.0, the $default stage with auto-deploy) or a REST API
 * (resource path, method, AWS_PROXY integration, a deployment to a stage), optionally behind an existing Lambda
 * authorizer of the API or a new REQUEST authorizer. Fields are checked as typed with API Gateway's own rules.
 */
public final class ApiGatewayFormViewModel {
    public enum ApiType { HTTP, REST }
    public enum Mode { NEW, EXISTING }
    public enum Authorization { NONE, EXISTING, NEW }

    /** An API or authorizer to pick: its id and name. */
    public record Choice(String id, String name) {
        @Override public String toString() { return name + " (" + id + ")"; }
    }

    public static final List<String> METHODS = List.of("ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private final String function;
    private final String functionArn;
    private final Supplier<ApiGatewayService> apis;
    private final Supplier<List<String>> functionNames;
    private final Function<String, String> arnOf;
    private final TaskRunner tasks;
    private final ObjectProperty<ApiType> type = new SimpleObjectProperty<>(ApiType.HTTP);
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.NEW);
    private final StringProperty apiName = new SimpleStringProperty("");
    private final ObjectProperty<Choice> existingApi = new SimpleObjectProperty<>();
    private final StringProperty method = new SimpleStringProperty("ANY");
    private final StringProperty path = new SimpleStringProperty("");
    private final StringProperty payloadVersion = new SimpleStringProperty("2.0");
    private final StringProperty stage = new SimpleStringProperty("default");
    private final ObjectProperty<Authorization> authorization = new SimpleObjectProperty<>(Authorization.NONE);
    private final ObjectProperty<Choice> existingAuthorizer = new SimpleObjectProperty<>();
    private final StringProperty authorizerFunction = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<List<Choice>> apiChoices = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<Choice>> authorizerChoices = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<List<String>> functions = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper apiError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pathError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stageError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper authorizerError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper invokeUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pathStyleUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final Map<ApiType, List<Choice>> listed = new LinkedHashMap<>(Map.of(ApiType.HTTP, List.of(), ApiType.REST, List.of()));
    /** Of the existing API picked: its route keys (HTTP) or "METHOD /path" of its methods (REST). */
    private List<String> taken = List.of();

    /**
     * @param functionNames the workspace's functions (for a new authorizer), read in the background
     * @param arnOf         a function's ARN by name
     */
    public ApiGatewayFormViewModel(String function, Supplier<ApiGatewayService> apis, Supplier<List<String>> functionNames,
                                   Function<String, String> arnOf, TaskRunner tasks) {
        this.function = function;
        this.functionArn = arnOf.apply(function);
        this.apis = apis;
        this.functionNames = functionNames;
        this.arnOf = arnOf;
        this.tasks = tasks;
        apiName.set(function + "-API");
        path.set("/" + function);
        for (StringProperty p : List.of(apiName, method, path, payloadVersion, stage, authorizerFunction)) {
            p.addListener((o, was, now) -> check());
        }
        type.addListener((o, was, now) -> {
            existingApi.set(null);
            apiChoices.set(listed.get(now));
            check();
        });
        mode.addListener((o, was, now) -> check());
        authorization.addListener((o, was, now) -> check());
        existingAuthorizer.addListener((o, was, now) -> check());
        existingApi.addListener((o, was, now) -> loadApi(now));
        check();
    }

    public ObjectProperty<ApiType> typeProperty() { return type; }
    public ObjectProperty<Mode> modeProperty() { return mode; }
    public StringProperty apiNameProperty() { return apiName; }
    public ObjectProperty<Choice> existingApiProperty() { return existingApi; }
    /** ANY, GET, POST, … */
    public StringProperty methodProperty() { return method; }
    /** The route's (HTTP) or resource's (REST) path, e.g. /orders, /orders/{id} or /{proxy+}. */
    public StringProperty pathProperty() { return path; }
    /** HTTP APIs: 1.0 or 2.0. */
    public StringProperty payloadVersionProperty() { return payloadVersion; }
    /** REST APIs: the stage deployed to. */
    public StringProperty stageProperty() { return stage; }
    public ObjectProperty<Authorization> authorizationProperty() { return authorization; }
    public ObjectProperty<Choice> existingAuthorizerProperty() { return existingAuthorizer; }
    /** The function a new REQUEST authorizer calls. */
    public StringProperty authorizerFunctionProperty() { return authorizerFunction; }
    /** The APIs of the chosen type. */
    public ReadOnlyObjectProperty<List<Choice>> apiChoices() { return apiChoices.getReadOnlyProperty(); }
    /** The Lambda authorizers of the existing API picked. */
    public ReadOnlyObjectProperty<List<Choice>> authorizerChoices() { return authorizerChoices.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<String>> functions() { return functions.getReadOnlyProperty(); }
    public ReadOnlyStringProperty apiError() { return apiError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty pathError() { return pathError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty stageError() { return stageError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty authorizerError() { return authorizerError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty loadError() { return loadError.getReadOnlyProperty(); }
    /** After Add: the route's URL on the API's local host name. */
    public ReadOnlyStringProperty invokeUrl() { return invokeUrl.getReadOnlyProperty(); }
    /** After Add: the same URL in path style (http://127.0.0.1:port/_aws/execute-api/…), for clients without *.localhost. */
    public ReadOnlyStringProperty pathStyleUrl() { return pathStyleUrl.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty validProperty() { return valid.getReadOnlyProperty(); }

    /** Lists the HTTP and REST APIs and the workspace's functions. */
    public void load() {
        tasks.run(() -> {
            ApiGatewayService service = apis.get();
            List<Choice> http = new ArrayList<>();
            service.call("GET", "/v2/apis", null).path("items")
                    .forEach(a -> http.add(new Choice(a.path("apiId").asText(), a.path("name").asText())));
            List<Choice> rest = new ArrayList<>();
            service.call("GET", "/restapis", null).path("item")
                    .forEach(a -> rest.add(new Choice(a.path("id").asText(), a.path("name").asText())));
            return new Object[] {http, rest, functionNames.get()};
        }).onSuccess(r -> {
            @SuppressWarnings("unchecked") List<Choice> http = (List<Choice>) r[0];
            @SuppressWarnings("unchecked") List<Choice> rest = (List<Choice>) r[1];
            @SuppressWarnings("unchecked") List<String> names = (List<String>) r[2];
            listed.put(ApiType.HTTP, http);
            listed.put(ApiType.REST, rest);
            apiChoices.set(listed.get(type.get()));
            functions.set(names);
            loadError.set("");
            check();
        }).onFailure(e -> loadError.set("Cannot list the APIs: " + e.getMessage()));
    }

    /** Reads the picked API's routes or methods and its authorizers. */
    private void loadApi(Choice api) {
        taken = List.of();
        authorizerChoices.set(List.of());
        existingAuthorizer.set(null);
        check();
        if (api == null) return;
        ApiType kind = type.get();
        tasks.run(() -> {
            ApiGatewayService service = apis.get();
            List<String> used = new ArrayList<>();
            List<Choice> authorizers = new ArrayList<>();
            if (kind == ApiType.HTTP) {
                service.call("GET", "/v2/apis/" + api.id() + "/routes", null).path("items")
                        .forEach(r -> used.add(r.path("routeKey").asText()));
                service.call("GET", "/v2/apis/" + api.id() + "/authorizers", null).path("items")
                        .forEach(a -> authorizers.add(new Choice(a.path("authorizerId").asText(), a.path("name").asText())));
            } else {
                for (JsonNode r : service.call("GET", "/restapis/" + api.id() + "/resources", null).path("item")) {
                    r.path("resourceMethods").fieldNames().forEachRemaining(m -> used.add(m + " " + r.path("path").asText()));
                }
                service.call("GET", "/restapis/" + api.id() + "/authorizers", null).path("item")
                        .forEach(a -> authorizers.add(new Choice(a.path("id").asText(), a.path("name").asText())));
            }
            return new Object[] {used, authorizers};
        }).onSuccess(r -> {
            if (existingApi.get() != api) return;
            @SuppressWarnings("unchecked") List<String> used = (List<String>) r[0];
            @SuppressWarnings("unchecked") List<Choice> authorizers = (List<Choice>) r[1];
            taken = used;
            authorizerChoices.set(authorizers);
            check();
        }).onFailure(e -> loadError.set("Cannot read API " + api.id() + ": " + e.getMessage()));
    }

    private void check() {
        boolean http = type.get() == ApiType.HTTP;
        boolean creating = mode.get() == Mode.NEW;
        String name = apiName.get().trim();
        if (creating) {
            apiError.set(name.isEmpty() ? "Name is required: enter the new API's name"
                    : name.length() > 128 ? "The API's name must be at most 128 characters" : "");
        } else {
            apiError.set(existingApi.get() != null ? "" : apiChoices.get().isEmpty()
                    ? "There is no " + type.get() + " API yet: create a new one" : "Choose an API");
        }
        String routeKey = method.get() + " " + path.get().trim();
        String p = http ? ApiGatewayService.routeKeyProblem(routeKey).orElse("")
                : ApiGatewayService.resourcePathProblem(path.get().trim()).orElse("");
        if (p.isEmpty() && !creating && taken.contains(routeKey)) {
            p = http ? "Route with key " + routeKey + " already exists for this API"
                    : "Method already exists for this resource: " + routeKey;
        }
        pathError.set(p);
        stageError.set(http || stage.get().trim().matches("[A-Za-z0-9_-]{1,128}") ? ""
                : "Stage name only allows a-zA-Z0-9_- (got '" + stage.get().trim() + "')");
        authorizerError.set(switch (authorization.get()) {
            case NONE -> "";
            case EXISTING -> creating ? "A new API has no authorizers yet: create one (New REQUEST authorizer)"
                    : existingAuthorizer.get() == null ? (authorizerChoices.get().isEmpty()
                    ? "This API has no Lambda authorizers" : "Choose an authorizer") : "";
            case NEW -> authorizerFunction.get() == null || authorizerFunction.get().isBlank()
                    ? "Choose the function that authorizes the requests" : "";
        });
        valid.set(apiError.get().isEmpty() && pathError.get().isEmpty() && stageError.get().isEmpty()
                && authorizerError.get().isEmpty());
    }

    static String invocationUri(String region, String functionArn) {
        return "arn:aws:apigateway:" + region + ":lambda:path/2015-03-31/functions/" + functionArn + "/invocations";
    }

    private static String region(String functionArn) { return functionArn.split(":")[3]; }

    /** Creates the API (when new), the integration, the route or method, the authorizer (when new) and deploys. */
    public TaskRunner.Task<String> add() {
        boolean http = type.get() == ApiType.HTTP;
        boolean creating = mode.get() == Mode.NEW;
        String name = apiName.get().trim();
        String existingId = existingApi.get() == null ? null : existingApi.get().id();
        String verb = method.get();
        String routePath = path.get().trim();
        String version = payloadVersion.get();
        String stageName = stage.get().trim();
        Authorization auth = authorization.get();
        String authorizerId = existingAuthorizer.get() == null ? null : existingAuthorizer.get().id();
        String authorizerFn = authorizerFunction.get();
        String[] urls = new String[2];
        TaskRunner.Task<String> task = tasks.run(() -> {
            ApiGatewayService service = apis.get();
            String authArn = auth == Authorization.NEW ? arnOf.apply(authorizerFn) : null;
            Created c = http
                    ? addHttp(service, creating, name, existingId, verb + " " + routePath, version, auth, authorizerId, authArn)
                    : addRest(service, creating, name, existingId, verb, routePath, stageName, auth, authorizerId, authArn);
            String stagePath = c.stage().equals("$default") ? "" : "/" + c.stage();
            urls[0] = service.urls().apiEndpoint(c.apiId()) + stagePath + routePath;
            urls[1] = service.urls().apiPathStyle(c.apiId()) + stagePath + routePath;
            return (http ? "HTTP" : "REST") + " API " + c.apiId() + ": " + verb + " " + routePath + " invokes " + function
                    + " at " + urls[0];
        });
        task.onSuccess(summary -> {
            invokeUrl.set(urls[0]);
            pathStyleUrl.set(urls[1]);
        });
        return task;
    }

    private record Created(String apiId, String stage) { }

    private Created addHttp(ApiGatewayService s, boolean creating, String name, String existingId, String routeKey,
                            String version, Authorization auth, String authorizerId, String authorizerArn) {
        String apiId = creating ? s.call("POST", "/v2/apis", Json.object().put("name", name).put("protocolType", "HTTP"))
                .get("apiId").asText() : existingId;
        String base = "/v2/apis/" + apiId;
        String integration = s.call("POST", base + "/integrations", Json.object().put("integrationType", "AWS_PROXY")
                .put("integrationUri", functionArn).put("payloadFormatVersion", version)).get("integrationId").asText();
        String authorizer = authorizerId;
        if (auth == Authorization.NEW) {
            authorizer = s.call("POST", base + "/authorizers", Json.object().put("name", authorizerName(authorizerArn))
                    .put("authorizerType", "REQUEST").put("authorizerUri", invocationUri(region(authorizerArn), authorizerArn))
                    .put("authorizerPayloadFormatVersion", "2.0").put("enableSimpleResponses", true)
                    .put("authorizerResultTtlInSeconds", 0)).get("authorizerId").asText();
        }
        ObjectNode route = Json.object().put("routeKey", routeKey).put("target", "integrations/" + integration);
        if (auth != Authorization.NONE) route.put("authorizationType", "CUSTOM").put("authorizerId", authorizer);
        s.call("POST", base + "/routes", route);
        List<String> stages = new ArrayList<>();
        s.call("GET", base + "/stages", null).path("items").forEach(st -> stages.add(st.path("stageName").asText()));
        if (stages.isEmpty()) {
            s.call("POST", base + "/stages", Json.object().put("stageName", "$default").put("autoDeploy", true));
            stages.add("$default");
        }
        return new Created(apiId, stages.contains("$default") ? "$default" : stages.get(0));
    }

    private Created addRest(ApiGatewayService s, boolean creating, String name, String existingId, String verb,
                            String resourcePath, String stageName, Authorization auth, String authorizerId,
                            String authorizerArn) {
        String apiId = creating ? s.call("POST", "/restapis", Json.object().put("name", name)).get("id").asText() : existingId;
        String base = "/restapis/" + apiId;
        Map<String, String> byPath = new LinkedHashMap<>();
        s.call("GET", base + "/resources", null).path("item")
                .forEach(r -> byPath.put(r.path("path").asText(), r.path("id").asText()));
        String current = "/";
        String resourceId = byPath.get("/");
        for (String part : resourcePath.split("/")) {
            if (part.isEmpty()) continue;
            current = (current.equals("/") ? "" : current) + "/" + part;
            String id = byPath.get(current);
            if (id == null) {
                id = s.call("POST", base + "/resources/" + resourceId, Json.object().put("pathPart", part)).get("id").asText();
                byPath.put(current, id);
            }
            resourceId = id;
        }
        String authorizer = authorizerId;
        if (auth == Authorization.NEW) {
            authorizer = s.call("POST", base + "/authorizers", Json.object().put("name", authorizerName(authorizerArn))
                    .put("type", "REQUEST").put("authorizerUri", invocationUri(region(authorizerArn), authorizerArn))
                    .put("authorizerResultTtlInSeconds", 0)).get("id").asText();
        }
        ObjectNode m = Json.object().put("authorizationType", auth == Authorization.NONE ? "NONE" : "CUSTOM");
        if (auth != Authorization.NONE) m.put("authorizerId", authorizer);
        String methodPath = base + "/resources/" + resourceId + "/methods/" + verb;
        s.call("PUT", methodPath, m);
        s.call("PUT", methodPath + "/integration", Json.object().put("type", "AWS_PROXY").put("httpMethod", "POST")
                .put("uri", invocationUri(region(functionArn), functionArn)));
        s.call("POST", base + "/deployments", Json.object().put("stageName", stageName));
        return new Created(apiId, stageName);
    }

    private static String authorizerName(String functionArn) {
        return functionArn.substring(functionArn.lastIndexOf(':') + 1) + "-authorizer";
    }
}
