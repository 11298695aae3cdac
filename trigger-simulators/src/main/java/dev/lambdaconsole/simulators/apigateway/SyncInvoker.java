package dev.lambdaconsole.simulators.apigateway;

import dev.lambdaconsole.runtime.invoke.InvocationRequest;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import dev.lambdaconsole.runtime.invoke.LambdaEngine;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.push.PushDelivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A synchronous invocation on behalf of an HTTP source (API Gateway, Function URLs, authorizers) through the
 * engine like any caller, bounded by the integration timeout, and its record among the push deliveries.
 */
public final class SyncInvoker {
    private final LambdaEngine engine;
    private final PushDeliveries deliveries;

    /** How an invocation ended: a result (success or function error), a timeout, or a failure to invoke. */
    public record Outcome(InvocationResult result, boolean timedOut, Throwable failure, long startNanos) {
        public boolean functionError() { return result != null && result.functionError() != null; }

        public double millis() { return (System.nanoTime() - startNanos) / 1e6; }

        public String describe() {
            if (timedOut) return "The integration timed out";
            if (failure != null) return failure.getMessage() == null ? failure.toString() : failure.getMessage();
            if (functionError()) return result.errorType() == null ? result.functionError() : result.errorType();
            return null;
        }
    }

    public SyncInvoker(LambdaEngine engine, PushDeliveries deliveries) {
        this.engine = engine;
        this.deliveries = deliveries;
    }

    public LambdaEngine engine() { return engine; }

    /** Invokes {@code functionName}; never fails: the outcome says what happened. */
    public CompletableFuture<Outcome> invoke(String functionName, byte[] event, long timeoutMs) {
        return invoke(functionName, null, event, timeoutMs);
    }

    /** Invokes a version or alias of {@code functionName} ({@code qualifier} null: $LATEST). */
    public CompletableFuture<Outcome> invoke(String functionName, String qualifier, byte[] event, long timeoutMs) {
        long start = System.nanoTime();
        CompletableFuture<InvocationResult> call;
        try {
            call = engine.invoke(new InvocationRequest(functionName, qualifier, event, null, null, null));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(null, false, e, start));
        }
        return call.copy().orTimeout(timeoutMs, TimeUnit.MILLISECONDS).handle((result, error) -> {
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (e instanceof TimeoutException) return new Outcome(null, true, null, start);
            return new Outcome(result, false, e, start);
        });
    }

    /** Records the delivery of {@code event} and the status the client got. */
    public void record(String source, String sourceArn, String functionName, Outcome o, int httpStatus, String event) {
        if (deliveries == null) return;
        String status = o.result() != null && !o.functionError() ? PushDelivery.SUCCESS
                : o.result() != null || o.timedOut() ? PushDelivery.FUNCTION_ERROR : PushDelivery.ERROR;
        deliveries.record(PushDelivery.sync(source, sourceArn, functionName,
                o.result() == null ? null : o.result().requestId(), status, httpStatus, o.millis(), o.describe(), event));
    }
}
