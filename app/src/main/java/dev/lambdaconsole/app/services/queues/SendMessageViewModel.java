package dev.lambdaconsole.app.services.queues;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.AttributeRow;
import dev.lambdaconsole.app.services.MessageAttributes;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;

/**
 * SendMessage to the selected queue: body, message attributes (name / type / value rows), delay, and for a
 * FIFO queue the message group and deduplication ids, each checked as typed with SQS's rules; the answer is the
 * message id.
 */
public final class SendMessageViewModel {
    public static final int MAX_BYTES = 262_144;
    public static final int MAX_DELAY = 900;
    private final QueueClient sqs;
    private final TaskRunner tasks;
    private final ObjectProperty<QueueRow> queue;
    private final Runnable sent;
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty delay = new SimpleStringProperty("");
    private final StringProperty groupId = new SimpleStringProperty("");
    private final StringProperty deduplicationId = new SimpleStringProperty("");
    private final MessageAttributes attributes = new MessageAttributes(false);
    private final ReadOnlyStringWrapper bodyError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper delayError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper groupError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deduplicationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    SendMessageViewModel(QueueClient sqs, TaskRunner tasks, ObjectProperty<QueueRow> queue, Runnable sent) {
        this.sqs = sqs;
        this.tasks = tasks;
        this.queue = queue;
        this.sent = sent;
        for (Observable o : new Observable[]{body, delay, groupId, deduplicationId, queue, attributes.rows()}) {
            o.addListener(x -> check());
        }
    }

    public StringProperty bodyProperty() { return body; }
    public StringProperty delayProperty() { return delay; }
    public StringProperty groupIdProperty() { return groupId; }
    public StringProperty deduplicationIdProperty() { return deduplicationId; }
    public MessageAttributes attributes() { return attributes; }
    public ReadOnlyStringProperty bodyErrorProperty() { return bodyError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty delayErrorProperty() { return delayError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty groupErrorProperty() { return groupError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deduplicationErrorProperty() { return deduplicationError.getReadOnlyProperty(); }
    /** "Sent message <id>", or SQS's error. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public BooleanBinding canSend() {
        return Bindings.createBooleanBinding(() -> queue.get() != null && !body.get().isEmpty()
                        && bodyError.get().isEmpty() && delayError.get().isEmpty() && groupError.get().isEmpty()
                        && deduplicationError.get().isEmpty() && attributes.valid(),
                body, bodyError, delayError, groupError, deduplicationError, attributes.errorProperty(), queue);
    }

    private boolean fifo() { return queue.get() != null && queue.get().fifo(); }

    private void check() {
        int bytes = body.get().getBytes(StandardCharsets.UTF_8).length;
        for (AttributeRow r : attributes.filled()) {
            bytes += r.name().getBytes(StandardCharsets.UTF_8).length + r.type().length()
                    + r.value().getBytes(StandardCharsets.UTF_8).length;
        }
        bodyError.set(bytes > MAX_BYTES ? "The message is " + bytes + " bytes with its attributes; SQS takes at most "
                + MAX_BYTES + " (256 KiB)" : "");
        String d = delay.get().trim();
        String delayProblem = "";
        if (!d.isEmpty()) {
            if (fifo()) {
                delayProblem = "FIFO queues take no per-message delay; set the queue's DelaySeconds instead";
            } else if (!d.matches("\\d{1,4}") || Integer.parseInt(d) > MAX_DELAY) {
                delayProblem = "Delay must be a whole number of seconds from 0 to " + MAX_DELAY;
            }
        }
        delayError.set(delayProblem);
        String g = groupId.get().trim();
        String dd = deduplicationId.get().trim();
        if (fifo()) {
            groupError.set(g.isEmpty() ? "A FIFO queue needs a message group id" : idProblem("group id", g));
            deduplicationError.set(dd.isEmpty() && !queue.get().contentBasedDeduplication()
                    ? "Give a deduplication id: this queue has no content-based deduplication" : idProblem("deduplication id", dd));
        } else {
            groupError.set("");
            deduplicationError.set(dd.isEmpty() ? "" : "Only FIFO queues take a deduplication id");
        }
    }

    /** Group and deduplication ids: 1–128 characters, letters, digits and ASCII punctuation. */
    static String idProblem(String what, String id) {
        if (id.isEmpty()) return "";
        if (id.length() > 128) return "The " + what + " can have at most 128 characters (has " + id.length() + ")";
        if (!id.matches("[A-Za-z0-9!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]+")) {
            return "The " + what + " may hold only letters, digits and punctuation (no spaces)";
        }
        return "";
    }

    public void send() {
        QueueRow q = queue.get();
        if (q == null) return;
        ObjectNode req = Json.object().put("QueueUrl", q.url()).put("MessageBody", body.get());
        if (!delay.get().isBlank()) req.put("DelaySeconds", Integer.parseInt(delay.get().trim()));
        if (!groupId.get().isBlank()) req.put("MessageGroupId", groupId.get().trim());
        if (!deduplicationId.get().isBlank()) req.put("MessageDeduplicationId", deduplicationId.get().trim());
        if (!attributes.filled().isEmpty()) {
            ObjectNode attrs = req.putObject("MessageAttributes");
            for (AttributeRow r : attributes.filled()) {
                ObjectNode a = attrs.putObject(r.name()).put("DataType", r.type());
                a.put(r.type().startsWith("Binary") ? "BinaryValue" : "StringValue", r.value());
            }
        }
        tasks.run(() -> sqs.call("SendMessage", req).path("MessageId").asText()).onSuccess(id -> {
            failed.set(false);
            result.set("Sent message " + id);
            sent.run();
        }).onFailure(e -> {
            failed.set(true);
            result.set(ServiceErrors.describe(e));
        });
    }
}
