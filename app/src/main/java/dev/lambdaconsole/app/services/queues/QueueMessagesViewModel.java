package dev.lambdaconsole.app.services.queues;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.util.Json;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The selected queue's messages: peek (ReceiveMessage with a visibility timeout of 0, so nothing is consumed — but
 * each receive counts, as with "Poll for messages" in the AWS console), purge, and for a dead-letter queue the
 * redrive of its messages back to a source queue (StartMessageMoveTask, its progress from ListMessageMoveTasks).
 */
public final class QueueMessagesViewModel {
    public static final String PEEK_NOTE = "Peeking receives the messages with a visibility timeout of 0: they stay "
            + "in the queue, but each peek counts as a receive (ApproximateReceiveCount goes up, and a queue with a "
            + "redrive policy moves a message to its dead-letter queue once it passes maxReceiveCount).";
    private static final Set<String> NOT_SUPPORTED = Set.of("InvalidAction", "UnsupportedOperation",
            "AWS.SimpleQueueService.UnsupportedOperation", "InvalidParameterValue");

    /** A message as peeking shows it; {@code attributes} are its message attributes, name → "Type: value". */
    public record Peeked(String messageId, String body, Map<String, String> attributes, int receiveCount,
                         Instant sent, Map<String, String> systemAttributes) { }

    private final QueueClient sqs;
    private final TaskRunner tasks;
    private final ObjectProperty<QueueRow> queue;
    private final Runnable changed;
    private final ObservableList<Peeked> peeked = FXCollections.observableArrayList();
    private final ObservableList<String> redriveTargets = FXCollections.observableArrayList();
    private final StringProperty redriveTarget = new SimpleStringProperty();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper redriving = new ReadOnlyBooleanWrapper(false);

    QueueMessagesViewModel(QueueClient sqs, TaskRunner tasks, ObjectProperty<QueueRow> queue, Runnable changed) {
        this.sqs = sqs;
        this.tasks = tasks;
        this.queue = queue;
        this.changed = changed;
        queue.addListener((o, a, b) -> {
            if (a == null || b == null || !a.url().equals(b.url())) {
                peeked.clear();
                message.set("");
                progress.set("");
            }
            List<String> sources = b == null ? List.of() : b.redriveSources();
            if (!redriveTargets.equals(sources)) redriveTargets.setAll(sources);
            if (redriveTarget.get() == null || !sources.contains(redriveTarget.get())) redriveTarget.set(sources.isEmpty() ? null : sources.get(0));
        });
    }

    public ObservableList<Peeked> peeked() { return peeked; }
    /** The queues that send failed messages to the selected one: where a redrive can return them. */
    public ObservableList<String> redriveTargets() { return redriveTargets; }
    public StringProperty redriveTargetProperty() { return redriveTarget; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The redrive's progress: "Moved n of m messages to …". */
    public ReadOnlyStringProperty progressProperty() { return progress.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty redrivingProperty() { return redriving.getReadOnlyProperty(); }
    public BooleanBinding canRedrive() {
        return Bindings.createBooleanBinding(() -> queue.get() != null && queue.get().isDeadLetterQueue()
                && redriveTarget.get() != null && !redriving.get(), queue, redriveTarget, redriving);
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(ServiceErrors.describe(e));
    }

    /** Up to 10 messages, left in the queue (their receive count goes up). */
    public void peek() {
        QueueRow q = queue.get();
        if (q == null) return;
        ObjectNode req = Json.object().put("QueueUrl", q.url()).put("MaxNumberOfMessages", 10)
                .put("VisibilityTimeout", 0).put("WaitTimeSeconds", 0);
        req.putArray("AttributeNames").add("All");
        req.putArray("MessageSystemAttributeNames").add("All");
        req.putArray("MessageAttributeNames").add("All");
        tasks.run(() -> {
            List<Peeked> out = new ArrayList<>();
            for (JsonNode m : sqs.call("ReceiveMessage", req).path("Messages")) out.add(peeked(m));
            return out;
        }).onSuccess(list -> {
            peeked.setAll(list);
            failed.set(false);
            message.set(list.isEmpty() ? "No messages available in " + q.name()
                    : list.size() + (list.size() == 1 ? " message" : " messages") + " peeked in " + q.name());
            changed.run();
        }).onFailure(this::fail);
    }

    static Peeked peeked(JsonNode m) {
        Map<String, String> system = texts(m.path("Attributes"));
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = m.path("MessageAttributes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String value = v.hasNonNull("StringValue") ? v.path("StringValue").asText() : v.path("BinaryValue").asText("");
            attributes.put(e.getKey(), v.path("DataType").asText() + ": " + value);
        }
        long sent = Long.parseLong(system.getOrDefault("SentTimestamp", "0"));
        return new Peeked(m.path("MessageId").asText(), m.path("Body").asText(), attributes,
                Integer.parseInt(system.getOrDefault("ApproximateReceiveCount", "0")), Instant.ofEpochMilli(sent), system);
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue().asText());
        }
        return out;
    }

    /** PurgeQueue (the view asks first). */
    public void purge() {
        QueueRow q = queue.get();
        if (q == null) return;
        tasks.run(() -> sqs.call("PurgeQueue", Json.object().put("QueueUrl", q.url()))).onSuccess(r -> {
            peeked.clear();
            failed.set(false);
            message.set("Purged " + q.name());
            changed.run();
        }).onFailure(this::fail);
    }

    /**
     * Moves the dead-letter queue's messages back to the chosen source queue: StartMessageMoveTask, followed until
     * it completes; where the local SQS does not have it, received, sent to the source and deleted one by one.
     */
    public void startRedrive() {
        QueueRow dlq = queue.get();
        String target = redriveTarget.get();
        if (dlq == null || target == null) return;
        redriving.set(true);
        failed.set(false);
        message.set("");
        progress.set("Starting the redrive to " + QueueRow.nameOf(target) + "…");
        tasks.run(() -> {
            try {
                return moveTask(dlq, target);
            } catch (AwsServiceException e) {
                if (!NOT_SUPPORTED.contains(e.code())) throw e;
                return moveByHand(dlq, target);
            }
        }).onSuccess(moved -> {
            progress.set("Moved " + moved + (moved == 1 ? " message" : " messages") + " to " + QueueRow.nameOf(target));
            peeked.clear();
        }).onFailure(e -> {
            progress.set("");
            fail(e);
        }).andFinally(() -> {
            redriving.set(false);
            changed.run();
        });
    }

    private long moveTask(QueueRow dlq, String target) throws InterruptedException {
        sqs.call("StartMessageMoveTask", Json.object().put("SourceArn", dlq.arn()).put("DestinationArn", target));
        while (true) {
            JsonNode tasksFound = sqs.call("ListMessageMoveTasks", Json.object().put("SourceArn", dlq.arn())
                    .put("MaxResults", 1)).path("Results");
            JsonNode t = tasksFound.path(0);
            String status = t.path("Status").asText("COMPLETED");
            long moved = t.path("ApproximateNumberOfMessagesMoved").asLong(0);
            long total = t.path("ApproximateNumberOfMessagesToMove").asLong(moved);
            tasks.onUi(() -> progress.set("Moved " + moved + " of " + total + " messages to " + QueueRow.nameOf(target)));
            if (status.equals("FAILED")) {
                throw new IllegalStateException("The redrive failed: " + t.path("FailureReason").asText("no reason given"));
            }
            if (!status.equals("RUNNING") && !status.equals("CANCELLING")) return moved;
            Thread.sleep(200);
        }
    }

    private long moveByHand(QueueRow dlq, String target) {
        String targetUrl = sqs.call("GetQueueUrl", Json.object().put("QueueName", QueueRow.nameOf(target)))
                .path("QueueUrl").asText();
        boolean fifo = target.endsWith(".fifo");
        long total = dlq.available();
        long moved = 0;
        while (true) {
            ObjectNode receive = Json.object().put("QueueUrl", dlq.url()).put("MaxNumberOfMessages", 10)
                    .put("VisibilityTimeout", 60).put("WaitTimeSeconds", 0);
            receive.putArray("MessageSystemAttributeNames").add("All");
            receive.putArray("AttributeNames").add("All");
            receive.putArray("MessageAttributeNames").add("All");
            JsonNode batch = sqs.call("ReceiveMessage", receive).path("Messages");
            if (batch.isEmpty()) return moved;
            for (JsonNode m : batch) {
                ObjectNode send = Json.object().put("QueueUrl", targetUrl).put("MessageBody", m.path("Body").asText());
                if (m.path("MessageAttributes").size() > 0) {
                    ObjectNode attrs = send.putObject("MessageAttributes");
                    m.path("MessageAttributes").fields().forEachRemaining(e -> {
                        ObjectNode a = attrs.putObject(e.getKey()).put("DataType", e.getValue().path("DataType").asText());
                        if (e.getValue().hasNonNull("StringValue")) a.put("StringValue", e.getValue().path("StringValue").asText());
                        if (e.getValue().hasNonNull("BinaryValue")) a.put("BinaryValue", e.getValue().path("BinaryValue").asText());
                    });
                }
                if (fifo) {
                    send.put("MessageGroupId", m.path("Attributes").path("MessageGroupId").asText("redrive"));
                    send.put("MessageDeduplicationId", m.path("MessageId").asText());
                }
                sqs.call("SendMessage", send);
                sqs.call("DeleteMessage", Json.object().put("QueueUrl", dlq.url())
                        .put("ReceiptHandle", m.path("ReceiptHandle").asText()));
                moved++;
            }
            long now = moved;
            long of = Math.max(total, moved);
            tasks.onUi(() -> progress.set("Moved " + now + " of " + of + " messages to " + QueueRow.nameOf(target)));
        }
    }
}
