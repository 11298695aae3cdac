package dev.lambdaconsole.runtime.invoke;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.runtimeapi.InitErrorException;
import dev.lambdaconsole.runtime.runtimeapi.RuntimeOutcome;
import dev.lambdaconsole.runtime.util.Durations;
import dev.lambdaconsole.runtime.util.Json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/** How one invocation ended, with the payload the invoker gets and the platform lines logged after REPORT. */
record Outcome(InvocationStatus status, byte[] payload, String contentType, String functionError, String errorType,
               List<String> logLines, boolean resetsEnvironment) {

    static Outcome of(RuntimeOutcome outcome) {
        if (outcome instanceof RuntimeOutcome.Success s) {
            return new Outcome(InvocationStatus.SUCCESS, s.body(), s.contentType(), null, null, List.of(), false);
        }
        RuntimeOutcome.FunctionError e = (RuntimeOutcome.FunctionError) outcome;
        return new Outcome(InvocationStatus.ERROR, e.body(), "application/json", "Unhandled",
                errorType(e.body(), e.errorType()), List.of(), false);
    }

    static Outcome initError(InitErrorException e) {
        return new Outcome(InvocationStatus.INIT_ERROR, e.body(), "application/json", "Unhandled",
                errorType(e.body(), e.errorType()), List.of(), true);
    }

    static Outcome failure(InvocationStatus status, String errorType, String message) {
        return new Outcome(status, errorBody(errorType, message), "application/json", "Unhandled", errorType,
                List.of(message, errorType), true);
    }

    /** The runtime process ended during an invocation (or before its init finished). */
    static Outcome exit(String requestId, Integer code) {
        String reason;
        if (code == null) {
            reason = "Runtime exited without providing a reason";
        } else if (code > 128 && code < 160) {
            reason = "Runtime exited with error: signal: " + signalName(code - 128);
        } else {
            reason = "Runtime exited with error: exit status " + code;
        }
        return failure(InvocationStatus.CRASH, "Runtime.ExitError", "RequestId: " + requestId + " Error: " + reason);
    }

    static Outcome timeout(String requestId, double seconds) {
        String message = Durations.logTime(System.currentTimeMillis()) + " " + requestId
                + String.format(Locale.ROOT, " Task timed out after %.2f seconds", seconds);
        byte[] body = ("{\"errorMessage\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        return new Outcome(InvocationStatus.TIMEOUT, body, "application/json", "Unhandled", "Sandbox.Timedout",
                List.of(message), true);
    }

    static byte[] errorBody(String errorType, String message) {
        return Json.bytes(Json.object().put("errorType", errorType).put("errorMessage", message));
    }

    private static String errorType(byte[] body, String header) {
        if (header != null && !header.isBlank() && !header.equals("Unhandled")) {
            return header;
        }
        try {
            JsonNode node = Json.MAPPER.readTree(body);
            if (node != null && node.hasNonNull("errorType")) return node.get("errorType").asText();
        } catch (java.io.IOException ignored) {
            // not JSON: the header is all there is
        }
        return header == null ? "Unhandled" : header;
    }

    private static String signalName(int signal) {
        return switch (signal) {
            case 9 -> "killed";
            case 15 -> "terminated";
            case 11 -> "segmentation fault";
            case 6 -> "aborted";
            case 2 -> "interrupt";
            default -> "signal " + signal;
        };
    }
}
