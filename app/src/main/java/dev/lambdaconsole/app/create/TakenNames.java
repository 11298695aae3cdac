package dev.lambdaconsole.app.create;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.FunctionEntry;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The names of the workspace's functions, read in the background and kept current as functions are created or
 * deleted anywhere, so that checking a typed name never touches the disk on the UI thread.
 */
final class TakenNames implements Predicate<String>, AutoCloseable {
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final Set<String> names = ConcurrentHashMap.newKeySet();
    private final Consumer<WorkspaceChange> listener = this::changed;
    private volatile Runnable onChange = () -> { };

    TakenNames(Workspace workspace, TaskRunner tasks) {
        this.workspace = workspace;
        this.tasks = tasks;
        workspace.addListener(listener);
        reload();
    }

    /** Called on the UI thread after the names have changed. */
    void onChange(Runnable action) { this.onChange = action; }

    @Override
    public boolean test(String name) { return names.contains(name); }

    private void changed(WorkspaceChange change) {
        if (change.kind() == WorkspaceChange.Kind.CREATED || change.kind() == WorkspaceChange.Kind.DELETED) reload();
    }

    private void reload() {
        tasks.run(() -> workspace.list().stream().map(FunctionEntry::name).toList()).onSuccess(this::replace);
    }

    private void replace(List<String> fresh) {
        names.retainAll(fresh);
        names.addAll(fresh);
        onChange.run();
    }

    @Override
    public void close() { workspace.removeListener(listener); }
}
