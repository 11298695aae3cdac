package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The Versions tab of one function: $LATEST and the published versions (version, description, CodeSha256, last
 * modified, code size); publish $LATEST as a new version with a description; delete a published version (Lambda
 * refuses while an alias points or routes to it, and the tab says so in Lambda's words). The table follows
 * changes made anywhere: this tab, the Code and Configuration tabs ($LATEST's row), the AWS CLI.
 */
public final class VersionsViewModel implements AutoCloseable {
    private final String function;
    private final Workspace workspace;
    private final TaskRunner tasks;
    private final UnaryOperator<String> functionArn;
    private final ObservableList<VersionRow> versions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Consumer<WorkspaceChange> listener = this::changed;
    private TaskRunner.Task<List<VersionRow>> reading;
    private boolean closed;

    /** @param functionArn a function's name to its ARN, for Lambda's messages ("…:function:NAME:2") */
    public VersionsViewModel(String function, Workspace workspace, TaskRunner tasks, UnaryOperator<String> functionArn) {
        this.function = function;
        this.workspace = workspace;
        this.tasks = tasks;
        this.functionArn = functionArn;
        workspace.addListener(listener);
        refresh();
    }

    public String function() { return function; }
    /** $LATEST first, then the published versions ascending. */
    public ObservableList<VersionRow> versions() { return versions; }
    /** What the last action did, or why Lambda refused it; empty when there is nothing to say. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    /** A publish or delete is under way. */
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    private void changed(WorkspaceChange change) {
        if (!function.equals(change.functionName())) return;
        switch (change.kind()) {
            case CREATED, CODE, CONFIGURATION, VERSIONS -> refresh();
            default -> { }
        }
    }

    public void refresh() {
        if (closed) return;
        if (reading != null) reading.cancel();
        reading = tasks.run(this::read).onSuccess(rows -> {
            if (!closed) versions.setAll(rows);
        }).onFailure(e -> error("Could not read the versions: " + describe(e)));
    }

    private List<VersionRow> read() {
        List<VersionRow> rows = new ArrayList<>();
        rows.add(VersionRow.of(workspace.version(function, FunctionVersion.LATEST)));
        workspace.versions(function).forEach(v -> rows.add(VersionRow.of(v)));
        return rows;
    }

    /**
     * Publishes $LATEST's code and configuration as a new version; a blank description keeps the function's. When
     * nothing changed since the last version, Lambda publishes none and returns that one: the message says so.
     */
    public void publish(String description) {
        if (busy.get()) return;
        String text = description == null || description.isBlank() ? null : description.trim();
        busy.set(true);
        tasks.run(() -> {
            List<String> before = workspace.versions(function).stream().map(FunctionVersion::version).toList();
            FunctionVersion v = workspace.publishVersion(function, text, null, null);
            return new Published(v, !before.contains(v.version()));
        }).onSuccess(p -> {
            if (p.created()) {
                info("Published version " + p.version().version() + " (CodeSha256 "
                        + p.version().config().codeSha256() + ").");
            } else {
                info("Nothing changed since version " + p.version().version() + " was published, so no new version: "
                        + "Lambda returns version " + p.version().version() + ". Change the code or configuration first.");
            }
            refresh();
        }).onFailure(e -> error("Not published. " + describe(e))).andFinally(() -> busy.set(false));
    }

    private record Published(FunctionVersion version, boolean created) { }

    /** The question to ask before deleting a version. */
    public static String deleteQuestion(VersionRow row) {
        return "Delete version " + row.name() + " of the function? Its code and configuration go and the number is "
                + "never given again. Invocations of version " + row.name() + " fail afterwards.";
    }

    /** Deletes a published version (not $LATEST); a refusal (an alias uses it) is shown as Lambda words it. */
    public void delete(VersionRow row) {
        if (row == null || busy.get()) return;
        if (row.latest()) {
            error("$LATEST cannot be deleted without deleting the function.");
            return;
        }
        busy.set(true);
        tasks.run(() -> {
            workspace.deleteVersion(function, row.name());
            return row.name();
        }).onSuccess(v -> {
            info("Deleted version " + v + ".");
            refresh();
        }).onFailure(e -> error("Version " + row.name() + " was not deleted. " + describe(e)))
                .andFinally(() -> busy.set(false));
    }

    private String describe(Throwable e) { return VersionErrors.describe(e, functionArn); }

    private void info(String text) {
        messageIsError.set(false);
        message.set(text);
    }

    private void error(String text) {
        messageIsError.set(true);
        message.set(text);
    }

    @Override
    public void close() {
        closed = true;
        workspace.removeListener(listener);
        if (reading != null) reading.cancel();
    }
}
