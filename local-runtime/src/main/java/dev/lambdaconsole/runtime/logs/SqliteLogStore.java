package dev.lambdaconsole.runtime.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The log store in one SQLite file (WAL mode). Appends are queued and written by one writer thread in
 * batched transactions, so invocations never wait for the disk; queries use their own connection. The same
 * thread keeps the substring index ({@link SearchIndex}) current in chunks: when 10,000 events wait, when it
 * has been idle for 200 ms, and on {@link #flush()}.
 */
public final class SqliteLogStore implements LogStore {
    private static final int BATCH = 5000;
    private static final long IDLE_INDEX_MS = 200;
    private final long idleIndexMs;
    private static final int CATCH_UP_STEP = 50_000;
    private static final long LINGER_NANOS = 5_000_000;

    private final Connection writer;
    private final EventQueries reader;
    private final SearchIndex search;
    private final BatchWriter batches;
    private final BlockingQueue<WriteOp> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<List<LogEvent>>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<InvocationRecord>>> invocationSubscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;
    private long lastId;
    private boolean indexBroken;
    private final AtomicLong droppedBatches = new AtomicLong();
    private final AtomicLong subscriberFailures = new AtomicLong();
    private volatile boolean lastBatchFailed;
    private volatile String lastError;
    private volatile long lastErrorAtMs;

    public SqliteLogStore(Path file) {
        this(file, IDLE_INDEX_MS);
    }

    /** For tests: {@code idleIndexMs} is how long the writer waits idle before indexing. */
    SqliteLogStore(Path file, long idleIndexMs) {
        this.idleIndexMs = idleIndexMs;
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            writer = DriverManager.getConnection(url);
            LogSchema.open(writer);
            writer.setAutoCommit(false);
            search = new SearchIndex(writer);
            batches = new BatchWriter(writer, search);
            lastId = batches.lastEventId();
            writer.commit();
            reader = new EventQueries(DriverManager.getConnection(url));
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot open the log store " + file + ": " + e.getMessage()
                    + ". Another Lambda Console may hold it, or the file is damaged (delete it to start afresh).", e);
        }
        thread = new Thread(this::writeLoop, "log-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void append(List<LogEvent> events) {
        if (!events.isEmpty() && !closed) queue.add(new WriteOp.Events(List.copyOf(events)));
    }

    @Override
    public void recordInvocation(InvocationRecord record) {
        if (!closed) queue.add(new WriteOp.Invocation(record));
    }

    @Override
    public void recordAsync(String functionName, String condition, String recordJson) {
        if (!closed) queue.add(new WriteOp.AsyncRow(functionName, condition, recordJson, System.currentTimeMillis()));
    }

    @Override
    public void deleteGroup(String functionName) {
        if (!closed) queue.add(new WriteOp.DeleteGroup(functionName));
    }

    /**
     * Waits until everything appended so far is written (or, when a batch failed, dropped: see {@link #health()})
     * and indexed for substring search. Returns at once when the store is closed.
     */
    @Override
    public void flush() {
        if (closed || !thread.isAlive()) return;
        CountDownLatch latch = new CountDownLatch(1);
        queue.add(new WriteOp.Flush(latch));
        try {
            while (!latch.await(1, TimeUnit.SECONDS)) {
                if (!thread.isAlive()) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public LogStoreHealth health() {
        return new LogStoreHealth(!closed && thread.isAlive(), lastBatchFailed, droppedBatches.get(),
                subscriberFailures.get(), lastError, lastErrorAtMs);
    }

    @Override
    public Runnable subscribe(Consumer<List<LogEvent>> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    @Override
    public Runnable subscribeInvocations(Consumer<List<InvocationRecord>> listener) {
        invocationSubscribers.add(listener);
        return () -> invocationSubscribers.remove(listener);
    }

    /**
     * The only writer: it must outlive every bad batch. A batch is split at each group deletion (ids and stream
     * counts of the events around it stay right); a part that fails, for whatever reason, is rolled back,
     * logged and counted as dropped, and the writer goes on; a subscriber that throws is logged and skipped.
     * Flushes are answered whatever happened to the batch before them.
     */
    private void writeLoop() {
        List<WriteOp> batch = new ArrayList<>();
        while (true) {
            try {
                WriteOp first = canIndex() ? queue.poll(idleIndexMs, TimeUnit.MILLISECONDS) : queue.take();
                if (first == null) { // idle: index what waits
                    index(SearchIndex.CHUNK);
                    continue;
                }
                batch.add(first);
                linger(batch);
            } catch (InterruptedException e) {
                return;
            }
            boolean stop = false;
            try {
                for (List<WriteOp> part : parts(batch)) write(part);
                if (canIndex() && search.behind(lastId) >= SearchIndex.CHUNK) index(SearchIndex.CHUNK);
            } catch (RuntimeException e) {
                failed("The log store's writer failed after a batch", e);
            } finally {
                for (WriteOp o : batch) {
                    if (o instanceof WriteOp.Flush f) {
                        try {
                            while (canIndex()) index(CATCH_UP_STEP);
                        } finally {
                            f.done().countDown();
                        }
                    }
                    stop |= o instanceof WriteOp.Stop;
                }
                batch.clear();
            }
            if (stop) return;
        }
    }

    /** The batch in parts written one after another: each group deletion alone, flushes and stops left out. */
    static List<List<WriteOp>> parts(List<WriteOp> batch) {
        List<List<WriteOp>> parts = new ArrayList<>();
        List<WriteOp> current = new ArrayList<>();
        for (WriteOp o : batch) {
            if (o.endsBatch()) continue;
            if (o instanceof WriteOp.DeleteGroup) {
                if (!current.isEmpty()) parts.add(current);
                parts.add(List.of(o));
                current = new ArrayList<>();
            } else {
                current.add(o);
            }
        }
        if (!current.isEmpty()) parts.add(current);
        return parts;
    }

    private void write(List<WriteOp> part) {
        List<LogEvent> written = new ArrayList<>();
        List<InvocationRecord> records = new ArrayList<>();
        boolean deleted = part.get(0) instanceof WriteOp.DeleteGroup;
        try {
            batches.write(part, written, records);
            writer.commit();
            if (!written.isEmpty()) lastId = written.get(written.size() - 1).id();
            if (deleted) lastId = batches.lastEventId();
            lastBatchFailed = false;
        } catch (SQLException | RuntimeException e) {
            rollBack();
            droppedBatches.incrementAndGet();
            lastBatchFailed = true;
            failed("Log store: " + describe(part) + " not stored", e);
            return;
        } finally {
            if (deleted) reader.invalidate();
        }
        tell(subscribers, written);
        tell(invocationSubscribers, records);
    }

    private <T> void tell(List<Consumer<List<T>>> listeners, List<T> items) {
        if (items.isEmpty()) return;
        List<T> view = java.util.Collections.unmodifiableList(items);
        for (Consumer<List<T>> listener : listeners) {
            try {
                listener.accept(view);
            } catch (RuntimeException e) {
                subscriberFailures.incrementAndGet();
                failed("Log store: a subscriber failed on " + items.size() + " items (skipped; the others got them)", e);
            }
        }
    }

    private static String describe(List<WriteOp> part) {
        if (part.get(0) instanceof WriteOp.DeleteGroup d) return "the deletion of the log group of " + d.function();
        long events = part.stream().mapToLong(o -> o instanceof WriteOp.Events e ? e.events().size() : 0).sum();
        long records = part.stream().filter(o -> !(o instanceof WriteOp.Events)).count();
        return "a batch of " + events + " events and " + records + " records";
    }

    private void failed(String what, Throwable e) {
        lastError = what + ": " + e;
        lastErrorAtMs = System.currentTimeMillis();
        System.getLogger("logs").log(System.Logger.Level.WARNING, what, e);
    }

    /** The id up to which events are in the substring index (read by the writer's thread; for tests). */
    long indexedTo() {
        return reader.read("Log query", SearchIndex::readIndexedTo);
    }

    private boolean canIndex() {
        try {
            return !indexBroken && search.behind(lastId) > 0;
        } catch (RuntimeException e) {
            indexBroken = true;
            return false;
        }
    }

    /** Indexes up to {@code max} waiting events in a transaction of their own. */
    private void index(int max) {
        try {
            search.indexNext(lastId, max);
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            rollBack();
            indexBroken = true; // searches stay right (they scan what is not indexed), only slower
            System.getLogger("logs").log(System.Logger.Level.WARNING, "Substring index not updated: " + e.getMessage());
        }
    }

    private void rollBack() {
        try {
            writer.rollback();
            batches.forgetIds();
            search.reload();
            lastId = batches.lastEventId();
        } catch (SQLException | RuntimeException ignored) {
            // the batch is lost; the next one starts clean
        }
    }

    /**
     * Gathers what arrives within 5 ms into one transaction: a commit per invocation costs far more than the
     * rows themselves. A flush or stop request ends the wait.
     */
    private void linger(List<WriteOp> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < BATCH) {
            if (batch.get(batch.size() - 1).endsBatch()) return;
            queue.drainTo(batch, BATCH - batch.size());
            if (batch.get(batch.size() - 1).endsBatch()) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            WriteOp next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) return;
            batch.add(next);
        }
    }

    @Override
    public List<LogEvent> query(LogQuery q) {
        return reader.query(q);
    }

    @Override
    public long count(LogQuery q) {
        return reader.count(q);
    }

    @Override
    public long count(String logGroup) {
        return reader.count(LogQuery.group(logGroup));
    }

    @Override
    public long lastEventId() {
        return reader.read("Log query", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM log_events");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    @Override
    public List<LogStreamInfo> streams(String logGroup) {
        return reader.read("Log query", c -> {
            List<LogStreamInfo> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, first_ts, last_ts, events FROM log_streams"
                    + " WHERE group_id = (SELECT id FROM log_groups WHERE name = ?) AND events > 0"
                    + " ORDER BY last_ts DESC, id DESC")) {
                ps.setString(1, logGroup);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new LogStreamInfo(logGroup, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<LogGroupInfo> groups(String namePrefix, String afterName, int limit) {
        return GroupQueries.groups(reader, namePrefix, afterName, limit);
    }

    @Override
    public List<InvocationRecord> invocations(String functionName, int limit) {
        return reader.read("Invocation query", c -> {
            List<InvocationRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM invocations WHERE function_name = ?"
                    + " ORDER BY start_ms DESC, rowid DESC LIMIT ?")) {
                ps.setString(1, functionName);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        double init = rs.getDouble(9);
                        Double initMs = rs.wasNull() ? null : init;
                        out.add(new InvocationRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                                rs.getDouble(5), rs.getLong(6), rs.getInt(7), rs.getLong(8), initMs, rs.getString(10),
                                rs.getString(11), rs.getString(12)));
                    }
                }
            }
            return out;
        });
    }

    @Override
    public List<String[]> asyncRecords(String functionName, int limit) {
        return reader.read("Record query", c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT condition, record FROM async_records"
                    + " WHERE function_name = ? ORDER BY at_ms DESC, rowid DESC LIMIT ?")) {
                ps.setString(1, functionName);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        });
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(new WriteOp.Stop());
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
            reader.close();
        } catch (SQLException ignored) {
            // closing at shutdown
        }
    }
}
