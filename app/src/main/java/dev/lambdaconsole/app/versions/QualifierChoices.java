package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The qualifiers of one function a chooser offers: {@code $LATEST}, the published versions (ascending) and the
 * aliases (by name), read in the background and again whenever versions or aliases change (from the console or
 * through the endpoint, the AWS CLI's way). With {@code withAll}, "All versions and aliases" comes first (filters).
 */
public final class QualifierChoices implements AutoCloseable {
    private final String function;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final boolean withAll;
    private final ObservableList<Qualifier> choices = FXCollections.observableArrayList();
    private final Consumer<WorkspaceChange> listener = this::changed;
    private final List<Runnable> onChange = new ArrayList<>();
    private TaskRunner.Task<List<Qualifier>> reading;
    private boolean closed;

    public QualifierChoices(String function, Workspace workspace, TaskRunner tasks, boolean withAll) {
        this.function = function;
        this.workspace = workspace;
        this.tasks = tasks;
        this.withAll = withAll;
        choices.setAll(withAll ? List.of(Qualifier.ALL, Qualifier.LATEST) : List.of(Qualifier.LATEST));
        workspace.addListener(listener);
        refresh();
    }

    /** The choices, on the UI thread. */
    public ObservableList<Qualifier> choices() { return choices; }

    /** Runs (on the UI thread) after each reading of the choices. */
    public void onChange(Runnable action) { onChange.add(action); }

    /** The choice with this qualifier value ({@code null} or {@code $LATEST} are $LATEST), if it is offered. */
    public Qualifier find(String value) {
        if (value == null) return withAll ? Qualifier.ALL : Qualifier.LATEST;
        for (Qualifier q : choices) if (value.equals(q.value())) return q;
        return null;
    }

    private void changed(WorkspaceChange change) {
        if (!function.equals(change.functionName())) return;
        switch (change.kind()) {
            case VERSIONS, ALIASES, CREATED -> refresh();
            default -> { }
        }
    }

    public void refresh() {
        if (closed) return;
        if (reading != null) reading.cancel();
        reading = tasks.run(this::read).onSuccess(list -> {
            if (closed) return;
            choices.setAll(list);
            onChange.forEach(Runnable::run);
        });
    }

    private List<Qualifier> read() {
        List<Qualifier> list = new ArrayList<>();
        if (withAll) list.add(Qualifier.ALL);
        list.add(Qualifier.LATEST);
        try {
            workspace.versions(function).forEach(v -> list.add(Qualifier.version(v)));
            workspace.aliases(function).forEach(a -> list.add(Qualifier.alias(a)));
        } catch (RuntimeException deleted) {
            // the function is gone or unreadable: $LATEST alone is offered and invoking it says why
        }
        return list;
    }

    @Override
    public void close() {
        closed = true;
        workspace.removeListener(listener);
        if (reading != null) reading.cancel();
    }
}
