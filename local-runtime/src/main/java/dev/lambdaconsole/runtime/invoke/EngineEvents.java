package dev.lambdaconsole.runtime.invoke;

/**
 * What the engine observes besides finished invocations (those are {@link dev.lambdaconsole.runtime.logs.InvocationRecord}s
 * in the log store): throttles and the life of asynchronous events, as CloudWatch's AWS/Lambda metrics count them.
 * Listeners are called on engine threads and must return at once; a listener that throws is skipped.
 *
 * @see LambdaEngine#addEventListener(EngineEvents)
 */
public interface EngineEvents {
    /** An invocation was refused for concurrency (the Throttles metric). {@code qualifier} is null for $LATEST. */
    default void throttled(String functionName, String qualifier, long atMs) { }

    /** An asynchronous event was queued (AsyncEventsReceived). */
    default void asyncReceived(String functionName, String qualifier, long atMs) { }

    /** An asynchronous event was taken from the queue for an attempt, {@code ageMs} after it was queued (AsyncEventAge). */
    default void asyncAttempted(String functionName, String qualifier, long atMs, long ageMs) { }

    /**
     * An asynchronous event ended without a successful run: retries exhausted or too old (AsyncEventsDropped);
     * {@code condition} is RetriesExhausted or EventAgeExceeded.
     */
    default void asyncDropped(String functionName, String qualifier, long atMs, String condition) { }

    /** The record of an asynchronous invocation could not be sent to its destination (DestinationDeliveryFailures). */
    default void destinationDeliveryFailed(String functionName, String qualifier, long atMs, String destinationArn) { }

    /**
     * A stream's event source mapping handed the function a batch whose last record was {@code ageMs} old when read
     * (IteratorAge). Reported by the pollers through {@link LambdaEngine#iteratorAge}.
     */
    default void iteratorAge(String functionName, String qualifier, long atMs, long ageMs) { }
}
