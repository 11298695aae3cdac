package dev.lambdaconsole.runtime.workspace;

/**
 * A refused version or alias operation, with the status and error type the Lambda API gives for it. When the
 * refusal is about a resource, {@link #functionName()} and {@link #qualifier()} name it and the endpoint ends the
 * message with that resource's ARN (as Lambda does: "Alias not found: arn:aws:lambda:...:function:F:live").
 */
public class VersioningException extends RuntimeException {
    private final int status;
    private final String errorType;
    private final String text;
    private final String functionName;
    private final String qualifier;

    private VersioningException(int status, String errorType, String text, String functionName, String qualifier) {
        super(functionName == null ? text : text + functionName + (qualifier == null ? "" : ":" + qualifier));
        this.status = status;
        this.errorType = errorType;
        this.text = text;
        this.functionName = functionName;
        this.qualifier = qualifier;
    }

    /** 400 ValidationException: a value breaks a constraint of the API's model. */
    public static VersioningException validation(String message) {
        return new VersioningException(400, "ValidationException", message, null, null);
    }

    /** 400 InvalidParameterValueException: a value that is well formed but not allowed here. */
    public static VersioningException invalidParameter(String message) {
        return new VersioningException(400, "InvalidParameterValueException", message, null, null);
    }

    /** 409 ResourceConflictException about a resource (message ends with its ARN) or in words alone. */
    public static VersioningException conflict(String text, String functionName, String qualifier) {
        return new VersioningException(409, "ResourceConflictException", text, functionName, qualifier);
    }

    /** 404 ResourceNotFoundException: the message ends with the resource's ARN. */
    public static VersioningException notFound(String text, String functionName, String qualifier) {
        return new VersioningException(404, "ResourceNotFoundException", text, functionName, qualifier);
    }

    /** 412 PreconditionFailedException: the caller's RevisionId is not the current one. */
    public static VersioningException staleRevision(String what) {
        return new VersioningException(412, "PreconditionFailedException", "The Revision Id provided does not match the"
                + " latest Revision Id. Call the " + what + " API to retrieve the latest Revision Id", null, null);
    }

    public int status() { return status; }
    public String errorType() { return errorType; }

    /** The message with the resource written by {@code arn} (name to function ARN), as the API shows it. */
    public String message(java.util.function.UnaryOperator<String> arn) {
        return functionName == null ? text : text + arn.apply(functionName) + (qualifier == null ? "" : ":" + qualifier);
    }
}
