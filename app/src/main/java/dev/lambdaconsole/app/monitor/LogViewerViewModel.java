package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.common.ProgressBoard;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.LogStreamInfo;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The log viewer of one function (CloudWatch Logs for its group): streams, a filter by substring, time range,
 * stream or invocation, and the matching events as a {@link PagedLogList}. With live tail on, events the
 * store writes are appended in batches (one UI update per batch of the writer, never one per line).
 */
public final class LogViewerViewModel {
    private static final int RECENT = 10_000;
    /** A filter pattern or regex view holds at most this many matches (the newest). */
    static final int MAX_MATCHES = 100_000;

    private final String group;
    private final LogStore store;
    private final TaskRunner tasks;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(false);
    private final ObjectProperty<FilterMode> filterMode = new SimpleObjectProperty<>(FilterMode.SUBSTRING);
    private final ReadOnlyStringWrapper filterProblem = new ReadOnlyStringWrapper("");
    private final ObjectProperty<TimeRange> timeRange = new SimpleObjectProperty<>(TimeRange.ALL);
    private final ObjectProperty<String> stream = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Long> customFrom = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> customTo = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper requestId = new ReadOnlyStringWrapper();
    private final BooleanProperty liveTail = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<PagedLogList> events = new ReadOnlyObjectWrapper<>();
    private final ObservableList<LogStreamInfo> streams = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final Queue<LogEvent> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final ArrayDeque<LogEvent> recent = new ArrayDeque<>();
    private final Runnable unsubscribe;
    private TaskRunner.Task<?> search;
    private boolean closed;
    private boolean capped;

    public LogViewerViewModel(String function, LogStore store, TaskRunner tasks) {
        this.group = LogStore.groupOf(function);
        this.store = store;
        this.tasks = tasks;
        unsubscribe = store.subscribe(this::arrived);
        filterText.addListener((o, was, now) -> refresh());
        matchCase.addListener((o, was, now) -> refresh());
        filterMode.addListener((o, was, now) -> refresh());
        timeRange.addListener((o, was, now) -> refresh());
        stream.addListener((o, was, now) -> refresh());
        requestId.addListener((o, was, now) -> refresh());
        liveTail.addListener((o, was, now) -> {
            if (now) refresh();
        });
    }

    /** The substring to look for (the view sets it once typing pauses). */
    public StringProperty filterTextProperty() { return filterText; }
    public BooleanProperty matchCaseProperty() { return matchCase; }
    /** How the filter text is read: substring, CloudWatch filter pattern or regular expression. */
    public ObjectProperty<FilterMode> filterModeProperty() { return filterMode; }
    /** What is wrong with the filter pattern or regex ("" when nothing): shown by the field, nothing searched. */
    public ReadOnlyStringProperty filterProblemProperty() { return filterProblem.getReadOnlyProperty(); }
    public ObjectProperty<TimeRange> timeRangeProperty() { return timeRange; }
    /** One stream's events, or null for all streams. */
    public ObjectProperty<String> streamProperty() { return stream; }
    /** The custom range's first and last millisecond (null: open), used while the time range is CUSTOM. */
    public ReadOnlyObjectProperty<Long> customFromProperty() { return customFrom.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Long> customToProperty() { return customTo.getReadOnlyProperty(); }
    /** The invocation whose events are shown, or null. */
    public ReadOnlyStringProperty requestIdProperty() { return requestId.getReadOnlyProperty(); }
    public BooleanProperty liveTailProperty() { return liveTail; }
    /** The matching events; replaced by a new list whenever the filter changes. */
    public ReadOnlyObjectProperty<PagedLogList> eventsProperty() { return events.getReadOnlyProperty(); }
    /** The group's streams, newest first. */
    public ObservableList<LogStreamInfo> streams() { return streams; }
    public ReadOnlyBooleanProperty searchingProperty() { return searching.getReadOnlyProperty(); }
    /** "1,234 events", "No events match", or what went wrong. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** The outcome of the last export or copy: "Exported 1,234 lines to FILE", or what went wrong. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    private static final java.time.format.DateTimeFormatter TYPED = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /**
     * Sets the custom range from local times as typed ("2026-11-23 14:05", seconds optional; empty leaves that
     * end open) and shows it. Returns what is wrong with the text, or "" when the range was applied.
     */
    public String setCustomRange(String fromText, String toText) {
        Long from;
        Long to;
        try {
            from = parse(fromText, false);
        } catch (java.time.format.DateTimeParseException e) {
            return "From: write a local time as 2026-11-23 14:05 (seconds optional), or leave it empty.";
        }
        try {
            to = parse(toText, true);
        } catch (java.time.format.DateTimeParseException e) {
            return "To: write a local time as 2026-11-23 14:05 (seconds optional), or leave it empty.";
        }
        if (from != null && to != null && from > to) return "From must not be after To.";
        customFrom.set(from);
        customTo.set(to);
        if (timeRange.get() == TimeRange.CUSTOM) refresh(); else timeRange.set(TimeRange.CUSTOM);
        return "";
    }

    /** Epoch milliseconds of a typed local time; the end of a range takes in the whole minute or second. */
    private static Long parse(String text, boolean end) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        java.time.LocalDateTime at = java.time.LocalDateTime.parse(t, TYPED);
        long ms = at.atZone(java.time.ZoneId.systemDefault()).toInstant().toEpochMilli();
        return end ? ms + (t.length() > 16 ? 999 : 59_999) : ms;
    }

    /** Shows the events of one invocation, whatever the time range and stream. */
    public void showInvocation(String id) { requestId.set(id); }

    public void clearInvocation() { requestId.set(null); }

    /** The filter as the controls say now; an invocation's events regardless of time range and stream. */
    LogQuery currentQuery() {
        String contains = filterMode.get() == FilterMode.SUBSTRING ? filterText.get() : null;
        LogQuery q = LogQuery.group(group).withContains(contains).withMatchCase(matchCase.get());
        if (requestId.get() != null) return q.withRequestId(requestId.get());
        if (timeRange.get() == TimeRange.CUSTOM) return q.withStream(stream.get()).withRange(customFrom.get(), customTo.get());
        return q.withStream(stream.get()).withRange(timeRange.get().fromMs(System.currentTimeMillis()), null);
    }

    private record Snapshot(LogQuery query, long ceiling, long count, List<LogStreamInfo> streams,
                            MatchSearch.Result matches) { }

    /** Counts the matches in the background and shows them as a new list; older searches still running lose. */
    public void refresh() {
        if (closed) return;
        MessageFilter test;
        try {
            test = MessageFilter.of(filterMode.get(), filterText.get(), matchCase.get());
            filterProblem.set("");
        } catch (IllegalArgumentException e) {
            cancelSearch(); // a search still running would show results of the previous text
            filterProblem.set(e.getMessage());
            searching.set(false);
            status.set("Fix the " + (filterMode.get() == FilterMode.REGEX ? "regex" : "filter pattern") + " to search");
            return;
        }
        cancelSearch();
        LogQuery q = currentQuery();
        searching.set(true);
        status.set("Searching…");
        search = tasks.run(() -> {
            long ceiling = store.lastEventId();
            if (test != null) {
                MatchSearch.Result r = MatchSearch.run(store, q, test.hint(), test.test(), ceiling, MAX_MATCHES);
                return new Snapshot(q, ceiling, r.events().size(), store.streams(group), r);
            }
            long count = store.count(q.before(ceiling + 1));
            return new Snapshot(q, ceiling, count, store.streams(group), null);
        }).onSuccess(s -> {
            if (closed) return;
            PagedLogList old = events.get();
            if (old != null) old.close();
            PagedLogList list = s.matches() != null
                    ? PagedLogList.ofMatches(store, tasks, s.query(), test.test(), s.ceiling(), s.matches().events())
                    : new PagedLogList(store, tasks, s.query(), s.ceiling(), (int) Math.min(Integer.MAX_VALUE, s.count()));
            capped = s.matches() != null && s.matches().capped();
            list.onError(() -> status.set("Some events could not be read from the log store; refresh to try again."));
            list.append(new ArrayList<>(recent));
            events.set(list);
            streams.setAll(s.streams());
            showCount();
        }).onFailure(e -> {
            status.set("Could not search the logs: " + TaskRunner.describe(e));
        }).andFinally(() -> searching.set(false));
    }

    /** The search still running (of an earlier text or range) no longer reports. */
    private void cancelSearch() {
        TaskRunner.Task<?> running = search;
        search = null;
        if (running != null) running.cancel();
    }

    private void showCount() {
        PagedLogList list = events.get();
        int n = list == null ? 0 : list.size();
        status.set(n == 0 ? "No events match" : String.format("%,d event%s", n, n == 1 ? "" : "s")
                + (capped ? String.format(" (the newest %,d matches; narrow the filter for older ones)", MAX_MATCHES) : ""));
    }

    /** Runs on the store's writer thread: keeps this group's events and asks for one UI update. */
    private void arrived(List<LogEvent> written) {
        boolean any = false;
        for (LogEvent e : written) {
            if (e.logGroup().equals(group)) {
                arrived.add(e);
                any = true;
            }
        }
        if (any && drainScheduled.compareAndSet(false, true)) tasks.onUi(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        List<LogEvent> batch = new ArrayList<>();
        for (LogEvent e; (e = arrived.poll()) != null; ) batch.add(e);
        if (batch.isEmpty() || closed) return;
        for (LogEvent e : batch) {
            recent.addLast(e);
            if (recent.size() > RECENT) recent.removeFirst();
        }
        noteStreams(batch);
        PagedLogList list = events.get();
        if (liveTail.get() && list != null && !searching.get() && list.append(batch) > 0) showCount();
    }

    private void noteStreams(List<LogEvent> batch) {
        for (LogEvent e : batch) {
            int at = -1;
            for (int i = 0; i < streams.size(); i++) if (streams.get(i).logStream().equals(e.logStream())) at = i;
            LogStreamInfo old = at < 0 ? null : streams.get(at);
            LogStreamInfo now = new LogStreamInfo(group, e.logStream(), old == null ? e.timestamp() : old.createdMs(),
                    Math.max(e.timestamp(), old == null ? 0 : old.lastEventMs()), (old == null ? 0 : old.events()) + 1);
            if (at == 0) streams.set(0, now);
            else {
                if (at > 0) streams.remove(at);
                streams.add(0, now);
            }
        }
    }

    /**
     * The text of the events at {@code indices} of the current list (timestamp, tab, message per line), read from
     * the store where not at hand; at most {@code max} lines.
     */
    public void copyText(List<Integer> indices, int max, Consumer<String> done) {
        PagedLogList list = events.get();
        if (list == null || indices.isEmpty()) return;
        List<Integer> sorted = indices.stream().filter(i -> i >= 0 && i < list.size()).sorted().distinct()
                .limit(max).toList();
        if (sorted.isEmpty()) return;
        tasks.run(() -> {
            StringBuilder text = new StringBuilder();
            int run = 0;
            while (run < sorted.size()) { // contiguous runs of selected rows, one read each
                int end = run;
                while (end + 1 < sorted.size() && sorted.get(end + 1) == sorted.get(end) + 1) end++;
                for (LogEvent e : list.load(sorted.get(run), sorted.get(end) + 1)) text.append(LogLines.line(e)).append('\n');
                run = end + 1;
            }
            return text.toString();
        }).onSuccess(text -> {
            done.accept(text);
            message.set(String.format("Copied %,d line%s", sorted.size(), sorted.size() == 1 ? "" : "s")
                    + (indices.size() > sorted.size() ? " (at most " + max + "; export for more)" : ""));
        }).onFailure(e -> message.set("Could not copy the lines: " + TaskRunner.describe(e)));
    }

    /**
     * Writes the events of the current view to {@code file}, one line each, read from the store a page at a time
     * in the background; reports progress, then "Exported N lines to FILE" as the message.
     */
    public void export(java.nio.file.Path file, ProgressBoard progress) {
        PagedLogList list = events.get();
        if (list == null) return;
        ProgressBoard.Entry entry = progress.start("Exporting logs to " + file.getFileName());
        tasks.run(() -> list.isHeld() ? LogExport.write(list.load(0, list.size()), file)
                        : LogExport.write(store, list.filter(), list.ceiling(), list.size(), file,
                        (lines, fraction) -> entry.update(String.format("%,d lines", lines), fraction)))
                .onSuccess(n -> message.set(String.format("Exported %,d line%s to %s", n, n == 1 ? "" : "s", file)))
                .onFailure(e -> message.set("Could not export to " + file + ": " + TaskRunner.describe(e)))
                .andFinally(entry::done);
    }

    public void close() {
        closed = true;
        cancelSearch();
        unsubscribe.run();
        PagedLogList list = events.get();
        if (list != null) list.close();
    }
}
