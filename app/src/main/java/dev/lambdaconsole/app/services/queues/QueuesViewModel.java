package dev.lambdaconsole.app.services.queues;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.runtime.util.Json;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Map;

/**
 * The Queues section: the local SQS's queues (type, messages available / in flight / delayed, dead-letter
 * target), creating one with SQS's name rules checked as typed, the selected queue's attributes, and the
 * selected queue's send form and messages ({@link SendMessageViewModel}, {@link QueueMessagesViewModel}).
 */
public final class QueuesViewModel {
    public static final int MAX_NAME = 80;
    private final QueueClient sqs;
    private final TaskRunner tasks;
    private final ObservableList<QueueRow> queues = FXCollections.observableArrayList();
    private final ObjectProperty<QueueRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<Map.Entry<String, String>> attributes = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty("");
    private final BooleanProperty newFifo = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper newNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final SendMessageViewModel send;
    private final QueueMessagesViewModel messages;

    public QueuesViewModel(QueueClient sqs, TaskRunner tasks) {
        this.sqs = sqs;
        this.tasks = tasks;
        this.send = new SendMessageViewModel(sqs, tasks, selected, this::refresh);
        this.messages = new QueueMessagesViewModel(sqs, tasks, selected, this::refresh);
        newName.addListener((o, a, b) -> checkName());
        newFifo.addListener((o, a, b) -> checkName());
        selected.addListener((o, a, b) -> attributes.setAll(b == null ? java.util.List.of()
                : b.attributes().entrySet().stream().toList()));
    }

    public ObservableList<QueueRow> queues() { return queues; }
    public ObjectProperty<QueueRow> selectedProperty() { return selected; }
    /** The selected queue's attributes (GetQueueAttributes All), by name. */
    public ObservableList<Map.Entry<String, String>> attributes() { return attributes; }
    public StringProperty newNameProperty() { return newName; }
    public BooleanProperty newFifoProperty() { return newFifo; }
    public ReadOnlyStringProperty newNameErrorProperty() { return newNameError.getReadOnlyProperty(); }
    public BooleanBinding canCreate() {
        return Bindings.createBooleanBinding(() -> !newName.get().isBlank() && newNameError.get().isEmpty(),
                newName, newNameError);
    }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public SendMessageViewModel send() { return send; }
    public QueueMessagesViewModel messages() { return messages; }

    private void checkName() { newNameError.set(nameError(newName.get().trim(), newFifo.get())); }

    /** SQS's rule for queue names, worded for the field. */
    static String nameError(String name, boolean fifo) {
        if (name.isEmpty()) return "";
        if (name.length() > MAX_NAME) return "A queue name can have at most " + MAX_NAME + " characters (has " + name.length() + ")";
        boolean suffix = name.endsWith(".fifo");
        if (fifo && !suffix) return "A FIFO queue's name must end with .fifo";
        if (!fifo && suffix) return "Only a FIFO queue's name may end with .fifo: tick FIFO, or drop the suffix";
        String base = suffix ? name.substring(0, name.length() - 5) : name;
        if (!base.matches("[A-Za-z0-9_-]+")) {
            return "A queue name may hold only letters, digits, hyphens (-) and underscores (_)" + (fifo ? " before .fifo" : "");
        }
        return "";
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(ServiceErrors.describe(e));
    }

    /** The queues again (counts change as messages come and go); the selection is kept by URL. */
    public void refresh() {
        tasks.run(sqs::queues).onSuccess(rows -> {
            String keep = selected.get() == null ? null : selected.get().url();
            queues.setAll(rows);
            selected.set(rows.stream().filter(r -> r.url().equals(keep)).findFirst().orElse(null));
        }).onFailure(this::fail);
    }

    public void create() {
        String name = newName.get().trim();
        boolean fifo = newFifo.get();
        tasks.run(() -> {
            ObjectNode req = Json.object().put("QueueName", name);
            if (fifo) req.putObject("Attributes").put("FifoQueue", "true");
            return sqs.call("CreateQueue", req).path("QueueUrl").asText();
        }).onSuccess(url -> {
            failed.set(false);
            message.set("Created queue " + name);
            newName.set("");
            tasks.run(sqs::queues).onSuccess(rows -> {
                queues.setAll(rows);
                selected.set(rows.stream().filter(r -> r.url().equals(url)).findFirst().orElse(null));
            }).onFailure(this::fail);
        }).onFailure(this::fail);
    }
}
