package dev.lambdaconsole.runtime.invoke;

/** A request the Invoke API rejects before running anything (bad JSON, too large, bad qualifier). */
public class InvalidRequestException extends RuntimeException {
    private final int status;
    private final String errorType;

    public InvalidRequestException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    public int status() { return status; }
    /** InvalidRequestContentException, RequestTooLargeException, InvalidParameterValueException... */
    public String errorType() { return errorType; }
}
