package dev.lambdaconsole.app.test;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.app.cost.CostText;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.services.lambda.ApiError;
import dev.lambdaconsole.runtime.services.lambda.LambdaErrors;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;
import dev.lambdaconsole.runtime.util.Json;

import java.util.Locale;

/**
 * An invocation's outcome as the Test tab's "Execution result" panel shows it. For a refused or queued
 * invocation only the headline and {@link #response()} (the explanation) are filled.
 *
 * @param cost       the invocation's estimated price with the price table it comes from
 *                   ("≈ $0.000002083 — estimate, US East (N. Virginia) prices of 2026-08-01"), empty when it did not run
 * @param costDetail what that price is made of (GB-seconds, duration, request, ephemeral storage)
 */
public record ExecutionResult(Outcome outcome, String headline, String response, String requestId,
                              String duration, String billedDuration, String memorySize, String maxMemoryUsed,
                              String initDuration, String log, String cost, String costDetail) {
    /** Ran and answered; ran and failed; not run at all (throttle, bad request); queued as an Event. */
    public enum Outcome { SUCCEEDED, FAILED, REFUSED, QUEUED }

    private static final LambdaErrors ERRORS = new LambdaErrors(EngineSettings.defaults());

    public boolean succeeded() { return outcome == Outcome.SUCCEEDED; }

    /** True when the invocation ran (succeeded or failed), so the summary and log are there to show. */
    public boolean ran() { return outcome == Outcome.SUCCEEDED || outcome == Outcome.FAILED; }

    public boolean coldStart() { return !initDuration.isEmpty(); }

    /** A finished invocation with its estimated price, null when there is none ({@code pricing} names the table). */
    static ExecutionResult of(InvocationResult r, LambdaPricing pricing, LambdaPricing.Estimate estimate) {
        boolean ok = !r.status().failed();
        String headline = ok ? "Executing function: succeeded"
                : "Executing function: failed" + (r.errorType() == null ? "" : " (" + r.errorType() + ")");
        return new ExecutionResult(ok ? Outcome.SUCCEEDED : Outcome.FAILED, headline, pretty(r.payloadText()),
                r.requestId(), ms(r.durationMs()), r.billedDurationMs() + " ms", r.memorySizeMb() + " MB",
                r.maxMemoryUsedMb() + " MB", r.initDurationMs() == null ? "" : ms(r.initDurationMs()),
                String.join("\n", r.logLines()), estimate == null ? "no estimate: neither the invocation's record nor the function's configuration could be read"
                        : CostText.invocation(pricing, estimate),
                estimate == null ? "" : CostText.breakdown(estimate)
                        + (r.coldStart() ? "; the billed duration includes Init" : ""));
    }

    /** An invocation that was refused before running: throttled, bad input, no such function, engine error. */
    static ExecutionResult refused(Throwable e) {
        ApiError error = ERRORS.translate(e); // the same translation the Lambda API answers with
        String message = error.getMessage() == null ? error.code() : error.getMessage();
        String why = switch (error.code()) {
            case "TooManyRequestsException" -> "throttled (" + error.reason() + ")";
            case "ResourceNotFoundException" -> "function not found";
            case "InvalidParameterValueException", "InvalidRequestContentException" -> "invalid request";
            case "ServiceException" -> "the engine could not run it";
            default -> error.code();
        };
        if (error.reason() != null) {
            message = (message.endsWith(".") ? message : message + ".")
                    + " Wait for running invocations to finish, or raise the function's reserved concurrency.";
        }
        return new ExecutionResult(Outcome.REFUSED, "Invocation refused: " + why, message, "", "", "", "", "", "", "", "", "");
    }

    /** An asynchronous (Event) invocation the engine accepted; it runs in the background. */
    static ExecutionResult queued(String requestId) {
        return new ExecutionResult(Outcome.QUEUED, "Queued asynchronous invocation",
                "Request " + requestId + " is queued; its outcome, retries and logs appear in Monitor.",
                requestId, "", "", "", "", "", "", "", "");
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
