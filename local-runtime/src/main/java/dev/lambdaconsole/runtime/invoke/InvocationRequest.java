package dev.lambdaconsole.runtime.invoke;

/**
 * One invocation as a caller asks for it.
 *
 * @param qualifier     the version or alias the caller named, or null ($LATEST)
 * @param clientContext decoded client-context JSON (sync invocations only), or null
 * @param traceHeader   the caller's X-Amzn-Trace-Id, or null for a new trace
 * @param invocationType RequestResponse or Event (as the Monitor tab lists it)
 */
public record InvocationRequest(String functionName, String qualifier, byte[] payload, String clientContext,
                                String traceHeader, String cognitoIdentity, String invocationType) {
    public InvocationRequest(String functionName, String qualifier, byte[] payload, String clientContext,
                             String traceHeader, String cognitoIdentity) {
        this(functionName, qualifier, payload, clientContext, traceHeader, cognitoIdentity, "RequestResponse");
    }

    InvocationRequest asEvent() {
        return new InvocationRequest(functionName, qualifier, payload, null, traceHeader, null, "Event");
    }

    public static InvocationRequest of(String functionName, byte[] payload) {
        return new InvocationRequest(functionName, null, payload, null, null, null);
    }
}
