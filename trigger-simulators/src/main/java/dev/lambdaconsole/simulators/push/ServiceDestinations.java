package dev.lambdaconsole.simulators.push;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.invoke.AsyncInvoker;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

/**
 * The asynchronous invocation destinations the local services take: an SQS queue gets the invocation record as
 * its message body, as Lambda sends it.
 */
public final class ServiceDestinations implements AsyncInvoker.DestinationSender {
    private final SqsAccess sqs;

    public ServiceDestinations(SqsAccess sqs) {
        this.sqs = sqs;
    }

    @Override
    public boolean send(String destinationArn, boolean success, String recordJson) {
        if (destinationArn.startsWith("arn:aws:sqs:")) {
            SqsAccess.QueueRef queue = sqs.queue(destinationArn).orElseThrow(() -> new AwsServiceException(400,
                    "AWS.SimpleQueueService.NonExistentQueue", "No queue " + destinationArn));
            ObjectNode message = Json.object();
            message.put("QueueUrl", queue.url());
            message.put("MessageBody", recordJson);
            if (queue.fifo()) {
                message.put("MessageGroupId", "lambda-destination");
                message.put("MessageDeduplicationId", Integer.toHexString(recordJson.hashCode()) + System.nanoTime());
            }
            sqs.call("SendMessage", message);
            return true;
        }
        return false;
    }
}
