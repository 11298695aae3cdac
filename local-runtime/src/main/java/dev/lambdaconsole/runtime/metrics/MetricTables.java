package dev.lambdaconsole.runtime.metrics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The metrics' tables in the log store's file. {@code metric_points} holds one row per series and minute (the
 * resolution of Lambda's metrics): samples, sum, minimum, maximum and, for durations and ages, a histogram; its
 * empty strings stand for absent dimensions ({@code function_name} '' is the account). {@code metric_state} says
 * whether the invocations stored before the metrics existed have been rolled up. Two indexes on
 * {@code invocations} serve the concurrency sweep (by function, and account-wide by time).
 */
final class MetricTables {
    private MetricTables() { }

    static void create(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS metric_points (metric TEXT NOT NULL, function_name TEXT NOT NULL,"
                    + " resource TEXT NOT NULL, executed_version TEXT NOT NULL, minute INTEGER NOT NULL,"
                    + " n REAL NOT NULL, sum REAL NOT NULL, min REAL NOT NULL, max REAL NOT NULL, hist BLOB,"
                    + " PRIMARY KEY (metric, function_name, resource, executed_version, minute)) WITHOUT ROWID");
            s.execute("CREATE INDEX IF NOT EXISTS metric_points_time ON metric_points(metric, minute)");
            s.execute("CREATE TABLE IF NOT EXISTS metric_state (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
            s.execute("CREATE INDEX IF NOT EXISTS invocations_concurrency ON invocations(function_name, start_ms,"
                    + " duration, qualifier, invocation_type, provisioned)");
            s.execute("CREATE INDEX IF NOT EXISTS invocations_start ON invocations(start_ms, duration, function_name,"
                    + " invocation_type)");
        }
    }

    static boolean rolledUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM metric_state WHERE key = 'rolled_up'")) {
            return rs.next() && rs.getLong(1) == 1;
        }
    }

    static void markRolledUp(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("INSERT OR REPLACE INTO metric_state VALUES ('rolled_up', 1)");
        }
    }
}
