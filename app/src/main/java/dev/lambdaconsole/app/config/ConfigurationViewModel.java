package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.invoke.EngineSettings;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.List;
import java.util.function.Consumer;

/**
 * The Configuration tab of one function: its sections, each edited and saved on its own, and reloaded when the
 * function's configuration changes elsewhere (the AWS CLI through the endpoint, another window) unless the
 * section holds unsaved edits.
 */
public final class ConfigurationViewModel {
    private final String function;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final GeneralViewModel general;
    private final EnvironmentViewModel environment;
    private final ConcurrencyViewModel concurrency;
    private final AsyncInvocationViewModel async;
    private final TagsViewModel tags;
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final Consumer<WorkspaceChange> listener = this::changed;

    public ConfigurationViewModel(String function, Workspace workspace, EngineSettings engine, TaskRunner tasks) {
        this.function = function;
        this.workspace = workspace;
        this.tasks = tasks;
        this.general = new GeneralViewModel(function, workspace, tasks);
        this.environment = new EnvironmentViewModel(function, workspace, tasks);
        this.concurrency = new ConcurrencyViewModel(function, workspace, engine.concurrencyLimit(), tasks);
        this.async = new AsyncInvocationViewModel(function, workspace, engine::functionArn, tasks);
        this.tags = new TagsViewModel(function, workspace, tasks);
        workspace.addListener(listener);
    }

    public String function() { return function; }
    public GeneralViewModel general() { return general; }
    public EnvironmentViewModel environment() { return environment; }
    public ConcurrencyViewModel concurrency() { return concurrency; }
    public AsyncInvocationViewModel async() { return async; }
    public TagsViewModel tags() { return tags; }

    /** The sections in the order the web console lists them. */
    public List<SectionViewModel<?>> sections() { return List.of(general, environment, concurrency, async, tags); }

    /** Set when the function was deleted while the tab is open. */
    public ReadOnlyStringProperty noticeProperty() { return notice.getReadOnlyProperty(); }

    /** Reads every section from the workspace. */
    public void load() {
        sections().forEach(SectionViewModel::load);
    }

    private void changed(WorkspaceChange change) {
        if (!function.equals(change.functionName())) {
            if (change.kind() != WorkspaceChange.Kind.CODE && change.kind() != WorkspaceChange.Kind.EVENTS) {
                tasks.onUi(() -> { // the destinations to choose from, the concurrency others reserve
                    async.externalChange();
                    concurrency.externalChange();
                });
            }
            return;
        }
        switch (change.kind()) {
            case CONFIGURATION, CREATED -> tasks.onUi(() -> {
                notice.set("");
                sections().forEach(SectionViewModel::externalChange);
            });
            case DELETED -> tasks.onUi(() -> notice.set("Function " + function
                    + " was deleted from the workspace: its configuration can no longer be saved."));
            default -> { }
        }
    }

    /** Stops following the workspace. */
    public void close() {
        workspace.removeListener(listener);
    }
}
