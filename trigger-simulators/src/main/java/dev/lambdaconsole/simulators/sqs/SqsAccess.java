package dev.lambdaconsole.simulators.sqs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Optional;

/**
 * The local SQS as the pollers and destinations use it: the service's own JSON protocol (the members of the
 * AmazonSQS JSON API, e.g. {@code ReceiveMessage} with {@code QueueUrl}, {@code MaxNumberOfMessages},
 * {@code WaitTimeSeconds}, {@code MessageSystemAttributeNames}, {@code MessageAttributeNames}), answered in process
 * as a client of the endpoint would see it. Errors are thrown as
 * {@link dev.lambdaconsole.runtime.gateway.AwsServiceException} with the SQS code (e.g.
 * {@code AWS.SimpleQueueService.NonExistentQueue} / {@code QueueDoesNotExist}).
 */
public interface SqsAccess {
    /** Calls one operation, e.g. {@code call("ReceiveMessage", request)}; may block (long polling). */
    JsonNode call(String operation, ObjectNode request);

    /** The queue named by an ARN ({@code arn:aws:sqs:<region>:<account>:<name>}), if it exists. */
    Optional<QueueRef> queue(String queueArn);

    /** A queue as the pollers need it. */
    record QueueRef(String arn, String name, String url, boolean fifo, int visibilityTimeoutSeconds) { }
}
