package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.FunctionVersion;
import dev.lambdaconsole.runtime.workspace.Workspace;
import dev.lambdaconsole.runtime.workspace.WorkspaceChange;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The Aliases tab of one function: its aliases (name, version, additional version and weight, description), the
 * editor to create or change one, delete, and for the chosen alias where its invocations landed (per executed
 * version, from the log store's invocation records, following new ones as they are stored).
 */
public final class AliasesViewModel implements AutoCloseable {
    /** How many of the function's newest invocation records the traffic chart reads. */
    static final int LOOKUP = 10_000;

    private final String function;
    private final Workspace workspace;
    private final LogStore store;
    private final TaskRunner tasks;
    private final UnaryOperator<String> functionArn;
    private final ZoneId zone;
    private final ObservableList<AliasRow> aliases = FXCollections.observableArrayList();
    private final ObjectProperty<AliasRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<AliasTraffic> traffic = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
    private final Consumer<WorkspaceChange> listener = this::changed;
    private final Runnable unsubscribe;
    /** The chosen alias's records, oldest first; null until read. */
    private List<InvocationRecord> records;
    private final Queue<InvocationRecord> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TaskRunner.Task<?> reading;
    private TaskRunner.Task<?> loadingTraffic;
    private boolean closed;

    public AliasesViewModel(String function, Workspace workspace, LogStore store, TaskRunner tasks,
                            UnaryOperator<String> functionArn, ZoneId zone) {
        this.function = function;
        this.workspace = workspace;
        this.store = store;
        this.tasks = tasks;
        this.functionArn = functionArn;
        this.zone = zone;
        workspace.addListener(listener);
        unsubscribe = store.subscribeInvocations(batch -> {
            boolean any = false;
            for (InvocationRecord r : batch) {
                if (function.equals(r.functionName()) && r.qualifier() != null) {
                    arrived.add(r);
                    any = true;
                }
            }
            if (any && drainScheduled.compareAndSet(false, true)) tasks.onUi(this::drain);
        });
        selected.addListener((o, was, now) -> {
            String before = was == null ? null : was.name();
            String after = now == null ? null : now.name();
            if (after == null || !after.equals(before)) loadTraffic();
        });
        refresh();
    }

    public String function() { return function; }
    public ObservableList<AliasRow> aliases() { return aliases; }
    /** The alias whose traffic is charted (the table's selection). */
    public ObjectProperty<AliasRow> selectedProperty() { return selected; }
    /** Where the chosen alias's invocations landed; null when no alias is chosen. */
    public ReadOnlyObjectProperty<AliasTraffic> trafficProperty() { return traffic.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }

    private void changed(WorkspaceChange change) {
        if (!function.equals(change.functionName())) return;
        switch (change.kind()) {
            case CREATED, ALIASES, VERSIONS -> refresh();
            default -> { }
        }
    }

    public void refresh() {
        refresh(selected.get() == null ? null : selected.get().name());
    }

    /** Reads the aliases again and then chooses the one named {@code chosen} (null: none). */
    private void refresh(String chosen) {
        if (closed) return;
        if (reading != null) reading.cancel();
        reading = tasks.run(() -> workspace.aliases(function).stream().map(AliasRow::of).toList()).onSuccess(rows -> {
            if (closed) return;
            aliases.setAll(rows);
            selected.set(rows.stream().filter(r -> r.name().equals(chosen)).findFirst().orElse(null));
        }).onFailure(e -> error("Could not read the aliases: " + VersionErrors.describe(e, functionArn)));
    }

    /** An editor for a new alias (null) or for {@code row}'s; its choosers offer the function's versions. */
    public void editor(AliasRow row, Consumer<AliasEditorViewModel> open) {
        tasks.run(() -> {
            List<String> versions = new ArrayList<>();
            versions.add(FunctionVersion.LATEST);
            workspace.versions(function).forEach(v -> versions.add(v.version()));
            Alias current = row == null ? null : workspace.alias(function, row.name());
            return new AliasEditorViewModel(function, workspace, tasks, functionArn, versions, current);
        }).onSuccess(open::accept).onFailure(e -> error(VersionErrors.describe(e, functionArn)));
    }

    /** After the editor saved: says what changed and chooses the alias. */
    public void saved(Alias alias, boolean created) {
        info((created ? "Created alias " : "Updated alias ") + alias.name() + ": " + Qualifier.routing(alias) + ".");
        refresh(alias.name());
    }

    public static String deleteQuestion(AliasRow row) {
        return "Delete alias " + row.name() + "? Callers that invoke " + row.name() + " (triggers, Function URLs, "
                + "--qualifier " + row.name() + ") get ResourceNotFoundException afterwards.";
    }

    public void delete(AliasRow row) {
        if (row == null) return;
        tasks.run(() -> {
            workspace.deleteAlias(function, row.name());
            return row.name();
        }).onSuccess(n -> {
            info("Deleted alias " + n + ".");
            refresh();
        }).onFailure(e -> error("Alias " + row.name() + " was not deleted. " + VersionErrors.describe(e, functionArn)));
    }

    private void loadTraffic() {
        if (loadingTraffic != null) loadingTraffic.cancel();
        records = null;
        arrived.clear();
        AliasRow row = selected.get();
        if (row == null || closed) {
            traffic.set(null);
            return;
        }
        String alias = row.name();
        traffic.set(AliasTraffic.empty(alias));
        loadingTraffic = tasks.run(() -> {
            List<InvocationRecord> mine = new ArrayList<>(store.invocations(function, LOOKUP).stream()
                    .filter(r -> alias.equals(r.qualifier())).toList());
            java.util.Collections.reverse(mine); // oldest first
            return mine;
        }).onSuccess(list -> {
            if (closed || selected.get() == null || !alias.equals(selected.get().name())) return;
            records = list;
            drain();
            traffic.set(AliasTraffic.of(alias, records, zone));
        }).onFailure(e -> error("Could not read the invocations of " + alias + ": " + TaskRunner.describe(e)));
    }

    /** Adds the chosen alias's records that arrived since (ones read already are skipped) and charts them again. */
    private void drain() {
        drainScheduled.set(false);
        if (closed || records == null || selected.get() == null) return;
        String alias = selected.get().name();
        java.util.Set<String> known = new java.util.HashSet<>();
        for (InvocationRecord r : records) known.add(r.requestId());
        boolean any = false;
        for (InvocationRecord r; (r = arrived.poll()) != null; ) {
            if (alias.equals(r.qualifier()) && known.add(r.requestId())) {
                records.add(r);
                any = true;
            }
        }
        if (records.size() > LOOKUP) records.subList(0, records.size() - LOOKUP).clear();
        if (any) traffic.set(AliasTraffic.of(alias, records, zone));
    }

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
        unsubscribe.run();
        if (reading != null) reading.cancel();
        if (loadingTraffic != null) loadingTraffic.cancel();
    }
}
