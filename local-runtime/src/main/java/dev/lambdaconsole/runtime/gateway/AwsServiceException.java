package dev.lambdaconsole.runtime.gateway;

/**
 * An error as an AWS service reports it: HTTP status, error code (e.g. {@code ResourceNotFoundException}) and a
 * message that says which field broke which rule. Services throw it; the protocol layer writes it in the shape
 * of the service's wire protocol.
 */
public class AwsServiceException extends RuntimeException {
    private final int status;
    private final String code;

    public AwsServiceException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() { return status; }

    public String code() { return code; }

    /** A client error (400) with this code. */
    public static AwsServiceException badRequest(String code, String message) {
        return new AwsServiceException(400, code, message);
    }

    /** The JSON protocols' and Query's usual "a parameter is wrong" error. */
    public static AwsServiceException invalidParameter(String message) {
        return badRequest("InvalidParameterException", message);
    }

    public static AwsServiceException notFound(String message) {
        return badRequest("ResourceNotFoundException", message);
    }

    public boolean isServerError() { return status >= 500; }
}
