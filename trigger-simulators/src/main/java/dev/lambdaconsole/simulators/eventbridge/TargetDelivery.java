package dev.lambdaconsole.simulators.eventbridge;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.push.PushDeliveries;
import dev.lambdaconsole.simulators.sqs.SqsAccess;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Hands an event to a rule's targets, in the background: a function through the engine's asynchronous invoke
 * (retries and destinations apply), a queue through the local SQS.
 */
final class TargetDelivery implements AutoCloseable {
    static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws[a-z-]*:lambda:[a-z0-9-]+:\\d{12}:function:([A-Za-z0-9_-]{1,64})(:[A-Za-z0-9$_-]+)?");
    static final Pattern QUEUE_ARN = Pattern.compile("arn:aws[a-z-]*:sqs:[a-z0-9-]+:\\d{12}:[A-Za-z0-9_-]{1,80}(\\.fifo)?");
    private static final Logger LOG = Logger.getLogger(TargetDelivery.class.getName());

    private final PushDeliveries push;
    private final Supplier<Optional<SqsAccess>> sqs;
    private final ExecutorService threads = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "events-delivery");
        t.setDaemon(true);
        return t;
    });

    TargetDelivery(PushDeliveries push, Supplier<Optional<SqsAccess>> sqs) {
        this.push = push;
        this.sqs = sqs;
    }

    /** Whether a target ARN is one the local EventBridge delivers to. */
    static boolean deliverable(String arn) {
        return FUNCTION_ARN.matcher(arn).matches() || QUEUE_ARN.matcher(arn).matches();
    }

    /** Delivers {@code event} to every target of {@code rule}; {@code source} is "events" or "schedule". */
    void deliver(Rule rule, ObjectNode event, String source, Instant ingested) {
        threads.execute(() -> {
            for (ObjectNode target : rule.targets()) {
                try {
                    String input = TargetInput.of(target, event, rule.arn(), rule.name(), ingested);
                    send(rule, target, input, source);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "EventBridge: delivery of " + event.path("id").asText() + " to target "
                            + target.path("Id").asText() + " of " + rule.arn() + " failed", e);
                }
            }
        });
    }

    private void send(Rule rule, ObjectNode target, String input, String source) {
        String arn = target.path("Arn").asText();
        var function = FUNCTION_ARN.matcher(arn);
        if (function.matches()) {
            String qualifier = function.group(2) == null ? "" : function.group(2); // ":alias" or ":7" of a qualified ARN
            push.invokeAsync(source, rule.arn(), function.group(1) + qualifier, input.getBytes(StandardCharsets.UTF_8));
            return;
        }
        Optional<SqsAccess> access = sqs.get();
        if (access.isEmpty()) {
            LOG.warning("EventBridge: the local SQS is not running; target " + arn + " of " + rule.arn() + " missed an event");
            return;
        }
        Optional<SqsAccess.QueueRef> queue = access.get().queue(arn);
        if (queue.isEmpty()) {
            LOG.warning("EventBridge: queue " + arn + " (target of " + rule.arn() + ") does not exist; the event is dropped");
            return;
        }
        ObjectNode send = Json.object().put("QueueUrl", queue.get().url()).put("MessageBody", input);
        if (queue.get().fifo()) {
            String group = target.path("SqsParameters").path("MessageGroupId").asText(null);
            send.put("MessageGroupId", group == null ? rule.name() : group);
            send.put("MessageDeduplicationId", java.util.UUID.randomUUID().toString());
        }
        try {
            access.get().call("SendMessage", send);
        } catch (AwsServiceException e) {
            LOG.warning("EventBridge: SendMessage to " + arn + " failed: " + e.code() + ": " + e.getMessage());
        }
    }

    @Override
    public void close() { threads.shutdown(); }
}
