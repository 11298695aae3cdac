package dev.lambdaconsole.runtime.runtimeapi;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Routes the Runtime API paths of every environment's port to that environment's channel. */
final class RuntimeApiHandler extends Handler.Abstract.NonBlocking {
    private static final String BASE = "/2018-06-01/runtime/";
    private static final String INVOCATION = BASE + "invocation/";
    private final Map<Connector, RuntimeApiChannel> channels;

    RuntimeApiHandler(Map<Connector, RuntimeApiChannel> channels) {
        this.channels = channels;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        RuntimeApiChannel channel = channels.get(request.getConnectionMetaData().getConnector());
        if (channel == null) {
            Replies.error(response, callback, 500, "InternalServerError", "No execution environment on this port.");
            return true;
        }
        String path = request.getHttpURI().getPath();
        String method = request.getMethod();
        if (path.equals(INVOCATION + "next") && method.equals("GET")) {
            channel.next(response, callback);
        } else if (path.startsWith(INVOCATION) && method.equals("POST") && path.endsWith("/response")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/response".length());
            postResponse(channel, id, request, response, callback);
        } else if (path.startsWith(INVOCATION) && method.equals("POST") && path.endsWith("/error")) {
            String id = path.substring(INVOCATION.length(), path.length() - "/error".length());
            readBody(request, RuntimeApiChannel.MAX_RESPONSE, response, callback, body ->
                    channel.answer(id, new RuntimeOutcome.FunctionError(body, errorType(request)),
                            status -> reply(channel, id, status, response, callback)));
        } else if (path.equals(BASE + "init/error") && method.equals("POST")) {
            readBody(request, RuntimeApiChannel.MAX_RESPONSE, response, callback, body ->
                    channel.initError(body, errorType(request), response, callback));
        } else {
            // Read any body first: answering before it is read can make the server close the kept-alive
            // connection under the caller's next request.
            Content.Source.consumeAll(request, Callback.from(() -> other(channel, method, path, request, response, callback),
                    callback::failed));
        }
        return true;
    }

    private void other(RuntimeApiChannel channel, String method, String path, Request request, Response response,
                       Callback callback) {
        if (path.equals("/2018-06-01/ping")) {
            Replies.text(response, callback, 200, "text/plain", "pong");
        } else if (path.startsWith("/2020-08-15/logs")) {
            Replies.text(response, callback, 202, "application/json", "{\"errorType\":\"Logs.NotSupported\"}");
        } else if (path.startsWith("/2022-07-01/telemetry")) {
            Replies.text(response, callback, 202, "application/json", "{\"errorType\":\"Telemetry.NotSupported\"}");
        } else if (path.startsWith("/2020-01-01/extension/")) {
            extension(channel, path, request, response, callback);
        } else {
            Replies.error(response, callback, 404, "NotFound", "No such Runtime API path: " + method + " " + path);
        }
    }

    private void postResponse(RuntimeApiChannel channel, String id, Request request, Response response,
                              Callback callback) {
        String mode = request.getHeaders().get("Lambda-Runtime-Function-Response-Mode");
        if (mode != null && !mode.equalsIgnoreCase("streaming")) {
            Replies.error(response, callback, 400, "InvalidFunctionResponseMode",
                    "Lambda-Runtime-Function-Response-Mode must be 'streaming' (got '" + mode + "').");
            return;
        }
        boolean streaming = mode != null;
        int limit = streaming ? RuntimeApiChannel.MAX_STREAMED_RESPONSE : RuntimeApiChannel.MAX_RESPONSE;
        long declared = request.getLength();
        if (declared > limit) {
            tooLarge(channel, id, declared, limit, request, response, callback);
            return;
        }
        String contentType = request.getHeaders().get("Content-Type");
        Content.Source.asByteArrayAsync(request, limit + 1).whenComplete((body, failure) -> {
            if (failure != null) {
                if (declared < 0 && channel.isCurrent(id)) {
                    tooLarge(channel, id, -1, limit, request, response, callback);
                } else {
                    Replies.error(response, callback, 400, "TruncatedHTTPRequest",
                            "The response body could not be read completely: " + failure.getMessage());
                }
                return;
            }
            if (body.length > limit) {
                tooLarge(channel, id, body.length, limit, request, response, callback);
                return;
            }
            RuntimeOutcome outcome = new RuntimeOutcome.Success(body, contentType);
            HttpFields trailers = streaming ? request.getTrailers() : null;
            if (trailers != null && trailers.get("Lambda-Runtime-Function-Error-Type") != null) {
                String encoded = trailers.get("Lambda-Runtime-Function-Error-Body");
                byte[] errorBody = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded.trim());
                outcome = new RuntimeOutcome.FunctionError(errorBody, trailers.get("Lambda-Runtime-Function-Error-Type"));
            }
            channel.answer(id, outcome, status -> reply(channel, id, status, response, callback));
        });
    }

    private static void tooLarge(RuntimeApiChannel channel, String id, long size, int limit, Request request,
                                 Response response, Callback callback) {
        String sizeText = size >= 0 ? size + " bytes" : "more than " + limit + " bytes";
        String message = "Response payload size (" + sizeText + ") exceeded maximum allowed payload size ("
                + limit + " bytes).";
        byte[] body = RuntimeApiChannel.errorJson("Function.ResponseSizeTooLarge", message);
        // The invoker gets the size error; the runtime gets 413.
        channel.answer(id, new RuntimeOutcome.FunctionError(body, "Function.ResponseSizeTooLarge"), status -> { });
        // Read the rest of the body before answering, so that the runtime finishes writing and reads the 413
        // instead of meeting a closed connection.
        Content.Source.consumeAll(request, Callback.from(
                () -> Replies.error(response, callback, 413, "RequestEntityTooLarge", message),
                failure -> Replies.error(response, callback, 413, "RequestEntityTooLarge", message)));
    }

    private static void reply(RuntimeApiChannel channel, String id, int status, Response response, Callback callback) {
        switch (status) {
            case 202 -> Replies.accepted(response, callback);
            case 400 -> Replies.error(response, callback, 400, "InvalidRequestID",
                    "Invalid request ID: " + id + " is not the current invocation or was answered already.");
            default -> Replies.error(response, callback, 403, "InvalidStateTransition",
                    "State transition from " + channel.phaseName() + " to RESPONSE failed for runtime.");
        }
    }

    private static String errorType(Request request) {
        String type = request.getHeaders().get("Lambda-Runtime-Function-Error-Type");
        return type == null || type.isBlank() ? "Unhandled" : type;
    }

    private interface BodyConsumer { void accept(byte[] body); }

    private static void readBody(Request request, int limit, Response response, Callback callback, BodyConsumer then) {
        Content.Source.asByteArrayAsync(request, limit).whenComplete((body, failure) -> {
            if (failure != null) {
                Replies.error(response, callback, 413, "RequestEntityTooLarge",
                        "The error body exceeds " + limit + " bytes or could not be read: " + failure.getMessage());
            } else {
                then.accept(body);
            }
        });
    }

    private static void extension(RuntimeApiChannel channel, String path, Request request, Response response,
                                  Callback callback) {
        if (path.endsWith("/register")) {
            response.getHeaders().put("Lambda-Extension-Identifier", UUID.randomUUID().toString());
            String name = request.getHeaders().get("Lambda-Extension-Name");
            Replies.text(response, callback, 200, "application/json",
                    "{\"functionName\":\"" + Replies.escape(channel.functionName())
                            + "\",\"functionVersion\":\"$LATEST\",\"handler\":\"" + Replies.escape(name == null ? "" : name) + "\"}");
        } else if (path.endsWith("/event/next")) {
            // Registered extensions may wait here: this engine sends them no events; the connection
            // closes with the environment.
            return;
        } else {
            Replies.text(response, callback, 202, "application/json", "{\"status\":\"OK\"}");
        }
    }
}
