package dev.lambdaconsole.runtime.runtimeapi;

/**
 * One event handed to a runtime through {@code /next}, with the values of the Lambda-Runtime-* headers.
 * Optional headers are null when absent.
 */
public record InvocationEvent(String requestId, byte[] payload, String contentType, long deadlineMs,
                              String invokedFunctionArn, String traceId, String clientContext,
                              String cognitoIdentity, String tenantId) {
}
