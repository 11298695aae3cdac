package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The events of one log view as a list a virtualised control can show: its size is the number of matches,
 * and rows are fetched from the store a page at a time when asked for, keeping a few pages. A row not
 * fetched yet reads as null until its page arrives (then the list reports those rows as updated).
 *
 * <p>The view is a snapshot up to a ceiling event id, so positions never move: live events are appended at
 * the end ({@link #append}). Pages next to a cached page are fetched by key (after its last, or before its
 * first event id); other pages by offset, counted from whichever end is nearer. Used on the UI thread.
 */
public final class PagedLogList extends ObservableListBase<LogEvent> {
    public static final int PAGE = 200;
    private static final int KEPT_PAGES = 24;

    private final LogStore store;
    private final TaskRunner tasks;
    private final LogQuery filter;
    private final Map<Integer, List<LogEvent>> pages = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<LogEvent>> eldest) { return size() > KEPT_PAGES; }
    };
    private final Set<Integer> loading = new HashSet<>();
    private volatile long ceiling;
    private volatile int size;
    private boolean closed;
    private Runnable onError = () -> { };
    /** In a filter pattern or regex view: every match, held here instead of paged from the store. */
    private final List<LogEvent> held;
    private final Predicate<String> messageTest;

    /** A view of the events matching {@code filter} with ids up to {@code ceiling}; {@code size} of them. */
    public PagedLogList(LogStore store, TaskRunner tasks, LogQuery filter, long ceiling, int size) {
        this.store = store;
        this.tasks = tasks;
        this.filter = filter.filterOnly();
        this.ceiling = ceiling;
        this.size = size;
        this.held = null;
        this.messageTest = m -> true;
    }

    private PagedLogList(LogStore store, TaskRunner tasks, LogQuery filter, Predicate<String> messageTest, long ceiling,
                         List<LogEvent> matches) {
        this.store = store;
        this.tasks = tasks;
        this.filter = filter.filterOnly();
        this.ceiling = ceiling;
        this.held = new ArrayList<>(matches);
        this.size = held.size();
        this.messageTest = messageTest;
    }

    /**
     * A view of events a message test picked ({@link MatchSearch}), held in memory; live events that pass
     * {@code filter} and {@code messageTest} are appended as in a paged view.
     */
    static PagedLogList ofMatches(LogStore store, TaskRunner tasks, LogQuery filter, Predicate<String> messageTest,
                                  long ceiling, List<LogEvent> matches) {
        return new PagedLogList(store, tasks, filter, messageTest, ceiling, matches);
    }

    public LogQuery filter() { return filter; }

    /** Whether the events are held in memory (a filter pattern or regex view) rather than paged from the store. */
    public boolean isHeld() { return held != null; }

    /** The newest event id in this view. */
    public long ceiling() { return ceiling; }

    void onError(Runnable r) { onError = r; }

    @Override
    public int size() { return size; }

    /** The event at {@code index}, or null while its page is being fetched. */
    @Override
    public LogEvent get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index + " of " + size);
        if (held != null) return held.get(index);
        LogEvent e = cached(index);
        if (e != null || closed) return e;
        request(index / PAGE);
        return cached(index); // a synchronous task runner has it already
    }

    private LogEvent cached(int index) {
        List<LogEvent> page = pages.get(index / PAGE);
        int at = index % PAGE;
        return page != null && at < page.size() ? page.get(at) : null;
    }

    private void request(int p) {
        if (!loading.add(p)) return;
        LogQuery q = pageQuery(p);
        boolean reverse = q.newestFirst();
        tasks.run(() -> store.query(q)).onSuccess(rows -> {
            loading.remove(p);
            if (closed) return;
            List<LogEvent> page = new ArrayList<>(rows);
            if (reverse) Collections.reverse(page);
            pages.put(p, page);
            if (page.isEmpty()) return;
            beginChange();
            for (int i = p * PAGE; i < Math.min(size, p * PAGE + page.size()); i++) nextUpdate(i);
            endChange();
        }).onFailure(e -> {
            loading.remove(p);
            onError.run();
        });
    }

    /** The query for the rows of page {@code p} in this snapshot. */
    private LogQuery pageQuery(int p) {
        int start = p * PAGE;
        int end = Math.min(size, start + PAGE);
        int count = end - start;
        LogQuery view = filter.before(ceiling + 1).withLimit(count);
        List<LogEvent> previous = pages.get(p - 1);
        if (previous != null && previous.size() == PAGE) return view.after(previous.get(PAGE - 1).id());
        List<LogEvent> next = pages.get(p + 1);
        if (next != null && !next.isEmpty()) return filter.before(next.get(0).id()).descending().withLimit(count);
        if (start >= size / 2) return view.descending().skip(size - end);
        return view.skip(start);
    }

    /** Adds live events that are newer than this view and pass its filter; returns how many were added. */
    public int append(List<LogEvent> events) {
        int from = size;
        for (LogEvent e : events) {
            if (e.id() <= ceiling || !filter.matches(e) || !messageTest.test(e.message())) continue;
            int i = size;
            if (held != null) {
                synchronized (held) {
                    held.add(e);
                }
                ceiling = e.id();
                size++;
                continue;
            }
            List<LogEvent> page = pages.get(i / PAGE);
            if (page != null && page.size() == i % PAGE) page.add(e);
            else if (i % PAGE == 0) pages.put(i / PAGE, new ArrayList<>(List.of(e)));
            ceiling = e.id();
            size++;
        }
        if (size > from) {
            beginChange();
            nextAdd(from, size);
            endChange();
        }
        return size - from;
    }

    /**
     * The events at positions {@code from} (inclusive) to {@code to} (exclusive), from the cache or the store.
     * Blocks; call off the UI thread.
     */
    public List<LogEvent> load(int from, int to) {
        if (held != null) {
            synchronized (held) {
                return new ArrayList<>(held.subList(from, Math.min(to, held.size())));
            }
        }
        List<LogEvent> out = new ArrayList<>(to - from);
        int at = from;
        while (at < to) {
            int n = Math.min(to - at, 5_000);
            out.addAll(store.query(filter.before(ceiling + 1).skip(at).withLimit(n)));
            at += n;
        }
        return out;
    }

    /** Stops fetching: results still in flight are dropped. */
    public void close() { closed = true; }
}
