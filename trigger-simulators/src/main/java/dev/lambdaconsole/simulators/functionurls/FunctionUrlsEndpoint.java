package dev.lambdaconsole.simulators.functionurls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import dev.lambdaconsole.runtime.services.lambda.LambdaErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.apigateway.ApiUrls;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Function URL operations of the Lambda API ({@code /2021-10-31/functions/{name}/url} and {@code …/urls}):
 * create, get, update, delete and list, with Lambda's errors.
 */
final class FunctionUrlsEndpoint implements ServiceEndpoint {
    private static final Pattern URL = Pattern.compile("^/2021-10-31/functions/([^/]+)/url/?$");
    private static final Pattern URLS = Pattern.compile("^/2021-10-31/functions/([^/]+)/urls/?$");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private final FunctionUrlStore store;
    private final LambdaEngine engine;
    private final ApiUrls urls;
    private final LambdaErrors errors;

    FunctionUrlsEndpoint(FunctionUrlStore store, LambdaEngine engine, ApiUrls urls) {
        this.store = store;
        this.engine = engine;
        this.urls = urls;
        this.errors = new LambdaErrors(engine.settings());
    }

    @Override public String name() { return "lambda function urls"; }

    @Override public Set<String> signingNames() { return Set.of("lambda"); }

    @Override
    public boolean claimsPath(ServiceRequest r) {
        return URL.matcher(r.path()).matches() || URLS.matcher(r.path()).matches();
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest r) {
        Matcher m;
        if ((m = URLS.matcher(r.path())).matches() && r.method().equals("GET")) {
            String name = function(m.group(1), null).name();
            ObjectNode out = Json.object();
            ArrayNode list = out.putArray("FunctionUrlConfigs");
            store.read(all -> { // $LATEST's and every alias's
                all.forEach(c -> {
                    if (c.path("FunctionName").asText().equals(name)) list.add(view(c, true, true));
                });
                return null;
            });
            return json(200, out);
        }
        if (!(m = URL.matcher(r.path())).matches()) {
            throw new AwsServiceException(404, "UnknownOperationException", "Unknown operation: " + r.method() + " " + r.path());
        }
        FunctionNames fn = function(m.group(1), r.query("Qualifier"));
        String name = fn.name();
        // one URL per qualifier: $LATEST's under the function's name, an alias's under name:alias
        String key = fn.qualifier() == null ? name : name + ":" + fn.qualifier();
        String arn = engine.settings().functionArn(key);
        return switch (r.method()) {
            case "POST" -> {
                JsonNode body = body(r);
                yield json(201, store.write(all -> {
                    if (all.has(key)) {
                        throw new AwsServiceException(409, "ResourceConflictException", "Failed to create function url "
                                + "config for [functionArn = " + arn + "]. Error message:  FunctionUrlConfig exists for "
                                + "this Lambda function");
                    }
                    ObjectNode c = Json.object();
                    c.put("UrlId", newUrlId(all));
                    c.put("FunctionName", name);
                    if (fn.qualifier() != null) c.put("Qualifier", fn.qualifier());
                    String now = TIME.format(Instant.now());
                    c.put("CreationTime", now);
                    c.put("LastModifiedTime", now);
                    apply(c, body, true);
                    all.set(key, c);
                    return view(c, false, body.has("InvokeMode"));
                }));
            }
            case "PUT" -> {
                JsonNode body = body(r);
                yield json(200, store.write(all -> {
                    ObjectNode c = (ObjectNode) all.get(key);
                    if (c == null) throw notFound();
                    apply(c, body, false);
                    c.put("LastModifiedTime", TIME.format(Instant.now()));
                    return view(c, true, true);
                }));
            }
            case "GET" -> json(200, store.read(all -> {
                if (!all.has(key)) throw notFound();
                return view(all.get(key), true, true);
            }));
            case "DELETE" -> {
                store.write(all -> {
                    if (!all.has(key)) throw notFound();
                    return all.remove(key);
                });
                yield CompletableFuture.completedFuture(ServiceResponse.empty(204));
            }
            default -> throw new AwsServiceException(405, "InvalidRequestContentException", "Method not allowed: " + r.method());
        };
    }

    /** The function and qualifier: the function must exist, the qualifier (if any) be one of its aliases. */
    private FunctionNames function(String raw, String qualifier) {
        FunctionNames n = FunctionNames.parse(raw, qualifier);
        if (n.qualifier() != null) {
            if (n.qualifier().equals("$LATEST") || n.qualifier().matches("\\d+")) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '"
                        + n.qualifier() + "' at 'qualifier' failed to satisfy constraint: Member must satisfy regular "
                        + "expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)");
            }
            engine.workspace().read(n.name());
            if (engine.workspace().aliases(n.name()).stream().noneMatch(a -> a.name().equals(n.qualifier()))) {
                throw new AwsServiceException(404, "ResourceNotFoundException", "Function not found: "
                        + engine.settings().functionArn(n.name()) + ":" + n.qualifier());
            }
            return n;
        }
        engine.workspace().read(n.name());
        return n;
    }

    private static void apply(ObjectNode c, JsonNode body, boolean create) {
        if (create || body.has("AuthType")) {
            String auth = body.path("AuthType").asText("");
            if (!auth.equals("NONE") && !auth.equals("AWS_IAM")) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '" + auth
                        + "' at 'authType' failed to satisfy constraint: Member must satisfy enum value set: [AWS_IAM, NONE]");
            }
            c.put("AuthType", auth);
        }
        if (body.has("InvokeMode")) {
            String mode = body.get("InvokeMode").asText();
            if (!mode.equals("BUFFERED") && !mode.equals("RESPONSE_STREAM")) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '" + mode
                        + "' at 'invokeMode' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[RESPONSE_STREAM, BUFFERED]");
            }
            c.put("InvokeMode", mode);
        }
        if (body.has("Cors")) {
            JsonNode cors = body.get("Cors");
            if (cors.path("AllowMethods").size() > 6) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value at "
                        + "'cors.allowMethods' failed to satisfy constraint: Member must have length less than or equal to 6");
            }
            int maxAge = cors.path("MaxAge").asInt(0);
            if (maxAge < 0 || maxAge > 86400) {
                throw new AwsServiceException(400, "ValidationException", "1 validation error detected: Value '" + maxAge
                        + "' at 'cors.maxAge' failed to satisfy constraint: Member must have value less than or equal to 86400");
            }
            c.set("Cors", cors);
        }
    }

    private ObjectNode view(JsonNode c, boolean lastModified, boolean invokeMode) {
        ObjectNode v = Json.object();
        v.put("FunctionUrl", urls.functionUrl(c.get("UrlId").asText()));
        String qualifier = c.path("Qualifier").asText(null);
        v.put("FunctionArn", engine.settings().functionArn(c.get("FunctionName").asText())
                + (qualifier == null ? "" : ":" + qualifier));
        v.put("AuthType", c.get("AuthType").asText());
        if (c.has("Cors")) v.set("Cors", c.get("Cors"));
        v.put("CreationTime", c.get("CreationTime").asText());
        if (lastModified) v.put("LastModifiedTime", c.get("LastModifiedTime").asText());
        if (invokeMode) v.put("InvokeMode", c.path("InvokeMode").asText("BUFFERED"));
        return v;
    }

    private static String newUrlId(ObjectNode all) {
        while (true) {
            StringBuilder b = new StringBuilder(32);
            for (int i = 0; i < 32; i++) b.append(ID_ALPHABET.charAt(RANDOM.nextInt(ID_ALPHABET.length())));
            String id = b.toString();
            boolean used = false;
            for (JsonNode n : all) used |= n.path("UrlId").asText().equals(id);
            if (!used) return id;
        }
    }

    private static AwsServiceException notFound() {
        return new AwsServiceException(404, "ResourceNotFoundException", "The resource you requested does not exist.");
    }

    private static JsonNode body(ServiceRequest r) {
        try {
            JsonNode n = r.body().length == 0 ? Json.object() : Json.MAPPER.readTree(r.body());
            if (n == null || !n.isObject()) throw new AwsServiceException(400, "InvalidRequestContentException", "The request body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new AwsServiceException(400, "InvalidRequestContentException", "Could not parse request body into json: "
                    + e.getMessage());
        }
    }

    private static CompletionStage<ServiceResponse> json(int status, JsonNode body) {
        return CompletableFuture.completedFuture(ServiceResponse.of(status, "application/json", Json.bytes(body)));
    }

    @Override public boolean expected(Throwable error) { return LambdaErrors.expected(error); }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) { return errors.response(error); }
}
