package dev.lambdaconsole.app.functions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.services.lambda.FunctionService;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The Functions page: every function of the workspace, filtered by a search text, kept current when
 * functions change anywhere (the console itself, or the AWS CLI through the endpoint).
 */
public final class FunctionsViewModel implements AutoCloseable {
    private final Workspace workspace;
    private final LogStore logs;
    private final FunctionService functions;
    private final TaskRunner tasks;
    private final ObservableList<FunctionRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FunctionRow> visible = new FilteredList<>(rows, r -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private final Consumer<WorkspaceChange> listener = change -> {
        if (change.kind() != WorkspaceChange.Kind.EVENTS) reload();
    };

    public FunctionsViewModel(Workspace workspace, LogStore logs, TaskRunner tasks) {
        this.workspace = workspace;
        this.logs = logs;
        this.functions = new FunctionService(workspace, logs);
        this.tasks = tasks;
        filter.addListener((o, was, now) -> visible.setPredicate(r -> r.matches(now)));
        workspace.addListener(listener);
        reload();
    }

    /** Rows shown, after the filter. */
    public ObservableList<FunctionRow> visibleRows() { return visible; }
    public StringProperty filterProperty() { return filter; }
    /** The last error to show in a banner, empty when none. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Reads the workspace in the background; bursts of changes coalesce into one reload. */
    public void reload() {
        if (!reloadQueued.compareAndSet(false, true)) return;
        tasks.run(() -> {
            reloadQueued.set(false);
            return workspace.list().stream().map(FunctionRow::of).toList();
        }).onSuccess(this::show).onFailure(e -> message.set("Cannot read the workspace: " + TaskRunner.describe(e)));
    }

    private void show(List<FunctionRow> fresh) {
        rows.setAll(fresh);
    }

    /** Deletes a function with its code, events and logs (the view asks the user first). */
    public void delete(String name) {
        tasks.run(() -> {
            functions.delete(name);
            return name;
        }).onSuccess(n -> message.set("Deleted " + n + "."))
                .onFailure(e -> message.set("Could not delete " + name + ": " + TaskRunner.describe(e)));
    }

    @Override
    public void close() { workspace.removeListener(listener); }
}
