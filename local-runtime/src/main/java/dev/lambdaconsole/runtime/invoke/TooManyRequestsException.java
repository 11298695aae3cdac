package dev.lambdaconsole.runtime.invoke;

/** A throttle: the function or the engine is at its concurrency limit (HTTP 429). */
public class TooManyRequestsException extends RuntimeException {
    private final String reason;

    public TooManyRequestsException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** ConcurrentInvocationLimitExceeded or ReservedFunctionConcurrentInvocationLimitExceeded. */
    public String reason() { return reason; }
}
