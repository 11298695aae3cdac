package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.simulators.triggers.Destination;
import dev.lambdaconsole.simulators.triggers.FunctionTriggers;
import dev.lambdaconsole.simulators.triggers.Trigger;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The diagram at the top of a function page: its triggers, the function with its layer count, its destinations.
 * Read in the background, again after each change to any source (the AWS CLI, the console itself), coalesced
 * by {@link FunctionTriggers#addChangeListener} (a burst of changes is one read).
 */
public final class FunctionOverviewViewModel implements AutoCloseable {
    private final String function;
    private final FunctionTriggers source;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final ObservableList<Trigger> triggers = FXCollections.observableArrayList();
    private final ObservableList<Destination> destinations = FXCollections.observableArrayList();
    // one read-only view each: a view listens weakly to its list, so a view made per call could be collected
    private final ObservableList<Trigger> triggersView = FXCollections.unmodifiableObservableList(triggers);
    private final ObservableList<Destination> destinationsView = FXCollections.unmodifiableObservableList(destinations);
    private final ReadOnlyStringWrapper layers = new ReadOnlyStringWrapper("Layers (0)");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean loading;
    private boolean again;
    private AutoCloseable listening;

    record Snapshot(List<Trigger> triggers, List<Destination> destinations, int layers) { }

    public FunctionOverviewViewModel(String function, FunctionTriggers source, Workspace workspace, TaskRunner tasks) {
        this.function = function;
        this.source = source;
        this.workspace = workspace;
        this.tasks = tasks;
    }

    public String function() { return function; }
    public ObservableList<Trigger> triggers() { return triggersView; }
    public ObservableList<Destination> destinations() { return destinationsView; }
    /** "Layers (n)", from the function's configuration. */
    public ReadOnlyStringProperty layersProperty() { return layers.getReadOnlyProperty(); }
    /** Why the overview could not be read, or "". */
    public ReadOnlyStringProperty errorProperty() { return error.getReadOnlyProperty(); }

    /** Reads now and after every change from now on. */
    public void start() {
        if (listening == null) listening = source.addChangeListener(() -> tasks.onUi(this::refresh));
        refresh();
    }

    /** Reads the overview in the background (UI thread); a change during a read reads once more afterwards. */
    public void refresh() {
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        tasks.run(() -> new Snapshot(source.triggersOf(function), source.destinationsOf(function),
                        workspace.exists(function) ? workspace.read(function).layersOrEmpty().size() : 0))
                .onSuccess(s -> {
                    triggers.setAll(s.triggers());
                    destinations.setAll(s.destinations());
                    layers.set("Layers (" + s.layers() + ")");
                    error.set("");
                })
                .onFailure(e -> error.set("Cannot read the triggers: " + e.getMessage()))
                .andFinally(() -> {
                    loading = false;
                    if (again) {
                        again = false;
                        refresh();
                    }
                });
    }

    /** "On failure: failed-events (SQS queue)". */
    public static String label(Destination d) {
        String where = d.source() == null ? "" : " of " + d.source();
        return d.condition().label() + where + ": " + d.name();
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
