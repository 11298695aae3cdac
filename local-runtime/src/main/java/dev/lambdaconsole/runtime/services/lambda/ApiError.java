package dev.lambdaconsole.runtime.services.lambda;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

/** A Lambda service error: HTTP status, exception name (X-Amzn-ErrorType), message and, for 429s, the Reason. */
public final class ApiError extends AwsServiceException {
    private final String reason;

    ApiError(int status, String type, String message) {
        this(status, type, message, null);
    }

    ApiError(int status, String type, String message, String reason) {
        super(status, type, message);
        this.reason = reason;
    }

    /** Why a 429 was refused (e.g. ReservedFunctionConcurrentInvocationLimitExceeded), else null. */
    public String reason() { return reason; }

    public static ApiError notFound(String arnOrName) {
        return new ApiError(404, "ResourceNotFoundException", "Function not found: " + arnOrName);
    }

    public static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameterValueException", message);
    }
}
