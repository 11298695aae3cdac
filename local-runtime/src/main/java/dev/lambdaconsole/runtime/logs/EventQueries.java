package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages and counts of log events on the reader's connection, each in one read transaction (one snapshot).
 *
 * <p>Plans: by request id through its index; a substring of 3+ characters through the trigram index for the
 * events it covers (candidates holding its trigrams, then checked with LIKE/instr, so case and wildcard
 * characters follow one rule) plus a
 * scan of the few newer events; anything else by scanning the group in id order, from the first event of the
 * time range on (found once per range through the time index and cached: ids only grow).
 */
final class EventQueries {
    private final Connection c;
    private final Map<String, Long> firstIdCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) { return size() > 32; }
    };
    private final Map<Long, String> streamNames = new HashMap<>();
    /** Per group id: {event id summed up to, bytes of the messages up to it} (see {@link GroupQueries}). */
    final Map<Long, long[]> storedBytes = new HashMap<>();

    EventQueries(Connection c) throws SQLException {
        this.c = c;
        c.setAutoCommit(false);
    }

    /** Where a query looks: the group, stream and id bounds (both exclusive), and how far the index goes. */
    private record Scope(long group, Long stream, long lo, long hi, long indexedTo) { }

    /** A read on the connection, in its own transaction. */
    interface Read<T> {
        T run(Connection c) throws SQLException;
    }

    synchronized <T> T read(String what, Read<T> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    synchronized void close() throws SQLException {
        c.close();
    }

    /** Deleted groups free their ids and stream ids for reuse: forget what was cached about them. */
    synchronized void invalidate() {
        firstIdCache.clear();
        streamNames.clear();
        storedBytes.clear();
    }

    synchronized List<LogEvent> query(LogQuery q) {
        try {
            Scope s = scope(q);
            if (s == null || q.limit() <= 0) return List.of();
            if (!usesIndex(q)) return fetch(q, s, plainSource(q, s), q.offset(), q.limit());
            Part indexed = new Part(q, s, true);
            Part tail = new Part(q, s, false);
            Part first = q.newestFirst() ? tail : indexed;
            Part second = q.newestFirst() ? indexed : tail;
            List<LogEvent> out = first.fetch(q.offset(), q.limit());
            if (out.size() < q.limit()) {
                long skip = out.isEmpty() && q.offset() > 0 ? Math.max(0, q.offset() - first.count()) : 0;
                out.addAll(second.fetch(skip, q.limit() - out.size()));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Log query failed: " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    synchronized long count(LogQuery q) {
        try {
            Scope s = scope(q);
            if (s == null) return 0;
            if (usesIndex(q)) return new Part(q, s, true).count() + new Part(q, s, false).count();
            return countFast(q, s);
        } catch (SQLException e) {
            throw new IllegalStateException("Log query failed: " + e.getMessage(), e);
        } finally {
            endRead();
        }
    }

    private static boolean usesIndex(LogQuery q) {
        return q.hasContains() && q.requestId() == null
                && q.contains().codePointCount(0, q.contains().length()) >= 3;
    }

    /** One half of an indexed substring search: the events the index covers, or the newer ones it does not. */
    private final class Part {
        final LogQuery q;
        final Scope s;
        final Source source;

        Part(LogQuery q, Scope s, boolean indexed) {
            this.q = q;
            this.s = s;
            if (indexed) {
                long hi = Math.min(s.hi(), s.indexedTo() + 1);
                source = s.lo() + 1 >= hi ? null : new Source("log_events_fts f CROSS JOIN log_events e ON e.id = f.rowid",
                        "log_events_fts MATCH ? AND f.rowid > ? AND f.rowid < ?", "f.rowid",
                        List.of(ftsQuery(q.contains()), s.lo(), hi));
            } else {
                long lo = Math.max(s.lo(), s.indexedTo());
                source = lo + 1 >= s.hi() ? null : scan(lo, s.hi());
            }
        }

        List<LogEvent> fetch(long offset, int limit) throws SQLException {
            return source == null ? new ArrayList<>() : EventQueries.this.fetch(q, s, source, offset, limit);
        }

        long count() throws SQLException {
            return source == null ? 0 : countWhere(q, s, source);
        }
    }

    /** FROM clause, the conditions that bound it, the column it is ordered by, and their arguments. */
    private record Source(String from, String bounds, String order, List<Object> args) { }

    private static Source scan(long lo, long hi) {
        return new Source("log_events e INDEXED BY log_events_group", "e.id > ? AND e.id < ?", "e.id", List.of(lo, hi));
    }

    private static Source plainSource(LogQuery q, Scope s) {
        if (q.requestId() != null) {
            return new Source("log_events e INDEXED BY log_events_request", "e.id > ? AND e.id < ?", "e.id",
                    List.of(s.lo(), s.hi()));
        }
        return scan(s.lo(), s.hi());
    }

    private List<LogEvent> fetch(LogQuery q, Scope s, Source src, long offset, int limit) throws SQLException {
        List<Object> args = new ArrayList<>(src.args());
        String sql = "SELECT e.id, e.stream_id, e.ts, e.ingestion, e.request_id, e.message FROM " + src.from()
                + " WHERE " + src.bounds() + filter(q, s, args) + " ORDER BY " + src.order()
                + (q.newestFirst() ? " DESC" : "") + " LIMIT ? OFFSET ?";
        args.add(limit);
        args.add(offset);
        List<LogEvent> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new LogEvent(rs.getLong(1), q.logGroup(), streamName(rs.getLong(2)), rs.getLong(3),
                        rs.getLong(4), rs.getString(5), rs.getString(6)));
            }
        }
        return out;
    }

    private long countWhere(LogQuery q, Scope s, Source src) throws SQLException {
        List<Object> args = new ArrayList<>(src.args());
        String sql = "SELECT count(*) FROM " + src.from() + " WHERE " + src.bounds() + filter(q, s, args);
        return single(sql, args);
    }

    /** Counts that an index answers alone when only the group, a time range or a stream filter. */
    private long countFast(LogQuery q, Scope s) throws SQLException {
        boolean onlyGroupAndTime = !q.hasContains() && q.requestId() == null && q.logStream() == null;
        if (onlyGroupAndTime && (q.fromMs() != null || q.toMs() != null)) {
            return single("SELECT count(*) FROM log_events INDEXED BY log_events_time WHERE group_id = ?"
                    + " AND ts >= ? AND ts <= ? AND rowid > ? AND rowid < ?", List.of(s.group(),
                    q.fromMs() == null ? Long.MIN_VALUE : q.fromMs(), q.toMs() == null ? Long.MAX_VALUE : q.toMs(),
                    q.afterId(), q.beforeId()));
        }
        if (onlyGroupAndTime) {
            return single("SELECT count(*) FROM log_events INDEXED BY log_events_group WHERE group_id = ?"
                    + " AND id > ? AND id < ?", List.of(s.group(), s.lo(), s.hi()));
        }
        boolean onlyStream = !q.hasContains() && q.requestId() == null && q.fromMs() == null && q.toMs() == null;
        if (onlyStream && q.afterId() == 0) { // the stream's running total, less the few events past the ceiling
            long total = single("SELECT events FROM log_streams WHERE id = ?", List.of(s.stream()));
            return total - single("SELECT count(*) FROM log_events INDEXED BY log_events_group WHERE group_id = ?"
                    + " AND id >= ? AND stream_id = ?", List.of(s.group(), q.beforeId(), s.stream()));
        }
        return countWhere(q, s, plainSource(q, s));
    }

    private static String filter(LogQuery q, Scope s, List<Object> args) {
        StringBuilder w = new StringBuilder(" AND e.group_id = ?");
        args.add(s.group());
        if (s.stream() != null) { w.append(" AND e.stream_id = ?"); args.add(s.stream()); }
        if (q.fromMs() != null) { w.append(" AND e.ts >= ?"); args.add(q.fromMs()); }
        if (q.toMs() != null) { w.append(" AND e.ts <= ?"); args.add(q.toMs()); }
        if (q.requestId() != null) { w.append(" AND e.request_id = ?"); args.add(q.requestId()); }
        if (q.hasContains()) {
            if (q.matchCase()) {
                w.append(" AND instr(e.message, ?) > 0");
                args.add(q.contains());
            } else {
                w.append(" AND e.message LIKE ? ESCAPE '\\'");
                args.add("%" + q.contains().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        return w.toString();
    }

    /**
     * The index query for a substring of 3+ characters: all of its trigrams that do not overlap, and its last
     * one, each an FTS5 string ("..." with quotes doubled, so nothing is query syntax). The index keeps no
     * positions (detail=none), so this finds the events holding those trigrams anywhere; the LIKE/instr check
     * then keeps the ones holding the whole substring.
     */
    static String ftsQuery(String text) {
        int[] cps = text.codePoints().toArray();
        java.util.LinkedHashSet<String> grams = new java.util.LinkedHashSet<>();
        for (int i = 0; i + 3 <= cps.length; i += 3) grams.add(new String(cps, i, 3));
        grams.add(new String(cps, cps.length - 3, 3));
        StringBuilder q = new StringBuilder();
        for (String g : grams) {
            if (q.length() > 0) q.append(" AND ");
            q.append('"').append(g.replace("\"", "\"\"")).append('"');
        }
        return q.toString();
    }

    private Scope scope(LogQuery q) throws SQLException {
        Long group = optional("SELECT id FROM log_groups WHERE name = ?", List.of(q.logGroup()));
        if (group == null) return null;
        Long stream = null;
        if (q.logStream() != null) {
            stream = optional("SELECT id FROM log_streams WHERE group_id = ? AND name = ?", List.of(group, q.logStream()));
            if (stream == null) return null;
        }
        long lo = q.afterId();
        if (q.fromMs() != null && q.requestId() == null) lo = Math.max(lo, firstIdFrom(group, q.fromMs()) - 1);
        long indexedTo = single("SELECT value FROM store_state WHERE key = 'fts_indexed_to'", List.of());
        return new Scope(group, stream, lo, q.beforeId(), indexedTo);
    }

    /**
     * The first event id of a group at or after {@code fromMs} (or the next id to be given when none is yet).
     * Later events get larger ids, so the answer stays a valid lower bound and is cached.
     */
    private long firstIdFrom(long group, long fromMs) throws SQLException {
        String key = group + "@" + fromMs;
        Long cached = firstIdCache.get(key);
        if (cached != null) return cached;
        Long first = optional("SELECT min(id) FROM log_events INDEXED BY log_events_time WHERE group_id = ? AND ts >= ?",
                List.of(group, fromMs));
        long id = first != null ? first : single("SELECT coalesce(max(id), 0) + 1 FROM log_events", List.of());
        firstIdCache.put(key, id);
        return id;
    }

    private String streamName(long id) throws SQLException {
        String name = streamNames.get(id);
        if (name == null) {
            try (PreparedStatement ps = prepare("SELECT name FROM log_streams WHERE id = ?", List.of(id));
                 ResultSet rs = ps.executeQuery()) {
                name = rs.next() ? rs.getString(1) : "";
            }
            streamNames.put(id, name);
        }
        return name;
    }

    private long single(String sql, List<Object> args) throws SQLException {
        Long v = optional(sql, args);
        return v == null ? 0 : v;
    }

    private Long optional(String sql, List<Object> args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return null;
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }
    }

    private PreparedStatement prepare(String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) ps.setObject(i + 1, args.get(i));
        return ps;
    }

    private void endRead() {
        try {
            c.commit();
        } catch (SQLException ignored) {
            // a read transaction: nothing to keep
        }
    }
}
