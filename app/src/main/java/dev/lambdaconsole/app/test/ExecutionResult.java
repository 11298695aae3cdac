package dev.lambdaconsole.app.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.invoke.InvalidRequestException;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.TooManyRequestsException;
import dev.lambdaconsole.runtime.model.ValidationException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.runtime.workspace.FunctionNotFoundException;

import java.util.Locale;

/**
 * An invocation's outcome as the Test tab's "Execution result" panel shows it. For a refused or queued
 * invocation only the headline and {@link #response()} (the explanation) are filled.
 */
public record ExecutionResult(Outcome outcome, String headline, String response, String requestId,
                              String duration, String billedDuration, String memorySize, String maxMemoryUsed,
                              String initDuration, String log) {
    /** Ran and answered; ran and failed; not run at all (throttle, bad request); queued as an Event. */
    public enum Outcome { SUCCEEDED, FAILED, REFUSED, QUEUED }

    public boolean succeeded() { return outcome == Outcome.SUCCEEDED; }

    /** True when the invocation ran (succeeded or failed), so the summary and log are there to show. */
    public boolean ran() { return outcome == Outcome.SUCCEEDED || outcome == Outcome.FAILED; }

    public boolean coldStart() { return !initDuration.isEmpty(); }

    static ExecutionResult of(InvocationResult r) {
        boolean ok = !r.status().failed();
        String headline = ok ? "Executing function: succeeded"
                : "Executing function: failed" + (r.errorType() == null ? "" : " (" + r.errorType() + ")");
        return new ExecutionResult(ok ? Outcome.SUCCEEDED : Outcome.FAILED, headline, pretty(r.payloadText()),
                r.requestId(), ms(r.durationMs()), r.billedDurationMs() + " ms", r.memorySizeMb() + " MB",
                r.maxMemoryUsedMb() + " MB", r.initDurationMs() == null ? "" : ms(r.initDurationMs()),
                String.join("\n", r.logLines()));
    }

    /** An invocation that was refused before running: throttled, bad input, no such function, engine error. */
    static ExecutionResult refused(Throwable e) {
        String why;
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof TooManyRequestsException t) {
            why = "throttled (" + t.reason() + ")";
            message = (message.endsWith(".") ? message : message + ".")
                    + " Wait for running invocations to finish, or raise the function's reserved concurrency.";
        } else if (e instanceof InvalidRequestException i) {
            why = i.errorType();
        } else if (e instanceof FunctionNotFoundException) {
            why = "function not found";
        } else if (e instanceof ValidationException) {
            why = "invalid request";
        } else {
            why = "the engine could not run it";
        }
        return new ExecutionResult(Outcome.REFUSED, "Invocation refused: " + why, message, "", "", "", "", "", "", "");
    }

    /** An asynchronous (Event) invocation the engine accepted; it runs in the background. */
    static ExecutionResult queued(String requestId) {
        return new ExecutionResult(Outcome.QUEUED, "Queued asynchronous invocation",
                "Request " + requestId + " is queued; its outcome, retries and logs appear in Monitor.",
                requestId, "", "", "", "", "", "");
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
