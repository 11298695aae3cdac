package dev.lambdaconsole.simulators.push;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One event a push source handed to a function, and what became of it.
 *
 * @param source        the source kind: {@code s3}, {@code sns}, {@code events}, {@code schedule},
 *                      {@code apigateway}, {@code function-url}, {@code logs}
 * @param sourceArn     the bucket, topic, rule, API or log group
 * @param invocationType Event (asynchronous) or RequestResponse
 * @param status        QUEUED (handed to the asynchronous queue), SUCCESS, FUNCTION_ERROR (a synchronous call
 *                      failed), RETRIES_EXHAUSTED or EVENT_AGE_EXCEEDED (asynchronous, after retries), ERROR (the
 *                      function could not be invoked: missing, payload too large)
 * @param attempts      invocations made (1 + retries); 0 while queued
 * @param statusCode    HTTP sources: the status answered to the client
 * @param detail        the error, or what the source did (e.g. the target's rule)
 * @param event         the event as the function received it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PushDelivery(long timeEpochMs, String source, String sourceArn, String functionName, String requestId,
                           String invocationType, String status, int attempts, Integer statusCode, Double durationMs,
                           String detail, String event) {
    public static final String QUEUED = "QUEUED";
    public static final String SUCCESS = "SUCCESS";
    public static final String FUNCTION_ERROR = "FUNCTION_ERROR";
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";
    public static final String EVENT_AGE_EXCEEDED = "EVENT_AGE_EXCEEDED";
    public static final String ERROR = "ERROR";

    /** This delivery after its asynchronous invocation ended. */
    PushDelivery completed(String newStatus, int newAttempts) {
        return new PushDelivery(timeEpochMs, source, sourceArn, functionName, requestId, invocationType, newStatus,
                newAttempts, statusCode, durationMs, detail, event);
    }

    /** A synchronous delivery (API Gateway, Function URLs) with its outcome. */
    public static PushDelivery sync(String source, String sourceArn, String functionName, String requestId,
                                    String status, int statusCode, double durationMs, String detail, String event) {
        return new PushDelivery(System.currentTimeMillis(), source, sourceArn, functionName, requestId,
                "RequestResponse", status, 1, statusCode, durationMs, detail, event);
    }
}
