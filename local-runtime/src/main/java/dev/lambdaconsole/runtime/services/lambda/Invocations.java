package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.util.Json;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Invoke API: RequestResponse, Event and DryRun, with LogType Tail and client context. */
final class Invocations {
    private static final int MAX_CLIENT_CONTEXT = 3583;
    private final LambdaEngine engine;

    Invocations(LambdaEngine engine) { this.engine = engine; }

    void invoke(Exchange x, FunctionNames n, byte[] payload) {
        String type = x.header("X-Amz-Invocation-Type");
        type = type == null ? "RequestResponse" : type;
        String logType = x.header("X-Amz-Log-Type");
        if (logType != null && !logType.equals("None") && !logType.equals("Tail")) {
            throw ApiError.invalid("X-Amz-Log-Type must be None or Tail (got '" + logType + "')");
        }
        String trace = x.header("X-Amzn-Trace-Id");
        switch (type) {
            case "DryRun" -> {
                engine.dryRun(n.name(), n.qualifier());
                x.empty(204);
            }
            case "Event" -> {
                String id = engine.invokeEvent(new InvocationRequest(n.name(), n.qualifier(), payload, null, trace, null));
                x.responseHeader("x-amzn-RequestId", id);
                x.empty(202);
            }
            case "RequestResponse" -> {
                InvocationRequest request = new InvocationRequest(n.name(), n.qualifier(), payload,
                        clientContext(x.header("X-Amz-Client-Context")), trace, null);
                boolean tail = "Tail".equals(logType);
                engine.invoke(request, x.header("amz-sdk-invocation-id")).whenComplete((result, error) -> {
                    try {
                        if (error != null) {
                            failed(x, error);
                        } else {
                            reply(x, result, tail);
                        }
                    } catch (RuntimeException e) {
                        failed(x, e); // never leave the caller waiting
                    }
                });
            }
            default -> throw ApiError.invalid("X-Amz-Invocation-Type must be RequestResponse, Event or DryRun (got '"
                    + type + "')");
        }
    }

    /** The deprecated InvokeAsync API, still used by some tools: 202 with {"Status":202}. */
    void invokeAsyncLegacy(Exchange x, FunctionNames n, byte[] payload) {
        engine.invokeEvent(new InvocationRequest(n.name(), n.qualifier(), payload, null, null, null));
        x.json(202, Json.object().put("Status", 202));
    }

    private static void reply(Exchange x, InvocationResult r, boolean tail) {
        x.responseHeader("x-amzn-RequestId", r.requestId());
        x.responseHeader("X-Amz-Executed-Version", r.executedVersion());
        if (r.functionError() != null) x.responseHeader("X-Amz-Function-Error", r.functionError());
        if (tail) x.responseHeader("X-Amz-Log-Result", r.logTailBase64());
        x.send(200, r.contentType() == null ? "application/json" : r.contentType(), r.payload());
    }

    private static void failed(Exchange x, Throwable error) {
        x.fail(error); // written by LambdaEndpoint.error through LambdaErrors, like every other failure
    }

    /** Decodes X-Amz-Client-Context (base64 JSON); returns the JSON text, or null when absent. */
    static String clientContext(String header) {
        if (header == null || header.isEmpty()) return null;
        if (header.length() > MAX_CLIENT_CONTEXT) {
            throw ApiError.invalid("Client context must be at most " + MAX_CLIENT_CONTEXT + " bytes (got "
                    + header.length() + ")");
        }
        try {
            String json = new String(Base64.getDecoder().decode(header), StandardCharsets.UTF_8);
            Json.MAPPER.readTree(json);
            return json;
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw ApiError.invalid("Client context must be base64-encoded JSON: " + e.getMessage());
        }
    }
}
