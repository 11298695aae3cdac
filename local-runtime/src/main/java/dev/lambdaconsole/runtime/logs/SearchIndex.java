package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Keeps the trigram index of event messages up to date on the writer's connection. Events are indexed in
 * chunks after they are stored rather than row by row in every small transaction: FTS5 writes a segment per
 * transaction and merges them later, so indexing thousands of rows at once costs a fraction of indexing them
 * 50 at a time. Queries search the index up to {@code fts_indexed_to} and scan the few newer events.
 */
final class SearchIndex {
    /** Index at once when this many events wait; otherwise when the writer is idle. */
    static final int CHUNK = 10_000;

    private final Connection writer;
    private long indexedTo;

    SearchIndex(Connection writer) throws SQLException {
        this.writer = writer;
        indexedTo = readIndexedTo(writer);
    }

    static long readIndexedTo(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM store_state WHERE key = 'fts_indexed_to'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    long indexedTo() { return indexedTo; }

    /** Events stored but not indexed yet (ids are consecutive, so this is exact but for deleted gaps). */
    long behind(long lastId) { return Math.max(0, lastId - indexedTo); }

    /**
     * Indexes up to {@code max} events after the mark, in the caller's transaction, and moves the mark.
     * Returns how many ids it covered.
     */
    long indexNext(long lastId, int max) throws SQLException {
        if (lastId <= indexedTo) return 0;
        long to = Math.min(lastId, indexedTo + max);
        try (PreparedStatement ps = writer.prepareStatement("INSERT INTO log_events_fts(rowid, message)"
                + " SELECT id, message FROM log_events WHERE id > ? AND id <= ?")) {
            ps.setLong(1, indexedTo);
            ps.setLong(2, to);
            ps.executeUpdate();
        }
        long covered = to - indexedTo;
        setMark(to);
        return covered;
    }

    /** Removes a group's events from the index before they are deleted. */
    void forgetGroup(long groupId) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement("DELETE FROM log_events_fts WHERE rowid IN"
                + " (SELECT id FROM log_events WHERE group_id = ? AND id <= ?)")) {
            ps.setLong(1, groupId);
            ps.setLong(2, indexedTo);
            ps.executeUpdate();
        }
    }

    /**
     * After deletions: SQLite reuses ids above the highest remaining one, so the mark must not stay above it
     * or reused ids would count as indexed.
     */
    void clampTo(long lastRemainingId) throws SQLException {
        if (indexedTo > lastRemainingId) setMark(lastRemainingId);
    }

    private void setMark(long to) throws SQLException {
        try (PreparedStatement ps = writer.prepareStatement(
                "UPDATE store_state SET value = ? WHERE key = 'fts_indexed_to'")) {
            ps.setLong(1, to);
            ps.executeUpdate();
        }
        indexedTo = to;
    }

    /** Undoes the in-memory mark when the transaction that moved it rolled back. */
    void reload() throws SQLException {
        indexedTo = readIndexedTo(writer);
    }
}
