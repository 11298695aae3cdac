package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The log store's tables and their migrations, keyed by {@code PRAGMA user_version}.
 *
 * <ul>
 * <li>2: events, streams, groups, invocations, asynchronous records.</li>
 * <li>3: adds the substring index ({@code log_events_fts}, FTS5 with the trigram tokenizer) and
 * {@code store_state}, whose {@code fts_indexed_to} says up to which event id the index is built. A version 2
 * file keeps its events: the index starts empty and {@link SearchIndex} builds it in the background.</li>
 * <li>4: invocations gain the qualifier, executed version, architecture, ephemeral storage, provisioned flag,
 * trace id and the platform timeline (image wait, runtime start, overhead); rows of version 3 read as $LATEST.</li>
 * </ul>
 * Files older than version 2 are of a layout whose logs are not kept.
 */
final class LogSchema {
    static final int VERSION = 4;

    private LogSchema() { }

    static void open(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            // Big transactions (index chunks) grow the WAL; give the space back once it has been checkpointed.
            s.execute("PRAGMA journal_size_limit=67108864");
            int version;
            try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version < 2 || version > VERSION) {
                for (String t : List.of("log_events", "log_streams", "log_groups", "invocations", "async_records",
                        "log_events_fts", "store_state")) {
                    s.execute("DROP TABLE IF EXISTS " + t);
                }
            }
            createVersion2(s);
            createVersion3(s);
            createVersion4(s);
            s.execute("PRAGMA user_version = " + VERSION);
        }
    }

    static void createVersion2(Statement s) throws SQLException {
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

    /** Columns added to invocations in version 4, in order after invocation_type. */
    static final List<String> INVOCATION_COLUMNS_4 = List.of("qualifier TEXT", "executed_version TEXT",
            "architecture TEXT", "ephemeral_mb INTEGER", "provisioned INTEGER", "trace_id TEXT",
            "image_wait REAL", "runtime_start REAL", "overhead REAL");

    private static void createVersion4(Statement s) throws SQLException {
        java.util.Set<String> have = new java.util.HashSet<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(invocations)")) {
            while (rs.next()) have.add(rs.getString("name"));
        }
        for (String column : INVOCATION_COLUMNS_4) {
            if (!have.contains(column.substring(0, column.indexOf(' ')))) {
                s.execute("ALTER TABLE invocations ADD COLUMN " + column);
            }
        }
    }

    private static void createVersion3(Statement s) throws SQLException {
        boolean fresh;
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE name = 'log_events_fts'")) {
            fresh = !rs.next();
        }
        // Contentless (the text stays in log_events only), deletable by rowid, case folded, and without
        // positions (detail=none): a third of the size and faster to build; queries check candidates anyway.
        s.execute("CREATE VIRTUAL TABLE IF NOT EXISTS log_events_fts USING fts5(message, content='',"
                + " contentless_delete=1, detail=none, tokenize='trigram case_sensitive 0')");
        if (fresh) {
            // An 8 MB in-memory buffer before each segment is written, and merges of 8 segments at a time
            // instead of 4: each posting is rewritten fewer times (about a quarter less indexing time).
            s.execute("INSERT INTO log_events_fts(log_events_fts, rank) VALUES ('hashsize', 8388608)");
            s.execute("INSERT INTO log_events_fts(log_events_fts, rank) VALUES ('automerge', 8)");
        }
        s.execute("CREATE TABLE IF NOT EXISTS store_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
        s.execute("INSERT OR IGNORE INTO store_state VALUES ('fts_indexed_to', 0)");
    }
}
