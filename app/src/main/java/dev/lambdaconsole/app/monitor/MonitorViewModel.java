package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.logs.LogStore;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Monitor tab of one function: its recent invocations (from the log store's invocation records, newest
 * first, new ones added as the store writes them) with a summary, and the log viewer. Choosing an invocation
 * shows its events.
 */
public final class MonitorViewModel {
    static final int LIMIT = 200;
    /** How far back {@link #showInvocation} looks for an invocation that is not among the rows listed. */
    static final int LOOKUP = 10_000;

    private final String function;
    private final LogStore store;
    private final TaskRunner tasks;
    private final LogViewerViewModel logs;
    private final ObservableList<InvocationRow> invocations = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selected = new ReadOnlyStringWrapper();
    /** Which invocations are listed: null for all, a version ($LATEST, digits) for those it ran, an alias's name. */
    private final ObjectProperty<String> qualifier = new SimpleObjectProperty<>();
    /** An invocation asked for that is not listed yet: selected when its record is found or arrives. */
    private String wanted;
    private final Queue<InvocationRecord> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final Runnable unsubscribe;
    private boolean loaded;
    private boolean closed;

    public MonitorViewModel(String function, LogStore store, TaskRunner tasks) {
        this.function = function;
        this.store = store;
        this.tasks = tasks;
        this.logs = new LogViewerViewModel(function, store, tasks);
        unsubscribe = store.subscribeInvocations(records -> {
            boolean any = false;
            for (InvocationRecord r : records) {
                if (r.functionName().equals(function)) {
                    arrived.add(r);
                    any = true;
                }
            }
            if (any && drainScheduled.compareAndSet(false, true)) tasks.onUi(this::drain);
        });
        qualifier.addListener((o, was, now) -> refresh());
    }

    public String function() { return function; }
    public ObservableList<InvocationRow> invocations() { return invocations; }
    public LogViewerViewModel logs() { return logs; }
    /** "12 invocations: 2 errors, 1 cold start, average 3.21 ms" over the rows listed. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    /** The invocation chosen through {@link #showInvocation}, once it is among the rows (the view selects it). */
    public ReadOnlyStringProperty selectedInvocationProperty() { return selected.getReadOnlyProperty(); }
    /**
     * The invocations listed: null for all; {@code $LATEST} or a version number for those that version ran (called
     * directly or through an alias); an alias's name for those called through it.
     */
    public ObjectProperty<String> qualifierProperty() { return qualifier; }

    /** Whether a record is listed under the qualifier chosen. */
    static boolean matches(InvocationRecord r, String qualifier) {
        if (qualifier == null) return true;
        if ("$LATEST".equals(qualifier) || qualifier.chars().allMatch(Character::isDigit)) {
            String ran = r.executedVersion() == null ? "$LATEST" : r.executedVersion();
            return qualifier.equals(ran);
        }
        return qualifier.equals(r.qualifier());
    }

    /** Reloads the invocations and the log view. */
    public void refresh() {
        if (closed) return;
        String filter = qualifier.get();
        tasks.run(() -> filter == null ? store.invocations(function, LIMIT)
                : store.invocations(function, LOOKUP).stream().filter(r -> matches(r, filter)).limit(LIMIT).toList())
                .onSuccess(records -> {
            if (closed || !java.util.Objects.equals(filter, qualifier.get())) return;
            loaded = true;
            invocations.setAll(records.stream().map(InvocationRow::of).toList());
            drain();
            if (wanted != null) find(wanted);
        }).onFailure(e -> message.set("Could not read the invocations: " + TaskRunner.describe(e)));
        logs.refresh();
    }

    /**
     * Shows the events of invocation {@code requestId} in the log viewer and chooses its row: listed already, read
     * from the older records (beyond the {@value #LIMIT} listed), or as soon as its record is stored.
     */
    public void showInvocation(String requestId) {
        logs.showInvocation(requestId);
        if (requestId == null) return;
        message.set("");
        if (listed(requestId)) {
            wanted = null;
            choose(requestId);
            return;
        }
        wanted = requestId;
        if (qualifier.get() != null) {
            qualifier.set(null); // it may be of another version: all are listed again, then it is found
            return;
        }
        if (loaded) find(requestId);
    }

    private boolean listed(String requestId) {
        for (InvocationRow row : invocations) if (row.requestId().equals(requestId)) return true;
        return false;
    }

    private void choose(String requestId) {
        selected.set(null); // asked again for the same one: the view selects it again
        selected.set(requestId);
    }

    /** Looks for an invocation among the older records and lists it in time order. */
    private void find(String requestId) {
        if (listed(requestId)) {
            wanted = null;
            choose(requestId);
            return;
        }
        tasks.run(() -> store.invocations(function, LOOKUP).stream()
                .filter(r -> r.requestId().equals(requestId)).findFirst()).onSuccess(found -> {
            if (closed || !requestId.equals(wanted)) return;
            if (found.isEmpty()) {
                message.set("Invocation " + requestId + " has no record yet: its logs are shown, its row appears "
                        + "when it ends.");
                return;
            }
            if (!listed(requestId)) {
                int at = 0;
                while (at < invocations.size() && invocations.get(at).record().startMs() >= found.get().startMs()) at++;
                invocations.add(at, InvocationRow.of(found.get()));
                summarise();
            }
            wanted = null;
            choose(requestId);
        }).onFailure(e -> message.set("Could not read the invocations: " + e.getMessage()));
    }

    /** Adds the records that arrived (once the first load is in; ones it already had are skipped). */
    private void drain() {
        drainScheduled.set(false);
        if (closed || !loaded) return;
        java.util.Set<String> listed = new java.util.HashSet<>();
        for (InvocationRow row : invocations) listed.add(row.requestId());
        List<InvocationRow> rows = new ArrayList<>();
        String filter = qualifier.get();
        for (InvocationRecord r; (r = arrived.poll()) != null; ) {
            if (matches(r, filter) && listed.add(r.requestId())) rows.add(0, InvocationRow.of(r));
        }
        if (!rows.isEmpty()) invocations.addAll(0, rows);
        trim();
        summarise();
        if (wanted != null && listed(wanted)) {
            String id = wanted;
            wanted = null;
            message.set("");
            choose(id);
        }
    }

    /** Keeps the newest {@value #LIMIT} rows, and the chosen one wherever it is. */
    private void trim() {
        if (invocations.size() <= LIMIT) return;
        String keep = selected.get();
        InvocationRow kept = null;
        for (int i = LIMIT; i < invocations.size() && keep != null; i++) {
            if (invocations.get(i).requestId().equals(keep)) kept = invocations.get(i);
        }
        invocations.remove(LIMIT, invocations.size());
        if (kept != null) invocations.add(kept);
    }

    private void summarise() {
        int n = invocations.size();
        if (n == 0) {
            summary.set("No invocations yet: run a test or call the function to see it here.");
            return;
        }
        long errors = invocations.stream().filter(InvocationRow::failed).count();
        long cold = invocations.stream().filter(InvocationRow::cold).count();
        double average = invocations.stream().mapToDouble(r -> r.record().durationMs()).average().orElse(0);
        summary.set(String.format(Locale.ROOT, "%s: %d error%s, %d cold start%s, average %.2f ms",
                n == 1 ? "1 invocation" : (n == LIMIT ? "Last " + n + " invocations" : n + " invocations"),
                errors, errors == 1 ? "" : "s", cold, cold == 1 ? "" : "s", average));
    }

    public void close() {
        closed = true;
        unsubscribe.run();
        logs.close();
    }
}
