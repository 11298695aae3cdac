package dev.lambdaconsole.app.services.topics;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.AttributeRow;
import dev.lambdaconsole.app.services.MessageAttributes;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.sns.SnsService;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Publish to the selected topic: message, subject, message attributes, FIFO group and deduplication ids and the
 * MessageStructure json option, checked as typed with SNS's rules; the answer is the message id and the
 * subscriptions it went to.
 */
public final class PublishViewModel {
    public static final int MAX_BYTES = 262_144;
    private final Supplier<SnsService> sns;
    private final TaskRunner tasks;
    private final ObjectProperty<SnsService.TopicInfo> topic;
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty groupId = new SimpleStringProperty("");
    private final StringProperty deduplicationId = new SimpleStringProperty("");
    private final BooleanProperty json = new SimpleBooleanProperty(false);
    private final MessageAttributes attributes = new MessageAttributes(true);
    private final ReadOnlyStringWrapper messageError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subjectError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper groupError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper deduplicationError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);

    PublishViewModel(Supplier<SnsService> sns, TaskRunner tasks, ObjectProperty<SnsService.TopicInfo> topic) {
        this.sns = sns;
        this.tasks = tasks;
        this.topic = topic;
        for (Observable o : new Observable[]{message, subject, groupId, deduplicationId, json, topic, attributes.rows()}) {
            o.addListener(x -> check());
        }
    }

    public StringProperty messageProperty() { return message; }
    public StringProperty subjectProperty() { return subject; }
    public StringProperty groupIdProperty() { return groupId; }
    public StringProperty deduplicationIdProperty() { return deduplicationId; }
    /** MessageStructure=json: the message is a JSON object of one message per protocol, with a "default". */
    public BooleanProperty jsonStructureProperty() { return json; }
    public MessageAttributes attributes() { return attributes; }
    public ReadOnlyStringProperty messageErrorProperty() { return messageError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty subjectErrorProperty() { return subjectError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty groupErrorProperty() { return groupError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty deduplicationErrorProperty() { return deduplicationError.getReadOnlyProperty(); }
    /** "Published message <id> …" with where it went, or SNS's error. */
    public ReadOnlyStringProperty resultProperty() { return result.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public BooleanBinding canPublish() {
        return Bindings.createBooleanBinding(() -> topic.get() != null && !message.get().isEmpty()
                        && messageError.get().isEmpty() && subjectError.get().isEmpty() && groupError.get().isEmpty()
                        && deduplicationError.get().isEmpty() && attributes.valid(),
                message, messageError, subjectError, groupError, deduplicationError, attributes.errorProperty(), topic);
    }

    private boolean fifo() { return topic.get() != null && topic.get().fifo(); }

    private void check() {
        String m = message.get();
        int bytes = m.getBytes(StandardCharsets.UTF_8).length;
        for (AttributeRow r : attributes.filled()) {
            bytes += r.name().getBytes(StandardCharsets.UTF_8).length + r.type().length()
                    + r.value().getBytes(StandardCharsets.UTF_8).length;
        }
        String problem = "";
        if (bytes > MAX_BYTES) {
            problem = "The message is " + bytes + " bytes with its attributes; SNS takes at most " + MAX_BYTES + " (256 KiB)";
        } else if (json.get() && !m.isEmpty()) {
            problem = structureProblem(m);
        }
        messageError.set(problem);
        String s = subject.get();
        subjectError.set(s.isEmpty() ? "" : s.length() > 100 ? "A subject can have at most 100 characters (has " + s.length() + ")"
                : !s.chars().allMatch(c -> c >= 32 && c < 127) ? "A subject may hold only printable ASCII characters, on one line" : "");
        String g = groupId.get().trim();
        String d = deduplicationId.get().trim();
        if (fifo()) {
            groupError.set(g.isEmpty() ? "A FIFO topic needs a message group id" : g.length() > 128
                    ? "The group id can have at most 128 characters (has " + g.length() + ")" : "");
            boolean contentBased = "true".equals(topic.get().attributes().get("ContentBasedDeduplication"));
            deduplicationError.set(d.isEmpty() && !contentBased
                    ? "Give a deduplication id: this topic has no content-based deduplication" : d.length() > 128
                    ? "The deduplication id can have at most 128 characters (has " + d.length() + ")" : "");
        } else {
            groupError.set("");
            deduplicationError.set(d.isEmpty() ? "" : "Only FIFO topics take a deduplication id");
        }
    }

    /** MessageStructure=json needs a JSON object of strings with a "default" entry. */
    static String structureProblem(String m) {
        JsonNode n;
        try {
            n = Json.MAPPER.readTree(m);
        } catch (Exception e) {
            return "With MessageStructure json the message must be JSON: " + e.getMessage().lines().findFirst().orElse("");
        }
        if (n == null || !n.isObject()) return "With MessageStructure json the message must be a JSON object";
        if (!n.has("default")) return "With MessageStructure json the message needs a \"default\" entry";
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().isTextual()) return "Each protocol's message must be a string (\"" + e.getKey() + "\" is not)";
        }
        return "";
    }

    public void publish() {
        SnsService.TopicInfo t = topic.get();
        if (t == null) return;
        SnsService.PublishRequest request = new SnsService.PublishRequest(t.arn(), message.get(), subject.get(),
                attributes.filled().stream().map(r -> new SnsService.MessageAttribute(r.name(), r.type(), r.value())).toList(),
                groupId.get().trim(), deduplicationId.get().trim(), json.get());
        tasks.run(() -> sns.get().publish(request)).onSuccess(p -> {
            failed.set(false);
            String to = p.deliveredTo().isEmpty()
                    ? "no subscription took it (none, or their filter policies did not match)"
                    : "sent to " + String.join(", ", TopicsViewModel.names(p.deliveredTo()));
            result.set("Published message " + p.messageId() + (p.sequenceNumber() == null ? "" : " (sequence "
                    + p.sequenceNumber() + ")") + ": " + to);
        }).onFailure(e -> {
            failed.set(true);
            result.set(ServiceErrors.describe(e));
        });
    }
}
