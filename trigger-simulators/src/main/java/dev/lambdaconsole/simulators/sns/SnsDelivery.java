package dev.lambdaconsole.simulators.sns;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands a message to one subscription as SNS does: a function gets the {@code aws:sns} record through the engine's
 * asynchronous invoke; a queue gets the JSON notification envelope, or with RawMessageDelivery the message itself
 * and its attributes as SQS message attributes.
 */
final class SnsDelivery {
    private static final Logger LOG = Logger.getLogger(SnsDelivery.class.getName());
    /** Not a real signature: nothing is signed locally (the fields are there for code that reads them). */
    static final String SIGNATURE = Base64.getEncoder().encodeToString(
            "local SNS: messages are not signed".repeat(8).getBytes(StandardCharsets.UTF_8));
    static final String CERTIFICATE = "SimpleNotificationService-01d088a6f77103d0fe307c0069e40ed6.pem";

    private final PushDeliveries push;
    private final Supplier<Optional<SqsAccess>> sqs;
    private final String region;

    SnsDelivery(PushDeliveries push, Supplier<Optional<SqsAccess>> sqs, String region) {
        this.push = push;
        this.sqs = sqs;
        this.region = region;
    }

    void deliver(Subscription s, SnsMessage m) {
        switch (s.protocol()) {
            case "lambda" -> push.invokeAsync("sns", m.topicArn(), functionName(s.endpoint()), Json.bytes(lambdaEvent(s, m)));
            case "sqs" -> toQueue(s, m);
            default -> LOG.warning("SNS cannot deliver to protocol " + s.protocol());
        }
    }

    /** The event a subscribed function receives: one record. */
    ObjectNode lambdaEvent(Subscription s, SnsMessage m) {
        ObjectNode event = Json.object();
        ObjectNode record = event.putArray("Records").addObject();
        record.put("EventSource", "aws:sns");
        record.put("EventVersion", "1.0");
        record.put("EventSubscriptionArn", s.arn());
        ObjectNode sns = record.putObject("Sns");
        sns.put("Type", "Notification");
        sns.put("MessageId", m.messageId());
        if (m.sequenceNumber() != null) sns.put("SequenceNumber", m.sequenceNumber());
        sns.put("TopicArn", m.topicArn());
        if (m.subject() == null) sns.putNull("Subject");
        else sns.put("Subject", m.subject());
        sns.put("Message", m.messageFor("lambda"));
        sns.put("Timestamp", m.timestamp());
        sns.put("SignatureVersion", "1");
        sns.put("Signature", SIGNATURE);
        sns.put("SigningCertUrl", certificateUrl());
        sns.put("UnsubscribeUrl", unsubscribeUrl(s));
        ObjectNode attributes = sns.putObject("MessageAttributes");
        m.attributes().forEach((name, a) -> attributes.putObject(name).put("Type", a.type()).put("Value", a.value()));
        return event;
    }

    /** The notification envelope a queue (and HTTP) receives without raw delivery. */
    ObjectNode envelope(Subscription s, SnsMessage m) {
        ObjectNode e = Json.object();
        e.put("Type", "Notification");
        e.put("MessageId", m.messageId());
        if (m.sequenceNumber() != null) e.put("SequenceNumber", m.sequenceNumber());
        e.put("TopicArn", m.topicArn());
        if (m.subject() != null) e.put("Subject", m.subject());
        e.put("Message", m.messageFor("sqs"));
        e.put("Timestamp", m.timestamp());
        e.put("SignatureVersion", "1");
        e.put("Signature", SIGNATURE);
        e.put("SigningCertURL", certificateUrl());
        e.put("UnsubscribeURL", unsubscribeUrl(s));
        if (!m.attributes().isEmpty()) {
            ObjectNode attributes = e.putObject("MessageAttributes");
            m.attributes().forEach((name, a) -> attributes.putObject(name).put("Type", a.type()).put("Value", a.value()));
        }
        return e;
    }

    private void toQueue(Subscription s, SnsMessage m) {
        Optional<SqsAccess> access = sqs.get();
        if (access.isEmpty()) {
            LOG.warning("SNS: the local SQS is not running; " + s.arn() + " missed message " + m.messageId());
            return;
        }
        try {
            Optional<SqsAccess.QueueRef> queue = access.get().queue(s.endpoint());
            if (queue.isEmpty()) {
                LOG.warning("SNS: queue " + s.endpoint() + " of " + s.arn() + " does not exist; message " + m.messageId()
                        + " is dropped");
                return;
            }
            ObjectNode send = Json.object().put("QueueUrl", queue.get().url());
            if (s.raw()) {
                send.put("MessageBody", m.messageFor("sqs"));
                ObjectNode attributes = send.putObject("MessageAttributes");
                for (Map.Entry<String, SnsMessage.Attribute> a : m.attributes().entrySet()) {
                    ObjectNode v = attributes.putObject(a.getKey()).put("DataType", a.getValue().type());
                    if (a.getValue().type().startsWith("Binary")) v.put("BinaryValue", a.getValue().value());
                    else v.put("StringValue", a.getValue().value());
                }
            } else {
                send.put("MessageBody", Json.write(envelope(s, m)));
            }
            if (queue.get().fifo()) {
                send.put("MessageGroupId", m.groupId() == null ? "default" : m.groupId());
                send.put("MessageDeduplicationId", m.deduplicationId() == null ? m.messageId() : m.deduplicationId());
            }
            access.get().call("SendMessage", send);
        } catch (AwsServiceException e) {
            LOG.warning("SNS: delivery of " + m.messageId() + " to " + s.endpoint() + " failed: " + e.code() + ": "
                    + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "SNS: delivery of " + m.messageId() + " to " + s.endpoint() + " failed", e);
        }
    }

    /** The function of a subscription's endpoint ARN ({@code …:function:name}, or {@code name:qualifier}). */
    static String functionName(String arn) {
        String rest = arn.substring(arn.indexOf(":function:") + ":function:".length());
        return rest.endsWith(":$LATEST") ? rest.substring(0, rest.length() - ":$LATEST".length()) : rest;
    }

    String certificateUrl() { return "https://sns." + region + ".amazonaws.com/" + CERTIFICATE; }

    String unsubscribeUrl(Subscription s) {
        return "https://sns." + region + ".amazonaws.com/?Action=Unsubscribe&SubscriptionArn=" + s.arn();
    }
}
