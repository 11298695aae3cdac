package dev.lambdaconsole.runtime.services.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Lambda API (rest-json, the paths the AWS CLI and SDKs call) on the shared endpoint, over the workspace and
 * the engine. Every failure, expected or not, becomes Lambda's error shape through {@link LambdaErrors}.
 */
public final class LambdaEndpoint implements ServiceEndpoint {
    private static final Pattern FUNCTIONS = Pattern.compile("^/2015-03-31/functions/?$");
    private static final Pattern FUNCTION = Pattern.compile("^/2015-03-31/functions/([^/]+)/?$");
    private static final Pattern CONFIGURATION = Pattern.compile("^/2015-03-31/functions/([^/]+)/configuration/?$");
    private static final Pattern CODE = Pattern.compile("^/2015-03-31/functions/([^/]+)/code/?$");
    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
    private static final Pattern INVOKE_ASYNC = Pattern.compile("^/2014-11-13/functions/([^/]+)/invoke-async/?$");
    private static final Pattern CONCURRENCY = Pattern.compile("^/20\\d\\d-\\d\\d-\\d\\d/functions/([^/]+)/concurrency/?$");
    private static final Pattern EVENT_INVOKE = Pattern.compile("^/2019-09-25/functions/([^/]+)/event-invoke-config/?$");
    private static final Pattern TAGS = Pattern.compile("^/2017-03-31/tags/(.+)$");
    private static final Pattern ACCOUNT = Pattern.compile("^/2016-08-19/account-settings/?$");
    private static final Pattern VERSIONS = Pattern.compile("^/2015-03-31/functions/([^/]+)/versions/?$");
    private static final Pattern ALIASES = Pattern.compile("^/2015-03-31/functions/([^/]+)/aliases/?$");
    private static final Pattern ALIAS = Pattern.compile("^/2015-03-31/functions/([^/]+)/aliases/([^/]+)/?$");
    private static final Pattern DOWNLOAD = Pattern.compile("^/_console/code/([A-Za-z0-9_-]+)(?:/([0-9]+))?\\.zip$");
    /**
     * Lambda's paths start with an API date; the console's own with /_console/. Event source mappings and Function
     * URL configurations are served by their own endpoints (trigger simulators).
     */
    private static final Pattern LAMBDA_PATH = Pattern.compile(
            "^/(20\\d\\d-\\d\\d-\\d\\d|_console)/(?!event-source-mappings(/|$)|functions/[^/]+/urls?/?$).*");

    private final LambdaEngine engine;
    private final Workspace workspace;
    private final FunctionViews views;
    private final Invocations invocations;
    private final FunctionService functions;
    private final Versioning versioning;
    private final LambdaErrors errors;
    private final Supplier<String> baseUrl;

    public LambdaEndpoint(LambdaEngine engine, Supplier<String> baseUrl) {
        this.engine = engine;
        this.workspace = engine.workspace();
        this.views = new FunctionViews(engine.settings());
        this.invocations = new Invocations(engine);
        this.functions = new FunctionService(engine.workspace(), engine.logs());
        this.versioning = new Versioning(engine.workspace(), engine.settings(), views);
        this.errors = new LambdaErrors(engine.settings());
        this.baseUrl = baseUrl;
    }

    @Override public String name() { return "lambda"; }

    @Override public Set<String> signingNames() { return Set.of("lambda"); }

    /** Not on the host of an API or a Function URL, whose own paths may look like the Lambda API's. */
    @Override
    public boolean claimsPath(ServiceRequest request) {
        String host = request.host();
        return LAMBDA_PATH.matcher(request.path()).matches() && !host.contains(".lambda-url.")
                && !host.contains(".execute-api.");
    }

    /** Invoke never blocks (it waits for the engine's future); everything else reads and writes files. */
    @Override
    public boolean blocking(ServiceRequest request) {
        return !(INVOKE.matcher(request.path()).matches() && request.method().equals("POST"));
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        Exchange x = new Exchange(request);
        route(x, request.method(), request.path(), request.body());
        return x.reply;
    }

    @Override public boolean expected(Throwable error) { return LambdaErrors.expected(error); }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        return Exchange.error(errors.translate(error));
    }

    private void route(Exchange x, String method, String path, byte[] body) {
        Matcher m;
        if ((m = INVOKE.matcher(path)).matches() && method.equals("POST")) {
            invocations.invoke(x, names(x, m), body);
        } else if ((m = INVOKE_ASYNC.matcher(path)).matches() && method.equals("POST")) {
            invocations.invokeAsyncLegacy(x, names(x, m), body);
        } else if (FUNCTIONS.matcher(path).matches()) {
            if (method.equals("POST")) create(x, body);
            else if (method.equals("GET")) list(x);
            else throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
        } else if ((m = FUNCTION.matcher(path)).matches()) {
            FunctionNames n = names(x, m);
            if (method.equals("GET")) {
                x.json(200, versioning.function(n, baseUrl.get()));
            } else if (method.equals("DELETE")) {
                if (n.qualifier() == null) {
                    functions.delete(n.name());
                } else {
                    workspace.deleteVersion(n.name(), n.qualifier()); // refuses $LATEST and aliases
                }
                x.empty(204);
            } else {
                throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
            }
        } else if ((m = CONFIGURATION.matcher(path)).matches()) {
            FunctionNames n = names(x, m);
            if (method.equals("GET")) {
                x.json(200, versioning.configuration(n));
            } else {
                JsonNode json = parse(body);
                checkRevision(read(n), json);
                FunctionConfig updated = workspace.updateConfiguration(n.name(), b -> views.apply(b, json));
                x.json(200, views.configuration(updated));
            }
        } else if ((m = CODE.matcher(path)).matches() && method.equals("PUT")) {
            FunctionNames n = names(x, m);
            JsonNode json = parse(body);
            checkRevision(read(n), json);
            byte[] zip = zipFrom(json);
            FunctionConfig updated = workspace.updateCode(n.name(), zip);
            x.json(200, published(updated, json));
        } else if ((m = VERSIONS.matcher(path)).matches()) {
            FunctionNames n = names(x, m);
            if (method.equals("POST")) versioning.publish(x, n, parse(body));
            else if (method.equals("GET")) versioning.listVersions(x, n);
            else throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
        } else if ((m = ALIASES.matcher(path)).matches()) {
            FunctionNames n = names(x, m);
            if (method.equals("POST")) versioning.createAlias(x, n, parse(body));
            else if (method.equals("GET")) versioning.listAliases(x, n);
            else throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
        } else if ((m = ALIAS.matcher(path)).matches()) {
            versioning.alias(x, method, names(x, m),
                    java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8), body);
        } else if ((m = CONCURRENCY.matcher(path)).matches()) {
            concurrency(x, method, names(x, m), body);
        } else if ((m = EVENT_INVOKE.matcher(path)).matches()) {
            eventInvokeConfig(x, method, names(x, m), body);
        } else if ((m = TAGS.matcher(path)).matches()) {
            tags(x, method, FunctionNames.parse(m.group(1), null), body);
        } else if (ACCOUNT.matcher(path).matches() && method.equals("GET")) {
            accountSettings(x);
        } else if ((m = DOWNLOAD.matcher(path)).matches() && method.equals("GET")) {
            x.send(200, "application/zip", m.group(2) == null ? workspace.codeZip(m.group(1))
                    : workspace.codeZip(m.group(1), m.group(2)));
        } else {
            throw new ApiError(404, "UnknownOperationException", "Unknown operation: " + method + " " + path
                    + ". This local endpoint implements the function, invoke, version, alias, concurrency,"
                    + " event-invoke-config, tags and account-settings APIs.");
        }
    }

    private FunctionNames names(Exchange x, Matcher m) {
        return FunctionNames.parse(m.group(1), x.query("Qualifier"));
    }

    private FunctionConfig read(FunctionNames n) {
        n.requireLatest(engine.settings().functionArn(n.name()));
        return workspace.read(n.name());
    }

    private void create(Exchange x, byte[] body) {
        JsonNode json = parse(body);
        String name = json.path("FunctionName").asText(null);
        if (name == null) throw ApiError.invalid("FunctionName is required");
        FunctionNames n = FunctionNames.parse(name, null);
        FunctionConfig.Builder b = views.apply(FunctionConfig.builder(n.name()), json);
        JsonNode code = json.path("Code");
        if (code.hasNonNull("ImageUri")) {
            b.packageType("Image").imageUri(code.get("ImageUri").asText());
        }
        FunctionConfig config = b.build();
        byte[] zip = "Image".equals(config.packageType()) ? null : zipFrom(json);
        FunctionConfig created = workspace.create(config, zip);
        x.json(201, published(created, json));
    }

    /** With {@code Publish: true} (CreateFunction, UpdateFunctionCode) the new code is published as a version. */
    private ObjectNode published(FunctionConfig latest, JsonNode json) {
        if (!json.path("Publish").asBoolean(false)) return views.configuration(latest);
        var v = workspace.publishVersion(latest.functionName(), null, null, null);
        return views.configuration(v.config(), v.version(), v.version());
    }

    /** A RevisionId in an update's body must be $LATEST's current one (412 PreconditionFailedException). */
    private static void checkRevision(FunctionConfig current, JsonNode json) {
        String expected = json.path("RevisionId").asText(null);
        if (expected != null && !expected.equals(current.revisionId())) {
            throw new ApiError(412, "PreconditionFailedException", "The Revision Id provided does not match the latest"
                    + " Revision Id. Call the GetFunction/GetAlias API to retrieve the latest Revision Id");
        }
    }

    /** The ZipFile of a CreateFunction (under Code) or UpdateFunctionCode body. */
    private static byte[] zipFrom(JsonNode json) {
        JsonNode holder = json.has("Code") ? json.get("Code") : json;
        if (holder.hasNonNull("S3Bucket")) {
            throw ApiError.invalid("Code from S3 (S3Bucket/S3Key) is not available locally: upload the .zip itself "
                    + "(--zip-file fileb://function.zip)");
        }
        if (!holder.hasNonNull("ZipFile")) {
            throw ApiError.invalid("Code.ZipFile is required: pass --zip-file fileb://function.zip");
        }
        try {
            return Base64.getDecoder().decode(holder.get("ZipFile").asText());
        } catch (IllegalArgumentException e) {
            throw ApiError.invalid("ZipFile must be base64-encoded: " + e.getMessage());
        }
    }

    private void list(Exchange x) {
        ObjectNode out = Json.object();
        ArrayNode functions = out.putArray("Functions");
        workspace.functions().forEach(f -> functions.add(views.configuration(f)));
        x.json(200, out);
    }

    private void concurrency(Exchange x, String method, FunctionNames n, byte[] body) {
        read(n);
        switch (method) {
            case "PUT" -> {
                JsonNode json = parse(body);
                if (!json.path("ReservedConcurrentExecutions").canConvertToInt()) {
                    throw ApiError.invalid("ReservedConcurrentExecutions is required and must be a whole number");
                }
                int value = json.get("ReservedConcurrentExecutions").asInt();
                if (value > engine.settings().concurrencyLimit()) {
                    throw ApiError.invalid("ReservedConcurrentExecutions must not exceed the engine's concurrency limit ("
                            + engine.settings().concurrencyLimit() + "), got " + value);
                }
                workspace.updateConfiguration(n.name(), b -> b.reservedConcurrentExecutions(value));
                x.json(200, Json.object().put("ReservedConcurrentExecutions", value));
            }
            case "DELETE" -> {
                workspace.updateConfiguration(n.name(), b -> b.reservedConcurrentExecutions(null));
                x.empty(204);
            }
            default -> {
                Integer value = workspace.read(n.name()).reservedConcurrentExecutions();
                ObjectNode out = Json.object();
                if (value != null) out.put("ReservedConcurrentExecutions", value);
                x.json(200, out);
            }
        }
    }

    /** ListTags, TagResource and UntagResource on a function ARN. */
    private void tags(Exchange x, String method, FunctionNames n, byte[] body) {
        FunctionConfig config = read(n);
        java.util.Map<String, String> tags = new java.util.LinkedHashMap<>(config.tags() == null ? java.util.Map.of() : config.tags());
        switch (method) {
            case "POST" -> {
                parse(body).path("Tags").fields().forEachRemaining(e -> tags.put(e.getKey(), e.getValue().asText()));
                workspace.updateConfiguration(n.name(), b -> b.tags(tags));
                x.empty(204);
            }
            case "DELETE" -> {
                x.request.queryAll("tagKeys").forEach(tags::remove);
                workspace.updateConfiguration(n.name(), b -> b.tags(tags.isEmpty() ? null : tags));
                x.empty(204);
            }
            default -> {
                ObjectNode out = Json.object();
                out.set("Tags", Json.MAPPER.valueToTree(tags));
                x.json(200, out);
            }
        }
    }

    /** GetAccountSettings: the engine's limits and what the workspace uses. */
    private void accountSettings(Exchange x) {
        List<FunctionConfig> functions = workspace.functions();
        ObjectNode out = Json.object();
        ObjectNode limit = out.putObject("AccountLimit");
        limit.put("TotalCodeSize", 80L * 1024 * 1024 * 1024);
        limit.put("CodeSizeUnzipped", 262144000L);
        limit.put("CodeSizeZipped", 52428800L);
        limit.put("ConcurrentExecutions", engine.settings().concurrencyLimit());
        int reserved = functions.stream().mapToInt(f -> f.reservedConcurrentExecutions() == null ? 0
                : f.reservedConcurrentExecutions()).sum();
        limit.put("UnreservedConcurrentExecutions", Math.max(0, engine.settings().concurrencyLimit() - reserved));
        ObjectNode usage = out.putObject("AccountUsage");
        usage.put("TotalCodeSize", functions.stream().mapToLong(f -> f.codeSize() == null ? 0 : f.codeSize()).sum());
        usage.put("FunctionCount", functions.size());
        x.json(200, out);
    }

    private void eventInvokeConfig(Exchange x, String method, FunctionNames n, byte[] body) {
        read(n);
        String arn = engine.settings().functionArn(n.name()) + ":$LATEST";
        switch (method) {
            case "PUT", "POST" -> {
                EventInvokeConfig config;
                try {
                    config = Json.MAPPER.readValue(body, EventInvokeConfig.class);
                } catch (IOException e) {
                    throw ApiError.invalid("The body is not a valid event invoke configuration: " + e.getMessage());
                }
                EventInvokeConfig saved = workspace.putEventInvokeConfig(n.name(), config);
                x.json(200, eventInvokeView(saved, arn));
            }
            case "DELETE" -> {
                workspace.putEventInvokeConfig(n.name(), EventInvokeConfig.DEFAULT);
                x.empty(204);
            }
            default -> x.json(200, eventInvokeView(workspace.eventInvokeConfig(n.name()), arn));
        }
    }

    private static ObjectNode eventInvokeView(EventInvokeConfig c, String arn) {
        ObjectNode out = Json.MAPPER.valueToTree(c);
        out.put("FunctionArn", arn);
        out.put("MaximumRetryAttempts", c.retriesOrDefault());
        out.put("MaximumEventAgeInSeconds", c.maxAgeOrDefault());
        if (!out.has("DestinationConfig")) out.putObject("DestinationConfig");
        return out;
    }

    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
            if (!node.isObject()) throw ApiError.invalid("The request body must be a JSON object");
            return node;
        } catch (IOException e) {
            throw new ApiError(400, "InvalidRequestContentException", "Could not parse request body into json: "
                    + e.getMessage());
        }
    }

}
