package dev.lambdaconsole.simulators.push;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.invoke.AsyncInvoker;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.eventbridge.EventBridgeService;
import dev.lambdaconsole.simulators.sns.SnsService;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.util.function.Supplier;

/**
 * The destinations the local services take, for asynchronous invocation records and event source mappings'
 * on-failure records, as Lambda sends them: an SQS queue gets the record as its message body, an SNS topic as
 * the published message, an event bus as the {@code detail} of a "Lambda Function Invocation Result" event.
 */
public final class ServiceDestinations implements AsyncInvoker.DestinationSender {
    private final SqsAccess sqs;
    private final Supplier<SnsService> sns;
    private final Supplier<EventBridgeService> events;

    public ServiceDestinations(SqsAccess sqs, Supplier<SnsService> sns, Supplier<EventBridgeService> events) {
        this.sqs = sqs;
        this.sns = sns;
        this.events = events;
    }

    @Override
    public boolean send(String destinationArn, boolean success, String recordJson) {
        if (destinationArn.startsWith("arn:aws:sqs:")) {
            sendToQueue(destinationArn, recordJson, "lambda-destination");
            return true;
        }
        if (destinationArn.startsWith("arn:aws:sns:") && sns.get() != null) {
            sns.get().publish(destinationArn, recordJson);
            return true;
        }
        if (destinationArn.startsWith("arn:aws:events:") && destinationArn.contains(":event-bus/")
                && events.get() != null) {
            JsonNode record = parse(recordJson);
            ObjectNode entry = Json.object();
            entry.put("Source", "lambda");
            entry.put("DetailType", "Lambda Function Invocation Result - " + (success ? "Success" : "Failure"));
            entry.put("Detail", recordJson);
            entry.put("EventBusName", destinationArn);
            String function = record.path("requestContext").path("functionArn").asText("");
            if (!function.isEmpty()) entry.putArray("Resources").add(function);
            ObjectNode request = Json.object();
            request.putArray("Entries").add(entry);
            JsonNode result = events.get().putEvents(request);
            if (result.path("FailedEntryCount").asInt() > 0) {
                JsonNode failure = result.path("Entries").path(0);
                throw new AwsServiceException(400, failure.path("ErrorCode").asText("ResourceNotFoundException"),
                        failure.path("ErrorMessage").asText("The event bus " + destinationArn + " does not exist."));
            }
            return true;
        }
        return false;
    }

    /** Sends one record to a queue by ARN; throws when the queue does not exist. */
    public void sendToQueue(String queueArn, String body, String group) {
        SqsAccess.QueueRef queue = sqs.queue(queueArn).orElseThrow(() -> new AwsServiceException(400,
                "AWS.SimpleQueueService.NonExistentQueue", "No queue " + queueArn));
        ObjectNode message = Json.object();
        message.put("QueueUrl", queue.url());
        message.put("MessageBody", body);
        if (queue.fifo()) {
            message.put("MessageGroupId", group);
            message.put("MessageDeduplicationId", java.util.UUID.randomUUID().toString());
        }
        sqs.call("SendMessage", message);
    }

    private static JsonNode parse(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            return Json.object();
        }
    }
}
