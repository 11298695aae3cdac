package dev.lambdaconsole.runtime.metrics;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads of {@code metric_points} on a connection of their own: the statistics of one series per period, and the
 * series that have data. A period reads one row per minute of the range (never the invocations themselves), so a
 * day of a function's metrics is 1,440 rows however many invocations it had.
 */
final class MetricQueries implements AutoCloseable {
    private final Connection c;

    MetricQueries(java.nio.file.Path file) throws SQLException {
        c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    synchronized List<Datapoint> statistics(MetricSeries series, long startMs, long endMs, int periodSeconds,
                                            List<Double> percentiles) throws SQLException {
        LambdaMetric metric = series.metric();
        if (metric.accountOnly() && series.functionName() != null) return List.of();
        boolean level = metric.kind() == LambdaMetric.Kind.LEVEL;
        if (level && series.executedVersion() != null) return List.of();
        StringBuilder sql = new StringBuilder("SELECT minute, n, sum, min, max, hist FROM metric_points WHERE metric = ?");
        List<Object> params = new ArrayList<>(List.of(metric.name()));
        if (series.functionName() == null && !level) {
            sql.append(" AND function_name <> '' AND resource = '' AND executed_version = ''");
        } else {
            sql.append(" AND function_name = ? AND resource = ? AND executed_version = ?");
            params.add(series.functionName() == null ? "" : series.functionName());
            params.add(series.resource() == null ? "" : series.resource());
            params.add(series.executedVersion() == null ? "" : series.executedVersion());
        }
        long from = Concurrency.floor(startMs);
        sql.append(" AND minute >= ? AND minute < ?");
        params.add(from);
        params.add(endMs);
        long period = Math.max(Concurrency.MINUTE, periodSeconds * 1000L);
        TreeMap<Long, Aggregate> buckets = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long bucket = from + Math.floorDiv(rs.getLong(1) - from, period) * period;
                    Aggregate a = Rows.aggregate(rs, 2);
                    Aggregate total = buckets.get(bucket);
                    if (total == null) buckets.put(bucket, a);
                    else total.merge(a);
                }
            }
        }
        List<Datapoint> out = new ArrayList<>(buckets.size());
        for (Map.Entry<Long, Aggregate> e : buckets.entrySet()) {
            Aggregate a = e.getValue();
            Map<Double, Double> ps = new HashMap<>();
            if (metric.kind() == LambdaMetric.Kind.DISTRIBUTION) {
                for (Double p : percentiles) ps.put(p, a.percentile(p));
            }
            out.add(new Datapoint(e.getKey(), a.count, a.sum, a.min, a.max, ps));
        }
        return out;
    }

    /** Every series with a point at or after {@code sinceMs}: as stored, plus the account-wide one of each metric. */
    synchronized List<MetricSeries> series(long sinceMs) throws SQLException {
        Set<MetricSeries> out = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT metric, function_name, resource, executed_version"
                + " FROM metric_points WHERE minute >= ? ORDER BY metric, function_name, resource, executed_version")) {
            ps.setLong(1, sinceMs);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LambdaMetric metric = LambdaMetric.named(rs.getString(1)).orElse(null);
                    if (metric == null) continue;
                    String function = rs.getString(2);
                    out.add(MetricSeries.account(metric));
                    if (function.isEmpty()) continue;
                    String resource = rs.getString(3);
                    String version = rs.getString(4);
                    out.add(new MetricSeries(metric, function, resource.isEmpty() ? null : resource,
                            version.isEmpty() ? null : version));
                }
            }
        }
        return new ArrayList<>(out);
    }

    @Override
    public synchronized void close() throws SQLException {
        c.close();
    }
}
