package dev.lambdaconsole.simulators.sqs;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceEndpoint;
import dev.lambdaconsole.runtime.gateway.ServiceRequest;
import dev.lambdaconsole.runtime.gateway.ServiceResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * SQS on the shared endpoint: relays each request (method, path, query, protocol headers, body) to the embedded
 * ElasticMQ and its reply back, without waiting on a gateway thread (long polls park nowhere). Both SQS protocols:
 * JSON ({@code X-Amz-Target: AmazonSQS.<Action>}, the CLI v1 and the SDK v2) and query (a form with
 * {@code Action=}, Debian's CLI v2). Errors are rewritten to SQS's own shape for the protocol spoken.
 */
final class SqsEndpoint implements ServiceEndpoint {
    static final String TARGET_PREFIX = "AmazonSQS";
    /** The actions of the SQS API (2012-11-05), by which an unsigned query request is recognised. */
    static final Set<String> ACTIONS = Set.of("AddPermission", "CancelMessageMoveTask", "ChangeMessageVisibility",
            "ChangeMessageVisibilityBatch", "CreateQueue", "DeleteMessage", "DeleteMessageBatch", "DeleteQueue",
            "GetQueueAttributes", "GetQueueUrl", "ListDeadLetterSourceQueues", "ListMessageMoveTasks", "ListQueueTags",
            "ListQueues", "PurgeQueue", "ReceiveMessage", "RemovePermission", "SendMessage", "SendMessageBatch",
            "SetQueueAttributes", "StartMessageMoveTask", "TagQueue", "UntagQueue");
    /** {@code /} or a queue's path, {@code /<account>/<queue>}. */
    private static final Pattern QUEUE_PATH = Pattern.compile("^/([A-Za-z0-9]+/[^/]+/?)?$");
    private static final List<String> FORWARDED = List.of("Content-Type", "X-Amz-Target", "X-Amzn-Trace-Id",
            "X-Amzn-Query-Mode");
    private static final Set<String> NOT_RELAYED = Set.of("content-type", "content-length", "date", "server",
            "connection", "transfer-encoding", "keep-alive");
    /** Longer than SQS's longest wait (20 s) and ElasticMQ's request timeout (21 s). */
    static final Duration TIMEOUT = Duration.ofSeconds(40);

    private final HttpClient http;
    private final URI target;

    /** Relays to ElasticMQ at {@code target} (e.g. http://127.0.0.1:40123) with {@code http}. */
    SqsEndpoint(HttpClient http, URI target) {
        this.http = http;
        this.target = target;
    }

    @Override public String name() { return "sqs"; }

    @Override public Set<String> signingNames() { return Set.of("sqs"); }

    @Override public Set<String> targetPrefixes() { return Set.of(TARGET_PREFIX); }

    /** An unsigned query request: a form (or GET) with an SQS {@code Action}, to {@code /} or a queue's path. */
    @Override
    public boolean claimsPath(ServiceRequest request) {
        if (!QUEUE_PATH.matcher(request.path()).matches()) return false;
        String action = request.query("Action");
        if (action == null && request.contentType().equals("application/x-www-form-urlencoded")) {
            List<String> values = ServiceRequest.parseForm(request.bodyText()).get("Action");
            action = values == null || values.isEmpty() ? null : values.get(0);
        }
        return action != null && ACTIONS.contains(action);
    }

    @Override public boolean blocking(ServiceRequest request) { return false; }

    @Override
    public CompletionStage<ServiceResponse> handle(ServiceRequest request) {
        URI uri = target.resolve(request.path() + (request.rawQuery() == null ? "" : "?" + request.rawQuery()));
        HttpRequest.Builder forward = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(request.method(), request.body().length == 0 && request.method().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (String name : FORWARDED) {
            String value = request.header(name);
            if (value != null) forward.header(name, value);
        }
        boolean json = isJson(request);
        return http.sendAsync(forward.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((reply, failure) -> {
                    if (failure != null) {
                        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        return error(json, SqsErrors.unavailable(cause), request.requestId());
                    }
                    return relay(json, reply, request.requestId());
                });
    }

    private static ServiceResponse relay(boolean json, HttpResponse<byte[]> reply, String requestId) {
        int status = reply.statusCode();
        if (status >= 400) {
            AwsServiceException e = json ? SqsErrors.fromJson(status, reply.body()) : SqsErrors.fromXml(status, reply.body());
            return error(json, e, requestId);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        reply.headers().map().forEach((name, values) -> {
            if (!NOT_RELAYED.contains(name.toLowerCase(java.util.Locale.ROOT)) && !values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        });
        String contentType = reply.headers().firstValue("Content-Type").orElse(json ? SqsErrors.JSON : "text/xml");
        return new ServiceResponse(status, headers, contentType, reply.body());
    }

    /** Whether the client speaks the JSON protocol (else query). */
    static boolean isJson(ServiceRequest request) {
        return request.target() != null || request.contentType().startsWith("application/x-amz-json");
    }

    private static ServiceResponse error(boolean json, AwsServiceException e, String requestId) {
        return json ? SqsErrors.json(e) : SqsErrors.query(e, requestId);
    }

    @Override
    public ServiceResponse error(ServiceRequest request, Throwable error) {
        AwsServiceException e = error instanceof AwsServiceException a ? a
                : new AwsServiceException(500, "InternalFailure", "The local SQS failed: " + error);
        return error(isJson(request), e, request.requestId());
    }
}
