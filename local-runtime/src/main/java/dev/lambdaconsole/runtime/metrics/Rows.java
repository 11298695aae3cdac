package dev.lambdaconsole.runtime.metrics;

import dev.lambdaconsole.runtime.logs.InvocationRecord;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reading the metrics' rows, and invocation rows as far as the metrics need them. */
final class Rows {
    private Rows() { }

    /** n, sum, min, max, hist from {@code first} on. */
    static Aggregate aggregate(ResultSet rs, int first) throws SQLException {
        byte[] hist = rs.getBytes(first + 4);
        Aggregate a = new Aggregate(false);
        a.count = rs.getDouble(first);
        a.sum = rs.getDouble(first + 1);
        a.min = rs.getDouble(first + 2);
        a.max = rs.getDouble(first + 3);
        a.buckets = Aggregate.decodeBuckets(hist);
        return a;
    }

    /**
     * An invocation row whose columns (in the invocations table's order) start after {@code offset} others: request
     * id, function, stream, start, duration, billed, memory, max memory, init, status, error type, invocation type,
     * qualifier, executed version, architecture, ephemeral, provisioned.
     */
    static InvocationRecord invocation(ResultSet rs, int offset) throws SQLException {
        int o = offset;
        String version = rs.getString(o + 14);
        return new InvocationRecord(rs.getString(o + 1), rs.getString(o + 2), rs.getString(o + 3), rs.getLong(o + 4),
                rs.getDouble(o + 5), rs.getLong(o + 6), rs.getInt(o + 7), rs.getLong(o + 8), null,
                rs.getString(o + 10), rs.getString(o + 11), rs.getString(o + 12), rs.getString(o + 13),
                version == null ? "$LATEST" : version, rs.getString(o + 15), 512, rs.getInt(o + 17) == 1, null,
                null, null, null);
    }
}
