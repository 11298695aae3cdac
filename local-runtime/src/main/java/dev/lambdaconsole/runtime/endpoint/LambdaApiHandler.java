package dev.lambdaconsole.runtime.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.invoke.InvalidRequestException;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.invoke.TooManyRequestsException;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.EventInvokeConfig;
import dev.lambdaconsole.runtime.workspace.FunctionConflictException;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Routes the Lambda API (the paths the AWS CLI and SDKs call) to the workspace and the engine. */
final class LambdaApiHandler extends Handler.Abstract.NonBlocking {
    private static final int MAX_BODY = 80 * 1024 * 1024; // a 50 MB zip, base64-encoded in JSON
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
    private static final Pattern DOWNLOAD = Pattern.compile("^/_console/code/([A-Za-z0-9_-]+)\\.zip$");

    private final LambdaEngine engine;
    private final Workspace workspace;
    private final FunctionViews views;
    private final Invocations invocations;
    private final java.util.function.Supplier<String> baseUrl;

    LambdaApiHandler(LambdaEngine engine, java.util.function.Supplier<String> baseUrl) {
        this.engine = engine;
        this.workspace = engine.workspace();
        this.views = new FunctionViews(engine.settings());
        this.invocations = new Invocations(engine);
        this.baseUrl = baseUrl;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange x = new Exchange(request, response, callback);
        Content.Source.asByteArrayAsync(request, MAX_BODY).whenComplete((body, failure) -> {
            if (failure != null) {
                x.error(new ApiError(413, "RequestTooLargeException", "Request must be smaller than " + MAX_BODY
                        + " bytes: " + failure.getMessage()));
                return;
            }
            String path = request.getHttpURI().getPath();
            if (INVOKE.matcher(path).matches()) {
                handleSafely(x, path, body); // never blocks: runs where the request arrived
            } else {
                getServer().getThreadPool().execute(() -> handleSafely(x, path, body)); // reads and writes files
            }
        });
        return true;
    }

    private void handleSafely(Exchange x, String path, byte[] body) {
        try {
            route(x, x.request.getMethod(), path, body);
        } catch (ApiError e) {
            x.error(e);
        } catch (FunctionNotFoundException e) {
            x.error(ApiError.notFound(engine.settings().functionArn(e.functionName())));
        } catch (ValidationException e) {
            x.error(ApiError.invalid(e.getMessage()));
        } catch (FunctionConflictException e) {
            x.error(new ApiError(409, "ResourceConflictException", e.getMessage()));
        } catch (TooManyRequestsException e) {
            x.error(new ApiError(429, "TooManyRequestsException", e.getMessage(), e.reason()));
        } catch (InvalidRequestException e) {
            x.error(new ApiError(e.status(), e.errorType(), e.getMessage()));
        } catch (WorkspaceException | IllegalStateException e) {
            x.error(new ApiError(500, "ServiceException", e.getMessage()));
        }
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
                x.json(200, views.function(read(n), baseUrl.get()));
            } else if (method.equals("DELETE")) {
                workspace.delete(n.name());
                engine.logs().deleteGroup(n.name());
                x.empty(204);
            } else {
                throw new ApiError(405, "InvalidRequestContentException", "Method not allowed: " + method);
            }
        } else if ((m = CONFIGURATION.matcher(path)).matches()) {
            FunctionNames n = names(x, m);
            if (method.equals("GET")) {
                x.json(200, views.configuration(read(n)));
            } else {
                JsonNode json = parse(body);
                read(n);
                FunctionConfig updated = workspace.updateConfiguration(n.name(), b -> views.apply(b, json));
                x.json(200, views.configuration(updated));
            }
        } else if ((m = CODE.matcher(path)).matches() && method.equals("PUT")) {
            FunctionNames n = names(x, m);
            read(n);
            JsonNode json = parse(body);
            byte[] zip = zipFrom(json);
            x.json(200, views.configuration(workspace.updateCode(n.name(), zip)));
        } else if ((m = CONCURRENCY.matcher(path)).matches()) {
            concurrency(x, method, names(x, m), body);
        } else if ((m = EVENT_INVOKE.matcher(path)).matches()) {
            eventInvokeConfig(x, method, names(x, m), body);
        } else if ((m = TAGS.matcher(path)).matches()) {
            tags(x, method, FunctionNames.parse(m.group(1), null), body);
        } else if (ACCOUNT.matcher(path).matches() && method.equals("GET")) {
            accountSettings(x);
        } else if ((m = DOWNLOAD.matcher(path)).matches() && method.equals("GET")) {
            x.send(200, "application/zip", workspace.codeZip(m.group(1)));
        } else {
            throw new ApiError(404, "UnknownOperationException", "Unknown operation: " + method + " " + path
                    + ". This local endpoint implements the function, invoke, concurrency, event-invoke-config, tags and"
                    + " account-settings APIs.");
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
        x.json(201, views.configuration(created));
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
                Request.extractQueryParameters(x.request).getValuesOrEmpty("tagKeys").forEach(tags::remove);
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
