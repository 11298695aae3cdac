package dev.lambdaconsole.app.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.util.Json;

import java.util.Locale;

/** An invocation's outcome as the Test tab's "Execution result" panel shows it. */
public record ExecutionResult(boolean succeeded, String headline, String response, String requestId,
                              String duration, String billedDuration, String memorySize, String maxMemoryUsed,
                              String initDuration, String log) {
    public boolean coldStart() { return !initDuration.isEmpty(); }

    static ExecutionResult of(InvocationResult r) {
        boolean ok = !r.status().failed();
        String headline = ok ? "Executing function: succeeded"
                : "Executing function: failed" + (r.errorType() == null ? "" : " (" + r.errorType() + ")");
        return new ExecutionResult(ok, headline, pretty(r.payloadText()), r.requestId(), ms(r.durationMs()),
                r.billedDurationMs() + " ms", r.memorySizeMb() + " MB", r.maxMemoryUsedMb() + " MB",
                r.initDurationMs() == null ? "" : ms(r.initDurationMs()), String.join("\n", r.logLines()));
    }

    /** An invocation that was refused before running (throttled, bad input, engine error). */
    static ExecutionResult refused(String message) {
        return new ExecutionResult(false, "Executing function: failed", message, "", "", "", "", "", "", "");
    }

    private static String ms(double value) { return String.format(Locale.ROOT, "%.2f ms", value); }

    static String pretty(String text) {
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            return node == null ? text : Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (Exception notJson) {
            return text;
        }
    }
}
