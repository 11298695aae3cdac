package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one batch of queued work (event lists, invocation records, asynchronous records, or one group
 * deletion) in the writer's open transaction, with integer group and stream ids cached in memory.
 */
final class BatchWriter {

    private final Connection writer;
    private final SearchIndex search;
    private final Map<String, Long> groupIds = new HashMap<>();
    private final Map<String, Long> streamIds = new HashMap<>();
    private final List<InvocationHook> hooks = new java.util.concurrent.CopyOnWriteArrayList<>();

    BatchWriter(Connection writer, SearchIndex search) {
        this.writer = writer;
        this.search = search;
    }

    Runnable addHook(InvocationHook hook) {
        hooks.add(hook);
        return () -> hooks.remove(hook);
    }

    /**
     * Writes the batch; stored events (with their ids) go to {@code written}, records to {@code records}. A
     * deletion must come alone (the store splits batches at each one): events before it would be counted in
     * streams it removed, and numbered as if nothing had been deleted.
     */
    void write(List<WriteOp> batch, List<LogEvent> written, List<InvocationRecord> records) throws SQLException {
        if (batch.size() > 1 && batch.stream().anyMatch(o -> o instanceof WriteOp.DeleteGroup)) {
            throw new IllegalArgumentException("A group deletion is written in a batch of its own");
        }
        long ingestedAt = System.currentTimeMillis();
        try (PreparedStatement events = writer.prepareStatement("INSERT INTO log_events(group_id, stream_id, ts,"
                + " ingestion, request_id, message) VALUES (?,?,?,?,?,?)");
             PreparedStatement invocations = writer.prepareStatement("INSERT INTO invocations VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
             PreparedStatement async = writer.prepareStatement("INSERT INTO async_records VALUES (?,?,?,?)")) {
            int pending = 0;
            for (WriteOp o : batch) {
                if (o instanceof WriteOp.Events list) {
                    pending += list.events().size();
                    for (LogEvent e : list.events()) {
                        long group = groupId(e.logGroup());
                        events.setLong(1, group);
                        events.setLong(2, streamId(group, e.logGroup(), e.logStream()));
                        events.setLong(3, e.timestamp());
                        events.setLong(4, ingestedAt);
                        events.setString(5, e.requestId());
                        events.setString(6, e.message());
                        events.addBatch();
                        written.add(e);
                    }
                } else if (o instanceof WriteOp.Invocation r) {
                    pending = insertEvents(events, pending);
                    insertInvocation(invocations, r.record());
                    records.add(r.record());
                } else if (o instanceof WriteOp.AsyncRow row) {
                    async.setString(1, row.function());
                    async.setString(2, row.condition());
                    async.setString(3, row.json());
                    async.setLong(4, row.at());
                    async.executeUpdate();
                } else if (o instanceof WriteOp.DeleteGroup d) {
                    deleteGroup(d.function());
                } // Flush and Stop write nothing; Work runs after the rows
            }
            insertEvents(events, pending);
        }
        for (InvocationHook hook : hooks) {
            if (!records.isEmpty()) isolated("An invocation hook", c -> hook.written(c, List.copyOf(records)));
        }
        for (WriteOp o : batch) {
            if (o instanceof WriteOp.Work w) isolated("Store work", w.work());
        }
        numberEvents(written, ingestedAt);
        updateStreams(written);
    }

    /** Runs {@code work} in a savepoint: when it fails, its changes alone are undone and the batch goes on. */
    private void isolated(String what, StoreWork work) throws SQLException {
        try (Statement s = writer.createStatement()) {
            s.execute("SAVEPOINT extension");
        }
        try {
            work.run(writer);
            try (Statement s = writer.createStatement()) {
                s.execute("RELEASE extension");
            }
        } catch (SQLException | RuntimeException e) {
            try (Statement s = writer.createStatement()) {
                s.execute("ROLLBACK TO extension");
                s.execute("RELEASE extension");
            }
            System.getLogger("logs").log(System.Logger.Level.WARNING, what + " failed (its changes undone, the batch kept)", e);
        }
    }

    private static void insertInvocation(PreparedStatement ps, InvocationRecord r) throws SQLException {
        ps.setString(1, r.requestId());
        ps.setString(2, r.functionName());
        ps.setString(3, r.logStream());
        ps.setLong(4, r.startMs());
        ps.setDouble(5, r.durationMs());
        ps.setLong(6, r.billedMs());
        ps.setInt(7, r.memorySizeMb());
        ps.setLong(8, r.maxMemoryUsedMb());
        if (r.initDurationMs() == null) ps.setNull(9, Types.REAL);
        else ps.setDouble(9, r.initDurationMs());
        ps.setString(10, r.status());
        ps.setString(11, r.errorType());
        ps.setString(12, r.invocationType());
        ps.setString(13, r.qualifier());
        ps.setString(14, r.executedVersion());
        ps.setString(15, r.architecture());
        ps.setInt(16, r.ephemeralStorageMb());
        ps.setInt(17, r.provisioned() ? 1 : 0);
        ps.setString(18, r.traceId());
        setNullable(ps, 19, r.imageWaitMs());
        setNullable(ps, 20, r.runtimeStartMs());
        setNullable(ps, 21, r.overheadMs());
        ps.executeUpdate();
    }

    private static void setNullable(PreparedStatement ps, int index, Double value) throws SQLException {
        if (value == null) ps.setNull(index, Types.REAL);
        else ps.setDouble(index, value);
    }

    private void deleteGroup(String function) throws SQLException {
        long group = groupId(LogStore.groupOf(function));
        search.forgetGroup(group);
        for (String table : List.of("log_events", "log_streams")) {
            try (PreparedStatement del = writer.prepareStatement("DELETE FROM " + table + " WHERE group_id = ?")) {
                del.setLong(1, group);
                del.executeUpdate();
            }
        }
        String prefix = LogStore.groupOf(function) + "\n";
        streamIds.keySet().removeIf(k -> k.startsWith(prefix));
        for (String table : List.of("invocations", "async_records")) {
            try (PreparedStatement del = writer.prepareStatement("DELETE FROM " + table + " WHERE function_name = ?")) {
                del.setString(1, function);
                del.executeUpdate();
            }
        }
        search.clampTo(lastEventId());
    }

    long lastEventId() throws SQLException {
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery("SELECT max(id) FROM log_events")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Forgets cached ids after a rolled-back transaction (a group or stream it created is gone). */
    void forgetIds() {
        groupIds.clear();
        streamIds.clear();
    }

    /** Keeps log_streams current so that listing streams never scans the events. */
    private void updateStreams(List<LogEvent> written) throws SQLException {
        if (written.isEmpty()) return;
        Map<String, long[]> perStream = new LinkedHashMap<>();
        for (LogEvent e : written) {
            long[] agg = perStream.computeIfAbsent(e.logGroup() + "\n" + e.logStream(),
                    k -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            agg[0] = Math.min(agg[0], e.timestamp());
            agg[1] = Math.max(agg[1], e.timestamp());
            agg[2]++;
        }
        try (PreparedStatement ps = writer.prepareStatement("UPDATE log_streams SET first_ts = min(coalesce(first_ts, ?), ?),"
                + " last_ts = max(coalesce(last_ts, ?), ?), events = events + ? WHERE id = ?")) {
            for (Map.Entry<String, long[]> e : perStream.entrySet()) {
                long[] agg = e.getValue();
                ps.setLong(1, agg[0]);
                ps.setLong(2, agg[0]);
                ps.setLong(3, agg[1]);
                ps.setLong(4, agg[1]);
                ps.setLong(5, agg[2]);
                Long stream = streamIds.get(e.getKey());
                if (stream == null) throw new IllegalStateException("No stream id for " + e.getKey().replace('\n', ' '));
                ps.setLong(6, stream);
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
        long id = lastEventId() - written.size() + 1;
        for (int i = 0; i < written.size(); i++) {
            LogEvent e = written.get(i);
            written.set(i, new LogEvent(id + i, e.logGroup(), e.logStream(), e.timestamp(), ingestedAt,
                    e.requestId(), e.message()));
        }
    }
}
