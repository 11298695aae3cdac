package dev.lambdaconsole.runtime.logs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The log store in one SQLite file (WAL mode). Appends are queued and written by one writer thread in
 * batched transactions, so invocations never wait for the disk; queries use their own connection.
 */
public final class SqliteLogStore implements LogStore {
    private static final int BATCH = 5000;
    private static final int SCHEMA = 2;
    private final java.util.Map<String, Long> groupIds = new java.util.HashMap<>();
    private final java.util.Map<String, Long> streamIds = new java.util.HashMap<>();
    private final Connection writer;
    private final Connection reader;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final List<Consumer<List<LogEvent>>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    private record AsyncRow(String function, String condition, String json, long at) { }
    private record DeleteGroup(String function) { }

    public SqliteLogStore(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            String url = "jdbc:sqlite:" + file.toAbsolutePath();
            writer = DriverManager.getConnection(url);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                int version;
                try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                    version = rs.next() ? rs.getInt(1) : 0;
                }
                if (version != SCHEMA) { // an older layout of this store: its logs are not kept
                    for (String t : List.of("log_events", "log_streams", "log_groups", "invocations", "async_records")) {
                        s.execute("DROP TABLE IF EXISTS " + t);
                    }
                    s.execute("PRAGMA user_version = " + SCHEMA);
                }
                s.execute("CREATE TABLE IF NOT EXISTS log_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
                s.execute("CREATE TABLE IF NOT EXISTS log_streams (id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL,"
                        + " name TEXT NOT NULL, first_ts INTEGER, last_ts INTEGER, events INTEGER DEFAULT 0,"
                        + " UNIQUE (group_id, name))");
                s.execute("CREATE TABLE IF NOT EXISTS log_events (id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL,"
                        + " stream_id INTEGER NOT NULL, ts INTEGER NOT NULL, ingestion INTEGER NOT NULL,"
                        + " request_id TEXT, message TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS log_events_group ON log_events(group_id, id)");
                s.execute("CREATE INDEX IF NOT EXISTS log_events_request ON log_events(request_id)");
                s.execute("CREATE INDEX IF NOT EXISTS log_events_time ON log_events(group_id, ts)");
                s.execute("CREATE TABLE IF NOT EXISTS invocations (request_id TEXT NOT NULL, function_name TEXT NOT NULL,"
                        + " log_stream TEXT, start_ms INTEGER, duration REAL, billed INTEGER, memory INTEGER,"
                        + " max_memory INTEGER, init_duration REAL, status TEXT, error_type TEXT, invocation_type TEXT)");
                s.execute("CREATE INDEX IF NOT EXISTS invocations_function ON invocations(function_name, start_ms)");
                s.execute("CREATE TABLE IF NOT EXISTS async_records (function_name TEXT NOT NULL, condition TEXT,"
                        + " record TEXT, at_ms INTEGER)");
            }
            writer.setAutoCommit(false);
            reader = DriverManager.getConnection(url);
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
        if (!events.isEmpty() && !closed) queue.add(List.copyOf(events));
    }

    @Override
    public void recordInvocation(InvocationRecord record) {
        if (!closed) queue.add(record);
    }

    @Override
    public void recordAsync(String functionName, String condition, String recordJson) {
        if (!closed) queue.add(new AsyncRow(functionName, condition, recordJson, System.currentTimeMillis()));
    }

    @Override
    public void deleteGroup(String functionName) {
        if (!closed) queue.add(new DeleteGroup(functionName));
    }

    @Override
    public void flush() {
        CountDownLatch latch = new CountDownLatch(1);
        queue.add(latch);
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Runnable subscribe(Consumer<List<LogEvent>> listener) {
        subscribers.add(listener);
        return () -> subscribers.remove(listener);
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(queue.take());
                linger(batch);
            } catch (InterruptedException e) {
                return;
            }
            List<LogEvent> written = new ArrayList<>();
            try {
                write(batch, written);
                writer.commit();
            } catch (SQLException e) {
                try {
                    writer.rollback();
                } catch (SQLException ignored) {
                    // the batch is lost; the next one starts clean
                }
                System.getLogger("logs").log(System.Logger.Level.WARNING, "Log events not stored: " + e.getMessage());
                written.clear();
            }
            if (!written.isEmpty()) {
                for (Consumer<List<LogEvent>> s : subscribers) s.accept(written);
            }
            for (Object o : batch) {
                if (o instanceof CountDownLatch l) l.countDown();
                if (o == STOP) return;
            }
            batch.clear();
        }
    }

    private static final Object STOP = new Object();
    private static final long LINGER_NANOS = 5_000_000;

    /**
     * Gathers what arrives within 5 ms into one transaction: a commit per invocation costs far more than the
     * rows themselves. A flush or stop request ends the wait.
     */
    private void linger(List<Object> batch) throws InterruptedException {
        long deadline = System.nanoTime() + LINGER_NANOS;
        while (batch.size() < BATCH) {
            Object last = batch.get(batch.size() - 1);
            if (last instanceof CountDownLatch || last == STOP) return;
            queue.drainTo(batch, BATCH - batch.size());
            last = batch.get(batch.size() - 1);
            if (last instanceof CountDownLatch || last == STOP) return;
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            Object next = queue.poll(left, java.util.concurrent.TimeUnit.NANOSECONDS);
            if (next == null) return;
            batch.add(next);
        }
    }

    private void write(List<Object> batch, List<LogEvent> written) throws SQLException {
        long ingestedAt = System.currentTimeMillis();
        try (PreparedStatement events = writer.prepareStatement("INSERT INTO log_events(group_id, stream_id, ts,"
                + " ingestion, request_id, message) VALUES (?,?,?,?,?,?)");
             PreparedStatement invocations = writer.prepareStatement("INSERT INTO invocations VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement async = writer.prepareStatement("INSERT INTO async_records VALUES (?,?,?,?)")) {
            long now = ingestedAt;
            int pending = 0;
            for (Object o : batch) {
                if (o instanceof List<?> list) {
                    pending += list.size();
                    for (Object item : list) {
                        LogEvent e = (LogEvent) item;
                        long group = groupId(e.logGroup());
                        events.setLong(1, group);
                        events.setLong(2, streamId(group, e.logGroup(), e.logStream()));
                        events.setLong(3, e.timestamp());
                        events.setLong(4, now);
                        events.setString(5, e.requestId());
                        events.setString(6, e.message());
                        events.addBatch();
                        written.add(e);
                    }
                } else if (o instanceof InvocationRecord r) {
                    pending = insertEvents(events, pending);
                    invocations.setString(1, r.requestId());
                    invocations.setString(2, r.functionName());
                    invocations.setString(3, r.logStream());
                    invocations.setLong(4, r.startMs());
                    invocations.setDouble(5, r.durationMs());
                    invocations.setLong(6, r.billedMs());
                    invocations.setInt(7, r.memorySizeMb());
                    invocations.setLong(8, r.maxMemoryUsedMb());
                    if (r.initDurationMs() == null) invocations.setNull(9, Types.REAL);
                    else invocations.setDouble(9, r.initDurationMs());
                    invocations.setString(10, r.status());
                    invocations.setString(11, r.errorType());
                    invocations.setString(12, r.invocationType());
                    invocations.executeUpdate();
                } else if (o instanceof AsyncRow a) {
                    async.setString(1, a.function());
                    async.setString(2, a.condition());
                    async.setString(3, a.json());
                    async.setLong(4, a.at());
                    async.executeUpdate();
                } else if (o instanceof DeleteGroup d) {
                    pending = insertEvents(events, pending);
                    long group = groupId(LogStore.groupOf(d.function()));
                    for (String table : List.of("log_events", "log_streams")) {
                        try (PreparedStatement del = writer.prepareStatement("DELETE FROM " + table + " WHERE group_id = ?")) {
                            del.setLong(1, group);
                            del.executeUpdate();
                        }
                    }
                    String prefix = LogStore.groupOf(d.function()) + "\n";
                    streamIds.keySet().removeIf(k -> k.startsWith(prefix));
                    for (String table : List.of("invocations", "async_records")) {
                        try (PreparedStatement del = writer.prepareStatement("DELETE FROM " + table + " WHERE function_name = ?")) {
                            del.setString(1, d.function());
                            del.executeUpdate();
                        }
                    }
                }
            }
            insertEvents(events, pending);
        }
        numberEvents(written, ingestedAt);
        updateStreams(written);
    }

    /** Keeps log_streams current so that listing streams never scans the events. */
    private void updateStreams(List<LogEvent> written) throws SQLException {
        if (written.isEmpty()) return;
        java.util.Map<String, long[]> perStream = new java.util.LinkedHashMap<>();
        for (LogEvent e : written) {
            long[] agg = perStream.computeIfAbsent(e.logGroup() + "\n" + e.logStream(),
                    k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            agg[0] = Math.min(agg[0], e.timestamp());
            agg[1] = Math.max(agg[1], e.timestamp());
            agg[2]++;
        }
        try (PreparedStatement ps = writer.prepareStatement("UPDATE log_streams SET first_ts = min(coalesce(first_ts, ?), ?),"
                + " last_ts = max(coalesce(last_ts, ?), ?), events = events + ? WHERE id = ?")) {
            for (java.util.Map.Entry<String, long[]> e : perStream.entrySet()) {
                long[] agg = e.getValue();
                ps.setLong(1, agg[0]);
                ps.setLong(2, agg[0]);
                ps.setLong(3, agg[1]);
                ps.setLong(4, agg[1]);
                ps.setLong(5, agg[2]);
                ps.setLong(6, streamIds.get(e.getKey()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private long groupId(String name) throws SQLException {
        Long id = groupIds.get(name);
        if (id == null) {
            id = idOf("SELECT id FROM log_groups WHERE name = ?", "INSERT INTO log_groups(name) VALUES (?)", name);
            groupIds.put(name, id);
        }
        return id;
    }

    private long streamId(long group, String groupName, String stream) throws SQLException {
        String key = groupName + "\n" + stream;
        Long id = streamIds.get(key);
        if (id == null) {
            try (PreparedStatement find = writer.prepareStatement("SELECT id FROM log_streams WHERE group_id = ? AND name = ?")) {
                find.setLong(1, group);
                find.setString(2, stream);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) id = rs.getLong(1);
                }
            }
            if (id == null) {
                try (PreparedStatement add = writer.prepareStatement("INSERT INTO log_streams(group_id, name) VALUES (?, ?)")) {
                    add.setLong(1, group);
                    add.setString(2, stream);
                    add.executeUpdate();
                }
                id = lastRowId();
            }
            streamIds.put(key, id);
        }
        return id;
    }

    private long idOf(String find, String insert, String value) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(find)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) return rs.getLong(1);
            }
        }
        try (PreparedStatement ps = writer.prepareStatement(insert)) {
            ps.setString(1, value);
            ps.executeUpdate();
        }
        return lastRowId();
    }

    private long lastRowId() throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT last_insert_rowid()")) {
            return rs.getLong(1);
        }
    }

    private static int insertEvents(PreparedStatement events, int pending) throws SQLException {
        if (pending > 0) events.executeBatch();
        return 0;
    }

    /**
     * Gives the written events their ids: one writer inserts them in order, so they are the last ids assigned,
     * consecutive (deletions only happen in batches of their own, before or after).
     */
    private void numberEvents(List<LogEvent> written, long ingestedAt) throws SQLException {
        if (written.isEmpty()) return;
        long last;
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM log_events")) {
            last = rs.next() ? rs.getLong(1) : 0;
        }
        long id = last - written.size() + 1;
        for (int i = 0; i < written.size(); i++) {
            LogEvent e = written.get(i);
            written.set(i, new LogEvent(id + i, e.logGroup(), e.logStream(), e.timestamp(), ingestedAt,
                    e.requestId(), e.message()));
        }
    }

    @Override
    public synchronized List<LogEvent> query(LogQuery q) {
        // SQLite's planner picks the group index for ORDER BY id; name the index that fits the query instead.
        boolean range = q.fromMs() != null || q.toMs() != null;
        String index = q.requestId() != null ? "log_events_request" : range ? "log_events_time" : "log_events_group";
        StringBuilder sql = new StringBuilder("SELECT e.id, s.name, e.ts, e.ingestion, e.request_id, e.message"
                + " FROM log_events e INDEXED BY " + index + " JOIN log_streams s ON s.id = e.stream_id"
                + " WHERE e.group_id = (SELECT id FROM log_groups WHERE name = ?) AND e.id > ?");
        List<Object> args = new ArrayList<>(List.of(q.logGroup(), q.afterId()));
        if (q.logStream() != null) { sql.append(" AND s.name = ?"); args.add(q.logStream()); }
        if (q.fromMs() != null) { sql.append(" AND e.ts >= ?"); args.add(q.fromMs()); }
        if (q.toMs() != null) { sql.append(" AND e.ts <= ?"); args.add(q.toMs()); }
        if (q.requestId() != null) { sql.append(" AND e.request_id = ?"); args.add(q.requestId()); }
        if (q.contains() != null && !q.contains().isEmpty()) {
            sql.append(" AND instr(e.message, ?) > 0");
            args.add(q.contains());
        }
        sql.append(range && q.requestId() == null ? " ORDER BY e.ts, e.id LIMIT ?" : " ORDER BY e.id LIMIT ?");
        args.add(q.limit());
        List<LogEvent> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LogEvent(rs.getLong(1), q.logGroup(), rs.getString(2), rs.getLong(3), rs.getLong(4),
                            rs.getString(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Log query failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized long count(String logGroup) {
        try (PreparedStatement ps = reader.prepareStatement("SELECT count(*) FROM log_events"
                + " WHERE group_id = (SELECT id FROM log_groups WHERE name = ?)")) {
            ps.setString(1, logGroup);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Log query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized List<LogStreamInfo> streams(String logGroup) {
        List<LogStreamInfo> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT name, first_ts, last_ts, events FROM log_streams"
                + " WHERE group_id = (SELECT id FROM log_groups WHERE name = ?) AND events > 0 ORDER BY last_ts DESC")) {
            ps.setString(1, logGroup);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new LogStreamInfo(logGroup, rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Log query failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized List<InvocationRecord> invocations(String functionName, int limit) {
        List<InvocationRecord> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT * FROM invocations WHERE function_name = ?"
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
        } catch (SQLException e) {
            throw new IllegalStateException("Invocation query failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public synchronized List<String[]> asyncRecords(String functionName, int limit) {
        List<String[]> out = new ArrayList<>();
        try (PreparedStatement ps = reader.prepareStatement("SELECT condition, record FROM async_records"
                + " WHERE function_name = ? ORDER BY at_ms DESC, rowid DESC LIMIT ?")) {
            ps.setString(1, functionName);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Record query failed: " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        queue.add(STOP);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            writer.close();
            synchronized (this) {
                reader.close();
            }
        } catch (SQLException ignored) {
            // closing at shutdown
        }
    }
}
