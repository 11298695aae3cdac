package dev.lambdaconsole.runtime.metrics;

import dev.lambdaconsole.runtime.logs.InvocationHook;
import dev.lambdaconsole.runtime.logs.InvocationRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Rolls invocation records and engine samples up into {@code metric_points}, on the log store's writer thread and in
 * its transaction (each record is counted once, in the batch that stores it). Concurrency is swept again over the
 * minutes a batch's invocations touched, from the stored start times and durations.
 */
final class Rollup implements InvocationHook {
    /** Runs of the power-tuning sweep: not the function's traffic, so not in its metrics. */
    static final String POWER_TUNING = "PowerTuning";
    private static final int BACKFILL_CHUNK = 20_000;

    private final Predicate<String> reserved;
    /** The longest duration stored, per function and for the account (""): how far back an overlap can start. */
    private final Map<String, Long> longest = new HashMap<>();

    /** {@code reserved}: whether a function has reserved concurrency (it does not count as unreserved). */
    Rollup(Predicate<String> reserved) {
        this.reserved = reserved;
    }

    private record Key(String metric, String function, String resource, String version, long minute) { }

    /** Which invocations a concurrency series counts: a function (or "" for all), a qualifier, provisioned ones only. */
    private record Target(LambdaMetric metric, String function, String qualifier, boolean provisionedOnly) { }

    /** Creates the tables; rolls up the invocations stored before the metrics existed (once per file). */
    void open(Connection c) throws SQLException {
        MetricTables.create(c);
        if (MetricTables.rolledUp(c)) return;
        long after = -1;
        while (true) {
            List<InvocationRecord> chunk = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT rowid, * FROM invocations WHERE rowid > ?"
                    + " ORDER BY rowid LIMIT " + BACKFILL_CHUNK)) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        chunk.add(Rows.invocation(rs, 1));
                    }
                }
            }
            if (chunk.isEmpty()) break;
            written(c, chunk);
        }
        MetricTables.markRolledUp(c);
    }

    @Override
    public void written(Connection c, List<InvocationRecord> records) throws SQLException {
        Map<Key, Aggregate> adds = new LinkedHashMap<>();
        Map<Target, long[]> touched = new LinkedHashMap<>();
        for (InvocationRecord r : records) {
            if (POWER_TUNING.equals(r.invocationType())) continue;
            long minute = Concurrency.floor(r.startMs());
            for (String[] dims : dimensions(r.functionName(), r.qualifier(), r.executedVersion())) {
                add(adds, LambdaMetric.Invocations, dims, minute, 1);
                add(adds, LambdaMetric.Errors, dims, minute, r.error() ? 1 : 0);
                add(adds, LambdaMetric.Duration, dims, minute, r.durationMs());
                if (r.provisioned()) add(adds, LambdaMetric.ProvisionedConcurrencyInvocations, dims, minute, 1);
            }
            long end = r.startMs() + Math.max(1, (long) Math.ceil(r.durationMs()));
            long length = end - r.startMs();
            longest.merge(r.functionName(), length, Math::max);
            longest.merge("", length, Math::max);
            List<Target> targets = new ArrayList<>(List.of(
                    new Target(LambdaMetric.ConcurrentExecutions, r.functionName(), null, false),
                    new Target(LambdaMetric.ConcurrentExecutions, "", null, false)));
            if (r.qualifier() != null) {
                targets.add(new Target(LambdaMetric.ConcurrentExecutions, r.functionName(), r.qualifier(), false));
            }
            if (!reserved.test(r.functionName())) {
                targets.add(new Target(LambdaMetric.UnreservedConcurrentExecutions, "", null, false));
            }
            if (r.provisioned()) {
                targets.add(new Target(LambdaMetric.ProvisionedConcurrentExecutions, r.functionName(), null, true));
            }
            for (Target t : targets) {
                touched.merge(t, new long[] {r.startMs(), end},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        merge(c, adds);
        for (Map.Entry<Target, long[]> e : touched.entrySet()) sweep(c, e.getKey(), e.getValue()[0], e.getValue()[1]);
    }

    /** Engine samples (throttles, asynchronous events, iterator ages) into their minutes. */
    void samples(Connection c, List<Sample> samples) throws SQLException {
        Map<Key, Aggregate> adds = new LinkedHashMap<>();
        for (Sample s : samples) {
            long minute = Concurrency.floor(s.atMs());
            for (String[] dims : dimensions(s.functionName(), s.qualifier(), null)) {
                add(adds, s.metric(), dims, minute, s.value());
            }
        }
        merge(c, adds);
    }

    /**
     * The dimension sets an invocation counts in: the function; with a qualifier, its Resource; through an alias,
     * also Resource with the version that ran.
     */
    static List<String[]> dimensions(String function, String qualifier, String executedVersion) {
        List<String[]> out = new ArrayList<>(3);
        out.add(new String[] {function, "", ""});
        if (qualifier != null && !qualifier.isEmpty()) {
            String resource = function + ":" + qualifier;
            out.add(new String[] {function, resource, ""});
            if (executedVersion != null && isAlias(qualifier)) out.add(new String[] {function, resource, executedVersion});
        }
        return out;
    }

    static boolean isAlias(String qualifier) {
        return !qualifier.equals("$LATEST") && !qualifier.chars().allMatch(Character::isDigit);
    }

    private static void add(Map<Key, Aggregate> adds, LambdaMetric metric, String[] dims, long minute, double value) {
        adds.computeIfAbsent(new Key(metric.name(), dims[0], dims[1], dims[2], minute),
                k -> new Aggregate(metric.kind() == LambdaMetric.Kind.DISTRIBUTION)).add(value);
    }

    /** Adds to the stored minutes (read, merge, replace). */
    private static void merge(Connection c, Map<Key, Aggregate> adds) throws SQLException {
        if (adds.isEmpty()) return;
        try (PreparedStatement find = c.prepareStatement("SELECT n, sum, min, max, hist FROM metric_points"
                + " WHERE metric = ? AND function_name = ? AND resource = ? AND executed_version = ? AND minute = ?");
             PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO metric_points VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<Key, Aggregate> e : adds.entrySet()) {
                Key k = e.getKey();
                Aggregate total = e.getValue();
                bind(find, k);
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) total.merge(Rows.aggregate(rs, 1));
                }
                write(put, k, total);
            }
            put.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, Key k) throws SQLException {
        ps.setString(1, k.metric());
        ps.setString(2, k.function());
        ps.setString(3, k.resource());
        ps.setString(4, k.version());
        ps.setLong(5, k.minute());
    }

    private static void write(PreparedStatement put, Key k, Aggregate a) throws SQLException {
        bind(put, k);
        put.setDouble(6, a.count);
        put.setDouble(7, a.sum);
        put.setDouble(8, a.min);
        put.setDouble(9, a.max);
        put.setBytes(10, a.encodeBuckets());
        put.addBatch();
    }

    /** Sweeps the invocations that can overlap [from, to) and stores each touched minute's highest level. */
    private void sweep(Connection c, Target t, long from, long to) throws SQLException {
        long back = longest(c, t.function());
        StringBuilder sql = new StringBuilder(t.function().isEmpty()
                ? "SELECT start_ms, duration, function_name FROM invocations WHERE start_ms >= ? AND start_ms < ?"
                : "SELECT start_ms, duration, function_name FROM invocations WHERE function_name = ? AND start_ms >= ?"
                + " AND start_ms < ?");
        sql.append(" AND coalesce(invocation_type, '') <> '").append(POWER_TUNING).append("'");
        if (t.qualifier() != null) sql.append(" AND qualifier = ?");
        if (t.provisionedOnly()) sql.append(" AND provisioned = 1");
        sql.append(" ORDER BY start_ms");
        List<long[]> intervals = new ArrayList<>();
        boolean unreservedOnly = t.metric() == LambdaMetric.UnreservedConcurrentExecutions;
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            if (!t.function().isEmpty()) ps.setString(i++, t.function());
            ps.setLong(i++, Concurrency.floor(from) - back);
            ps.setLong(i++, to);
            if (t.qualifier() != null) ps.setString(i, t.qualifier());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (unreservedOnly && reserved.test(rs.getString(3))) continue;
                    intervals.add(Concurrency.interval(rs.getLong(1), rs.getDouble(2)));
                }
            }
        }
        Map<Long, Integer> levels = Concurrency.perMinute(intervals, Concurrency.floor(from), Concurrency.floor(to - 1));
        String resource = t.qualifier() == null ? "" : t.function() + ":" + t.qualifier();
        try (PreparedStatement put = c.prepareStatement("INSERT OR REPLACE INTO metric_points VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (Map.Entry<Long, Integer> e : levels.entrySet()) {
                Aggregate a = new Aggregate(false);
                a.raiseTo(e.getValue());
                write(put, new Key(t.metric().name(), t.function(), resource, "", e.getKey()), a);
            }
            put.executeBatch();
        }
    }

    /** The longest stored duration of a function ("" for all), read once and then kept current by the batches. */
    private long longest(Connection c, String function) throws SQLException {
        Long known = longest.get(function);
        if (known != null && longestRead.contains(function)) return known;
        String sql = function.isEmpty() ? "SELECT max(duration) FROM invocations"
                : "SELECT max(duration) FROM invocations WHERE function_name = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (!function.isEmpty()) ps.setString(1, function);
            try (ResultSet rs = ps.executeQuery()) {
                long stored = rs.next() ? (long) Math.ceil(rs.getDouble(1)) + 1 : 1;
                longest.merge(function, stored, Math::max);
            }
        }
        longestRead.add(function);
        return longest.get(function);
    }

    private final java.util.Set<String> longestRead = new java.util.HashSet<>();
}
