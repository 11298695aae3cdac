package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
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
 * The log store's one writer thread: takes {@link WriteOp}s from its queue, writes what arrives within 5 ms in
 * one transaction, tells the subscribers, and keeps the substring index ({@link SearchIndex}) current in chunks:
 * when 10,000 events wait, when it has been idle for a while, and on a flush.
 */
final class LogWriter {
    private static final int BATCH = 5000;
    private static final int CATCH_UP_STEP = 50_000;
    private static final long LINGER_NANOS = 5_000_000;

    private final Connection connection;
    private final SearchIndex search;
    private final BatchWriter batches;
    private final EventQueries reader;
    private final long idleIndexMs;
    private final BlockingQueue<WriteOp> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<List<LogEvent>>> subscribers = new CopyOnWriteArrayList<>();
    private final List<Consumer<List<InvocationRecord>>> invocationSubscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final AtomicLong droppedBatches = new AtomicLong();
    private final AtomicLong subscriberFailures = new AtomicLong();
    private volatile boolean lastBatchFailed;
    private volatile String lastError;
    private volatile long lastErrorAtMs;
    private long lastId;
    private boolean indexBroken;

    /** Starts the thread; {@code reader} is told when a deletion changed what its caches know. */
    LogWriter(Connection connection, SearchIndex search, BatchWriter batches, EventQueries reader, long lastId,
              long idleIndexMs) {
        this.connection = connection;
        this.search = search;
        this.batches = batches;
        this.reader = reader;
        this.lastId = lastId;
        this.idleIndexMs = idleIndexMs;
        thread = new Thread(this::writeLoop, "log-store-writer");
        thread.setDaemon(true);
        thread.start();
    }

    void submit(WriteOp op) {
        queue.add(op);
    }

    /** Waits until everything submitted before is written or dropped, and indexed; returns if the writer ended. */
    void flush() {
        if (!thread.isAlive()) return;
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

    LogStoreHealth health(boolean closed) {
        return new LogStoreHealth(!closed && thread.isAlive(), lastBatchFailed, droppedBatches.get(),
                subscriberFailures.get(), lastError, lastErrorAtMs);
    }

    Runnable subscribe(Consumer<List<LogEvent>> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    Runnable subscribeInvocations(Consumer<List<InvocationRecord>> listener) {
        invocationSubscribers.add(listener);
        return () -> invocationSubscribers.remove(listener);
    }

    /** Writes what is queued, then ends the thread (waits up to 5 s). */
    void stop() {
        queue.add(new WriteOp.Stop());
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            connection.commit();
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
        for (WriteOp o : part) {
            if (o instanceof WriteOp.Work w) {
                try {
                    w.work().committed();
                } catch (RuntimeException e) {
                    failed("Log store: store work failed after its commit", e);
                }
            }
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
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollBack();
            indexBroken = true; // searches stay right (they scan what is not indexed), only slower
            System.getLogger("logs").log(System.Logger.Level.WARNING, "Substring index not updated: " + e.getMessage());
        }
    }

    private void rollBack() {
        try {
            connection.rollback();
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
}
