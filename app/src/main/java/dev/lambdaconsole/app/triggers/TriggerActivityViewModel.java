package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.simulators.activity.ActivityEntry;
import dev.lambdaconsole.simulators.activity.ActivityResult;
import dev.lambdaconsole.simulators.activity.ActivityFeed;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BiConsumer;

/**
 * The activity of one trigger (a function and a source ARN): its deliveries newest first, at most
 * {@value #MAX_ROWS}. Deliveries arrive on the recording threads and wait in a queue; {@link #drain()} (the view
 * calls it once per pulse) takes them all in one update, replacing a row whose delivery changed state.
 */
public final class TriggerActivityViewModel {
    static final int MAX_ROWS = 500;

    private final String function;
    private final String sourceArn;
    private final String kind;
    private final ActivityFeed activity;
    private final TaskRunner tasks;
    private final BiConsumer<String, String> openInvocation;
    private final ObservableList<ActivityRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Queue<ActivityEntry> arrived = new ConcurrentLinkedQueue<>();
    private AutoCloseable subscription;
    private boolean loaded;
    private boolean closed;

    /**
     * @param kind           the source's kind as the triggers list names it (e.g. "sqs", "s3"), for the title
     * @param openInvocation opens an invocation (function, request id) in the Monitor tab
     */
    public TriggerActivityViewModel(String function, String sourceArn, String kind, ActivityFeed activity,
                                    TaskRunner tasks, BiConsumer<String, String> openInvocation) {
        this.function = function;
        this.sourceArn = sourceArn;
        this.kind = kind;
        this.activity = activity;
        this.tasks = tasks;
        this.openInvocation = openInvocation;
    }

    public String function() { return function; }
    public String sourceArn() { return sourceArn; }
    public String kind() { return kind; }
    /** The deliveries, newest first. */
    public ObservableList<ActivityRow> rows() { return rows; }
    /** "12 deliveries: 2 failed, 1 partial failure" over the rows listed. */
    public ReadOnlyStringProperty summaryProperty() { return summary.getReadOnlyProperty(); }
    /** What went wrong reading the activity, or "". */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** Whether the source hands over batches (event source mappings: SQS, Kinesis, DynamoDB Streams). */
    public boolean batches() {
        return sourceArn.startsWith("arn:aws:sqs:") || sourceArn.startsWith("arn:aws:kinesis:")
                || sourceArn.startsWith("arn:aws:dynamodb:");
    }

    /** Whether the source is an HTTP front door whose status codes matter (API Gateway, Function URLs). */
    public boolean http() {
        return "apigateway".equals(kind) || "function-url".equals(kind) || sourceArn.startsWith("arn:aws:execute-api:")
                || sourceArn.startsWith("arn:aws:lambda:");
    }

    /** Starts listening and reads the recent deliveries; ones that arrive meanwhile join them at the next drain. */
    public void start() {
        if (closed || subscription != null) return;
        subscription = activity.subscribe(function, sourceArn, arrived::add);
        refresh();
    }

    /** Reads the recent deliveries again. */
    public void refresh() {
        if (closed) return;
        message.set("");
        tasks.run(() -> activity.recent(function, sourceArn, MAX_ROWS)).onSuccess(entries -> {
            if (closed) return;
            loaded = true;
            rows.setAll(entries.stream().map(ActivityRow::of).toList());
            drain();
            summarise();
        }).onFailure(e -> message.set("Could not read the trigger's activity: " + e.getMessage()));
    }

    /**
     * Takes in every delivery that arrived since the last call (a new one at the top, a new state of a listed one
     * in its place) and keeps the newest {@value #MAX_ROWS}. Returns whether the rows changed.
     */
    public boolean drain() {
        if (closed || !loaded || arrived.isEmpty()) return false;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) index.put(rows.get(i).key(), i);
        List<ActivityRow> added = new ArrayList<>();
        Map<String, Integer> addedIndex = new HashMap<>();
        boolean changed = false;
        for (ActivityEntry e; (e = arrived.poll()) != null; ) {
            ActivityRow row = ActivityRow.of(e);
            Integer at = index.get(e.key());
            if (at != null) {
                if (stale(rows.get(at), e)) continue;
                rows.set(at, row);
                changed = true;
                continue;
            }
            Integer pending = addedIndex.get(e.key());
            if (pending != null) {
                if (!stale(added.get(pending), e)) added.set(pending, row);
                continue;
            }
            addedIndex.put(e.key(), added.size());
            added.add(row);
        }
        if (!added.isEmpty()) {
            java.util.Collections.reverse(added); // newest first
            rows.addAll(0, added);
            changed = true;
        }
        if (rows.size() > MAX_ROWS) rows.remove(MAX_ROWS, rows.size());
        if (changed) summarise();
        return changed;
    }

    /** A queued state that arrives after the delivery's outcome (read by the first load) changes nothing. */
    private static boolean stale(ActivityRow shown, ActivityEntry e) {
        return e.result() == ActivityResult.QUEUED && shown.entry().result() != ActivityResult.QUEUED;
    }

    /** Opens the row's invocation in the function's Monitor tab (nothing when the delivery invoked nothing). */
    public void openInvocation(ActivityRow row) {
        if (row == null || row.entry().requestId() == null) return;
        openInvocation.accept(function, row.entry().requestId());
    }

    private void summarise() {
        int n = rows.size();
        if (n == 0) {
            summary.set("No deliveries yet: " + function + " has not been triggered by this source.");
            return;
        }
        long failed = rows.stream().filter(r -> r.entry().result().failed()).count();
        long partial = rows.stream().filter(r -> r.entry().result() == ActivityResult.PARTIAL_FAILURE).count();
        long records = rows.stream().mapToLong(r -> r.entry().batchSize()).sum();
        StringBuilder b = new StringBuilder(n == MAX_ROWS ? "Last " + n + " deliveries" : n == 1 ? "1 delivery" : n + " deliveries");
        if (batches()) b.append(" (").append(records).append(records == 1 ? " record)" : " records)");
        b.append(": ").append(failed).append(" failed");
        if (partial > 0) b.append(" (").append(partial).append(partial == 1 ? " partial failure)" : " partial failures)");
        summary.set(b.toString());
    }

    /** Stops listening. */
    public void close() {
        closed = true;
        arrived.clear();
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // the listener lists only remove it
            }
        }
    }
}
