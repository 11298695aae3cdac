package dev.lambdaconsole.runtime.endpoint;

/** A Lambda service error: HTTP status, exception name (X-Amzn-ErrorType) and message. */
final class ApiError extends RuntimeException {
    final int status;
    final String type;
    final String reason;

    ApiError(int status, String type, String message) {
        this(status, type, message, null);
    }

    ApiError(int status, String type, String message, String reason) {
        super(message);
        this.status = status;
        this.type = type;
        this.reason = reason;
    }

    static ApiError notFound(String arnOrName) {
        return new ApiError(404, "ResourceNotFoundException", "Function not found: " + arnOrName);
    }

    static ApiError invalid(String message) {
        return new ApiError(400, "InvalidParameterValueException", message);
    }
}
