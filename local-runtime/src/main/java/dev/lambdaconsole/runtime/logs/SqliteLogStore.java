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
import java.util.function.Consumer;

/**
 * The log store in one SQLite file (WAL mode). Appends are queued and written by one writer thread
 * ({@link LogWriter}) in batched transactions, so invocations never wait for the disk; queries use their own
 * connection. The writer also keeps the substring index current (after 200 ms idle, and on {@link #flush()}).
 */
public final class SqliteLogStore implements LogStore {
    private static final long IDLE_INDEX_MS = 200;

    private final Connection writerConnection;
    private final EventQueries reader;
    private final LogWriter writer;
    private final BatchWriter batches;
    private final Path file;
    private volatile boolean closed;

    public SqliteLogStore(Path file) {
        this(file, IDLE_INDEX_MS);
    }

    /** For tests: {@code idleIndexMs} is how long the writer waits idle before indexing. */
    SqliteLogStore(Path file, long idleIndexMs) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            writerConnection = DriverManager.getConnection(url);
            LogSchema.open(writerConnection);
            writerConnection.setAutoCommit(false);
            SearchIndex search = new SearchIndex(writerConnection);
            this.file = file.toAbsolutePath();
            batches = new BatchWriter(writerConnection, search);
            long lastId = batches.lastEventId();
            writerConnection.commit();
            reader = new EventQueries(DriverManager.getConnection(url));
            writer = new LogWriter(writerConnection, search, batches, reader, lastId, idleIndexMs);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Cannot open the log store " + file + ": " + e.getMessage()
                    + ". Another Lambda Console may hold it, or the file is damaged (delete it to start afresh).", e);
        }
    }

    @Override
    public void append(List<LogEvent> events) {
        if (!events.isEmpty() && !closed) writer.submit(new WriteOp.Events(List.copyOf(events)));
    }

    @Override
    public void recordInvocation(InvocationRecord record) {
        if (!closed) writer.submit(new WriteOp.Invocation(record));
    }

    /** The store's file (readers of its tables, e.g. the metrics, open their own connections to it). */
    public Path file() { return file; }

    /**
     * Runs {@code work} on the writer's thread in the transaction of the next batch (returns at once). The file
     * has one writer, so other parts of the engine that keep tables in it write through here.
     */
    public void submit(StoreWork work) {
        if (!closed) writer.submit(new WriteOp.Work(work));
    }

    /** Calls {@code hook} in each batch's transaction with the invocation records it inserted; returns its removal. */
    public Runnable addInvocationHook(InvocationHook hook) {
        return batches.addHook(hook);
    }

    @Override
    public void recordAsync(String functionName, String condition, String recordJson) {
        if (!closed) writer.submit(new WriteOp.AsyncRow(functionName, condition, recordJson, System.currentTimeMillis()));
    }

    @Override
    public void deleteGroup(String functionName) {
        if (!closed) writer.submit(new WriteOp.DeleteGroup(functionName));
    }

    /**
     * Waits until everything appended so far is written (or, when a batch failed, dropped: see {@link #health()})
     * and indexed for substring search. Returns at once when the store is closed.
     */
    @Override
    public void flush() {
        if (!closed) writer.flush();
    }

    @Override
    public LogStoreHealth health() {
        return writer.health(closed);
    }

    @Override
    public Runnable subscribe(Consumer<List<LogEvent>> listener) {
        return writer.subscribe(listener);
    }

    @Override
    public Runnable subscribeInvocations(Consumer<List<InvocationRecord>> listener) {
        return writer.subscribeInvocations(listener);
    }

    /** The id up to which events are in the substring index (read by the writer's thread; for tests). */
    long indexedTo() {
        return reader.read("Log query", SearchIndex::readIndexedTo);
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
                    while (rs.next()) out.add(invocation(rs));
                }
            }
            return out;
        });
    }

    /** A row of the invocations table (columns in schema order; those of version 4 may be null). */
    static InvocationRecord invocation(ResultSet rs) throws SQLException {
        String version = rs.getString(14);
        String architecture = rs.getString(15);
        int ephemeral = rs.getInt(16);
        return new InvocationRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getDouble(5), rs.getLong(6), rs.getInt(7), rs.getLong(8), nullable(rs, 9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), version == null ? "$LATEST" : version,
                architecture == null ? "x86_64" : architecture, ephemeral == 0 ? 512 : ephemeral, rs.getInt(17) == 1,
                rs.getString(18), nullable(rs, 19), nullable(rs, 20), nullable(rs, 21));
    }

    private static Double nullable(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
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
        writer.stop();
        try {
            writerConnection.close();
            reader.close();
        } catch (SQLException ignored) {
            // closing at shutdown
        }
    }
}
