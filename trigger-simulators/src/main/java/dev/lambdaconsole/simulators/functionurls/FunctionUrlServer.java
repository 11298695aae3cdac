package dev.lambdaconsole.simulators.functionurls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.apigateway.ApiUrls;
import dev.lambdaconsole.simulators.apigateway.CorsRules;
import dev.lambdaconsole.simulators.apigateway.ProxyEvents;
import dev.lambdaconsole.simulators.apigateway.ProxyRequest;
import dev.lambdaconsole.simulators.apigateway.ProxyResponses;
import dev.lambdaconsole.simulators.apigateway.SyncInvoker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The Function URLs themselves: {@code http://{url-id}.lambda-url.{region}.localhost:{port}/…} (or the path-style
 * {@code /_aws/lambda-url/{url-id}/…}) invoke their function with the payload 2.0 event Function URLs build and
 * answer with its response, buffered or streamed (InvokeMode RESPONSE_STREAM), CORS as Lambda answers it.
 * AWS_IAM URLs need a signed request, but the signature is not checked (logged once).
 */
final class FunctionUrlServer implements ServiceEndpoint {
    private static final Logger LOG = Logger.getLogger(FunctionUrlServer.class.getName());
    static final String STREAM_TYPE = "application/vnd.awslambda.http-integration-response";
    private final FunctionUrlStore store;
    private final SyncInvoker invoker;
    private final String accountId;
    private final AtomicBoolean iamNoticed = new AtomicBoolean();

    FunctionUrlServer(FunctionUrlStore store, SyncInvoker invoker, String accountId) {
        this.store = store;
        this.invoker = invoker;
        this.accountId = accountId;
    }

    @Override public String name() { return "lambda-url"; }

    /** AWS_IAM URLs are signed "lambda"; the URL's host or path tells them from the Lambda API. */
    @Override public Set<String> signingNames() { return Set.of("lambda"); }

    @Override
    public boolean claimsPath(ServiceRequest r) {
        return r.host().contains(".lambda-url.") || r.path().startsWith(ApiUrls.LAMBDA_URL_PATH);
    }

    @Override public boolean blocking(ServiceRequest request) { return false; }

    @Override public boolean expected(Throwable error) { return true; }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        return ServiceResponse.text(502, "text/plain", "Internal Server Error");
    }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest r) {
        String urlId;
        String rawPath;
        String domain;
        if (r.host().contains(".lambda-url.")) {
            urlId = r.host().substring(0, r.host().indexOf('.'));
            rawPath = r.path();
            domain = r.host();
        } else {
            String rest = r.path().substring(ApiUrls.LAMBDA_URL_PATH.length());
            int slash = rest.indexOf('/');
            urlId = slash < 0 ? rest : rest.substring(0, slash);
            rawPath = slash < 0 ? "/" : rest.substring(slash);
            domain = urlId + ".lambda-url.localhost";
        }
        Optional<ObjectNode> found = store.byUrlId(urlId);
        if (found.isEmpty()) return done(ServiceResponse.text(403, "application/json", "{\"Message\":null}"));
        ObjectNode config = found.get();
        CorsRules cors = CorsRules.fromFunctionUrl(config.get("Cors"));
        if (cors != null && CorsRules.isPreflight(r)) return done(cors.preflight(r, 200));
        JsonNode authorizer = null;
        if (config.path("AuthType").asText().equals("AWS_IAM")) {
            String accessKey = accessKey(r);
            if (accessKey == null) {
                return done(ServiceResponse.text(403, "application/json", "{\"Message\":\"Forbidden\"}"));
            }
            if (iamNoticed.compareAndSet(false, true)) {
                LOG.warning("Function URLs with AuthType AWS_IAM accept any signed request: signatures are not checked "
                        + "locally");
            }
            ObjectNode iam = Json.object();
            ObjectNode i = iam.putObject("iam");
            i.put("accessKey", accessKey);
            i.put("accountId", accountId);
            i.put("callerId", accessKey);
            i.putNull("cognitoIdentity");
            i.putNull("principalOrgId");
            i.put("userArn", "arn:aws:iam::" + accountId + ":root");
            i.put("userId", accountId);
            authorizer = iam;
        }
        ProxyRequest pr = ProxyRequest.of(r, rawPath, domain);
        String name = config.get("FunctionName").asText();
        ProxyEvents.Target target = new ProxyEvents.Target(urlId, authorizer == null ? "anonymous" : accountId,
                "$default", "$default", Map.of(), Map.of(), authorizer);
        ObjectNode event = ProxyEvents.v2(pr, target, true);
        byte[] bytes = Json.bytes(event);
        boolean streaming = config.path("InvokeMode").asText("BUFFERED").equals("RESPONSE_STREAM");
        String arn = invoker.engine().settings().functionArn(name)
                + (config.hasNonNull("Qualifier") ? ":" + config.get("Qualifier").asText() : "");
        String qualifier = config.path("Qualifier").asText(null); // a URL on an alias invokes through it
        return invoker.invoke(name, qualifier, bytes, 15 * 60_000L + 10_000).thenApply(o -> {
            ServiceResponse response;
            if (o.result() == null || o.functionError()) {
                response = ServiceResponse.text(502, "text/plain", "Internal Server Error");
            } else {
                try {
                    response = streaming ? streamed(o.result()) : ProxyResponses.v2(o.result().payload());
                } catch (ProxyResponses.Malformed e) {
                    response = ServiceResponse.text(502, "text/plain", "Internal Server Error");
                }
            }
            invoker.record("function-url", arn, name, o, response.status(), new String(bytes, StandardCharsets.UTF_8));
            if (cors != null) response = cors.decorate(r, response);
            return response.withHeader("x-amzn-RequestId", o.result() == null ? pr.requestId() : o.result().requestId());
        });
    }

    /**
     * A streamed response: with the HTTP integration prelude ({@code {statusCode, headers, cookies}}, eight zero
     * bytes, then the body) as {@code awslambda.HttpResponseStream} writes it, else the payload as it came.
     */
    static ServiceResponse streamed(InvocationResult result) throws ProxyResponses.Malformed {
        byte[] payload = result.payload();
        if (!STREAM_TYPE.equals(result.contentType())) {
            if (result.contentType() == null || result.contentType().startsWith("application/json")) {
                ServiceResponse mapped = ProxyResponses.v2(payload);
                byte[] body = mapped.body();
                return new ServiceResponse(mapped.status(), mapped.headers(), mapped.contentType(), null,
                        mapped.multiHeaders(), out -> out.write(body));
            }
            return ServiceResponse.streamed(200, Map.of(), result.contentType(), out -> out.write(payload));
        }
        int split = -1;
        for (int i = 0; i + 8 <= payload.length; i++) {
            boolean zeros = true;
            for (int j = 0; j < 8 && zeros; j++) zeros = payload[i + j] == 0;
            if (zeros) {
                split = i;
                break;
            }
        }
        if (split < 0) throw new ProxyResponses.Malformed("The streamed response has no prelude delimiter");
        JsonNode prelude;
        try {
            prelude = Json.MAPPER.readTree(Arrays.copyOfRange(payload, 0, split));
        } catch (IOException e) {
            throw new ProxyResponses.Malformed("The streamed response's prelude is not JSON: " + e.getMessage());
        }
        byte[] body = Arrays.copyOfRange(payload, split + 8, payload.length);
        int status = prelude.path("statusCode").asInt(200);
        Map<String, String> headers = new LinkedHashMap<>();
        prelude.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        String contentType = headers.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Content-Type"))
                ? null : "application/octet-stream";
        ServiceResponse response = ServiceResponse.streamed(status, headers, contentType, out -> {
            out.write(body);
            out.flush();
        });
        List<String> cookies = new ArrayList<>();
        prelude.path("cookies").forEach(c -> cookies.add(c.asText()));
        return cookies.isEmpty() ? response : response.withHeaderValues("Set-Cookie", cookies);
    }

    /** The access key of a SigV4 signature (header or presigned query), or null when the request is unsigned. */
    private static String accessKey(ServiceRequest r) {
        String auth = r.header("Authorization");
        String credential = null;
        if (auth != null && auth.contains("Credential=")) {
            credential = auth.substring(auth.indexOf("Credential=") + 11);
        } else if (r.query("X-Amz-Credential") != null) {
            credential = r.query("X-Amz-Credential");
        }
        if (credential == null) return null;
        int slash = credential.indexOf('/');
        return slash < 0 ? credential : credential.substring(0, slash);
    }

    private static CompletableFuture<ServiceResponse> done(ServiceResponse r) {
        return CompletableFuture.completedFuture(r);
    }
}
