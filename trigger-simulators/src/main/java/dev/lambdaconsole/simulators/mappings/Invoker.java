package dev.lambdaconsole.simulators.mappings;

import dev.lambdaconsole.runtime.services.lambda.FunctionNames;
import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.runtime.invoke.TooManyRequestsException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How a poller calls its function: synchronously through the engine, like any caller (it counts against the
 * function's concurrency; a throttle is an outcome, not an error), with the batch as the payload.
 */
final class Invoker {
    private final LambdaEngine engine;

    Invoker(LambdaEngine engine) {
        this.engine = engine;
    }

    /** The outcome of one invoke; {@code result} is null when the function was not run. */
    record Outcome(Kind kind, InvocationResult result, String detail) {
        enum Kind { OK, FUNCTION_ERROR, THROTTLED, ERROR }

        String requestId() { return result == null ? null : result.requestId(); }

        Double durationMs() { return result == null ? null : result.durationMs(); }
    }

    Outcome invoke(Mapping mapping, byte[] payload) {
        InvocationRequest request = new InvocationRequest(mapping.functionName(),
                mapping.qualifier(), payload, null, null,
                null, "RequestResponse");
        try {
            InvocationResult r = engine.invoke(request).get();
            if (r.functionError() != null) {
                return new Outcome(Outcome.Kind.FUNCTION_ERROR, r, r.errorType() == null ? "Unhandled" : r.errorType());
            }
            return new Outcome(Outcome.Kind.OK, r, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Outcome.Kind.ERROR, null, "interrupted");
        } catch (ExecutionException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException || e instanceof CompletionException ? e.getCause() : e;
            if (cause instanceof TooManyRequestsException t) {
                return new Outcome(Outcome.Kind.THROTTLED, null, t.reason() == null ? t.getMessage() : t.reason());
            }
            return new Outcome(Outcome.Kind.ERROR, null, cause == null ? String.valueOf(e) : cause.getMessage());
        }
    }
}
