package dev.lambdaconsole.app.services.topics;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.services.ServiceErrors;
import dev.lambdaconsole.simulators.sns.SnsService;
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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Topics section: the local SNS's topics, creating one with SNS's name rules checked as typed, the selected
 * topic's subscriptions (unsubscribe) and its publish form ({@link PublishViewModel}).
 */
public final class TopicsViewModel {
    private final Supplier<Optional<SnsService>> sns;
    private final TaskRunner tasks;
    private final ObservableList<SnsService.TopicInfo> topics = FXCollections.observableArrayList();
    private final ObjectProperty<SnsService.TopicInfo> selected = new SimpleObjectProperty<>();
    private final ObservableList<SnsService.SubscriptionInfo> subscriptions = FXCollections.observableArrayList();
    private final StringProperty newName = new SimpleStringProperty("");
    private final BooleanProperty newFifo = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper newNameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final PublishViewModel publish;

    public TopicsViewModel(Supplier<Optional<SnsService>> sns, TaskRunner tasks) {
        this.sns = sns;
        this.tasks = tasks;
        this.publish = new PublishViewModel(this::service, tasks, selected);
        newName.addListener((o, a, b) -> checkName());
        newFifo.addListener((o, a, b) -> checkName());
        selected.addListener((o, a, b) -> {
            if (a == null || b == null || !a.arn().equals(b.arn())) loadSubscriptions();
        });
    }

    public ObservableList<SnsService.TopicInfo> topics() { return topics; }
    public ObjectProperty<SnsService.TopicInfo> selectedProperty() { return selected; }
    public ObservableList<SnsService.SubscriptionInfo> subscriptions() { return subscriptions; }
    public StringProperty newNameProperty() { return newName; }
    public BooleanProperty newFifoProperty() { return newFifo; }
    public ReadOnlyStringProperty newNameErrorProperty() { return newNameError.getReadOnlyProperty(); }
    public BooleanBinding canCreate() {
        return Bindings.createBooleanBinding(() -> !newName.get().isBlank() && newNameError.get().isEmpty(),
                newName, newNameError);
    }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty failedProperty() { return failed.getReadOnlyProperty(); }
    public PublishViewModel publish() { return publish; }

    private SnsService service() {
        return sns.get().orElseThrow(() -> new IllegalStateException("The local SNS is not running"));
    }

    private void checkName() { newNameError.set(nameError(newName.get().trim(), newFifo.get())); }

    /** SNS's rule for topic names, worded for the field. */
    static String nameError(String name, boolean fifo) {
        if (name.isEmpty()) return "";
        boolean suffix = name.endsWith(".fifo");
        if (fifo && !suffix) return "A FIFO topic's name must end with .fifo";
        if (!fifo && suffix) return "Only a FIFO topic's name may end with .fifo: tick FIFO, or drop the suffix";
        if (name.length() > 256) return "A topic name can have at most 256 characters (has " + name.length() + ")";
        String base = suffix ? name.substring(0, name.length() - 5) : name;
        if (!base.matches("[A-Za-z0-9_-]+")) {
            return "A topic name may hold only letters, digits, hyphens (-) and underscores (_)" + (fifo ? " before .fifo" : "");
        }
        return "";
    }

    private void fail(Throwable e) {
        failed.set(true);
        message.set(ServiceErrors.describe(e));
    }

    /** The topics again, and the selected one's subscriptions. */
    public void refresh() {
        tasks.run(() -> service().listTopics()).onSuccess(list -> {
            String keep = selected.get() == null ? null : selected.get().arn();
            topics.setAll(list);
            selected.set(list.stream().filter(t -> t.arn().equals(keep)).findFirst().orElse(null));
            loadSubscriptions();
        }).onFailure(this::fail);
    }

    private void loadSubscriptions() {
        SnsService.TopicInfo t = selected.get();
        if (t == null) {
            subscriptions.clear();
            return;
        }
        tasks.run(() -> service().listSubscriptions(t.arn())).onSuccess(list -> {
            if (selected.get() != null && selected.get().arn().equals(t.arn())) subscriptions.setAll(list);
        }).onFailure(this::fail);
    }

    public void create() {
        String name = newName.get().trim();
        Map<String, String> attributes = newFifo.get() ? Map.of("FifoTopic", "true") : Map.of();
        tasks.run(() -> service().createTopic(name, attributes)).onSuccess(arn -> {
            failed.set(false);
            message.set("Created topic " + name);
            newName.set("");
            tasks.run(() -> service().listTopics()).onSuccess(list -> {
                topics.setAll(list);
                selected.set(list.stream().filter(t -> t.arn().equals(arn)).findFirst().orElse(null));
            }).onFailure(this::fail);
        }).onFailure(this::fail);
    }

    /** Unsubscribe (the view asks first). */
    public void unsubscribe(SnsService.SubscriptionInfo s) {
        tasks.run(() -> {
            service().unsubscribe(s.arn());
            return s;
        }).onSuccess(x -> {
            failed.set(false);
            message.set("Unsubscribed " + s.protocol() + " " + s.endpoint());
            loadSubscriptions();
        }).onFailure(this::fail);
    }

    /** How a subscription's endpoint reads in the list: the function's or queue's name. */
    public static String endpointName(SnsService.SubscriptionInfo s) {
        String e = s.endpoint();
        String name = e.substring(e.lastIndexOf(':') + 1);
        return (s.protocol().equals("lambda") ? "function " : s.protocol().equals("sqs") ? "queue " : s.protocol() + " ")
                + (e.contains(":function:") ? e.substring(e.indexOf(":function:") + 10) : name);
    }

    static List<String> names(List<SnsService.SubscriptionInfo> to) {
        return to.stream().map(TopicsViewModel::endpointName).toList();
    }
}
