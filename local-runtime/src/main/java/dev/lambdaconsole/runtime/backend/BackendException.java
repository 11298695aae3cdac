package dev.lambdaconsole.runtime.backend;

/**
 * A runtime could not be started. The message says what is missing and what to do; {@link #errorType()} is
 * the Lambda error type the invoker sees (e.g. Runtime.InvalidEntrypoint).
 */
public class BackendException extends Exception {
    private final String errorType;

    public BackendException(String errorType, String message) {
        super(message);
        this.errorType = errorType;
    }

    public BackendException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public String errorType() { return errorType; }
}
