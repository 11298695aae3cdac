package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.simulators.triggers.FunctionTriggers;
import dev.lambdaconsole.simulators.triggers.LastResult;
import dev.lambdaconsole.simulators.triggers.Trigger;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Configuration → Triggers: the function's triggers with their state and newest delivery, enable/disable where
 * the source allows it, and delete. Follows every change of the sources; the selection survives a reload.
 */
public final class TriggersViewModel implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private final String function;
    private final FunctionTriggers source;
    private final TaskRunner tasks;
    private final ZoneId zone;
    private final ObservableList<TriggerRow> rows = FXCollections.observableArrayList();
    private final ObservableList<TriggerRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObjectProperty<TriggerRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String wanted;
    private boolean loading;
    private boolean again;
    private AutoCloseable listening;

    public TriggersViewModel(String function, FunctionTriggers source, TaskRunner tasks) {
        this(function, source, tasks, ZoneId.systemDefault());
    }

    TriggersViewModel(String function, FunctionTriggers source, TaskRunner tasks, ZoneId zone) {
        this.function = function;
        this.source = source;
        this.tasks = tasks;
        this.zone = zone;
    }

    public ObservableList<TriggerRow> rows() { return rowsView; }
    /** The trigger whose details show below the list. */
    public ObjectProperty<TriggerRow> selectedProperty() { return selected; }
    /** What the last action came to, as the service worded its error; "" when fine. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    /** Reads now and after every change from now on. */
    public void start() {
        if (listening == null) listening = source.addChangeListener(() -> tasks.onUi(this::refresh));
        refresh();
    }

    /** Selects the trigger with this id once it is listed (now, or after the next read). */
    public void select(String triggerId) {
        wanted = triggerId;
        applyWanted();
    }

    /** Reads the triggers and their newest deliveries in the background. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        tasks.run(this::read).onSuccess(this::show)
                .onFailure(e -> message.set("Cannot read the triggers: " + e.getMessage()))
                .andFinally(() -> {
                    loading = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                });
    }

    private List<TriggerRow> read() {
        List<TriggerRow> out = new ArrayList<>();
        for (Trigger t : source.triggersOf(function)) {
            Optional<LastResult> last = source.lastResult(t);
            out.add(new TriggerRow(t, last.map(this::format).orElse("—"), last.map(r -> !r.ok()).orElse(false)));
        }
        return out;
    }

    private String format(LastResult r) {
        return r.outcome() + " " + TIME.format(Instant.ofEpochMilli(r.timeEpochMs()).atZone(zone));
    }

    private void show(List<TriggerRow> read) {
        String keep = wanted != null ? wanted : selected.get() == null ? null : selected.get().trigger().id();
        rows.setAll(read);
        selected.set(read.stream().filter(r -> r.trigger().id().equals(keep)).findFirst().orElse(null));
        applyWanted();
    }

    private void applyWanted() {
        if (wanted == null) return;
        rows.stream().filter(r -> r.trigger().id().equals(wanted)).findFirst().ifPresent(r -> {
            selected.set(r);
            wanted = null;
        });
    }

    /** Enable or Disable (mappings, EventBridge rules). */
    public void setEnabled(TriggerRow row, boolean enabled) {
        if (!row.trigger().canDisable()) return;
        act(() -> source.setEnabled(row.trigger(), enabled), (enabled ? "Enabled " : "Disabled ") + row.trigger().name());
    }

    /** Deletes the trigger from its source (the view asks first). */
    public void delete(TriggerRow row) {
        act(() -> source.delete(row.trigger()), "Deleted the " + row.source() + " trigger " + row.trigger().name());
    }

    /** What the confirmation asks before {@link #delete}. */
    public static String deleteQuestion(TriggerRow row) {
        Trigger t = row.trigger();
        String what = switch (t.kind()) {
            case S3 -> "The bucket " + t.name() + " keeps its other notifications.";
            case EVENTBRIDGE_RULE, SCHEDULE -> "The rule " + t.name() + " stays; it loses this function as a target.";
            case API_GATEWAY -> "The route is removed from the API " + t.name() + "; the API and its stages stay.";
            case SQS, KINESIS, DYNAMODB -> "The event source mapping is deleted; " + t.name() + " itself stays.";
            case SNS -> "The subscription to " + t.name() + " is removed.";
            case FUNCTION_URL -> "The Function URL stops answering; a new one gets another address.";
            case LOGS -> "The subscription filter of " + t.name() + " is deleted.";
        };
        return "Delete the " + t.kind().label() + " trigger " + t.name() + " of " + t.function() + "? " + what;
    }

    private void act(Runnable work, String done) {
        if (busy.get()) return;
        busy.set(true);
        message.set("");
        tasks.run(() -> {
            work.run();
            return done;
        }).onSuccess(m -> {
            message.set(m);
            refresh();
        }).onFailure(e -> message.set(e.getMessage() == null ? e.toString() : e.getMessage()))
                .andFinally(() -> busy.set(false));
    }

    @Override
    public void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
            listening = null;
        }
    }
}
