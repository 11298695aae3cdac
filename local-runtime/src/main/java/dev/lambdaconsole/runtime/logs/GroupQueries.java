package dev.lambdaconsole.runtime.logs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The log groups that have events, by name, on the reader's connection. A group's stored bytes are summed
 * once and then only over the events added since (ids only grow; the cache is dropped when a group is deleted).
 */
final class GroupQueries {
    private GroupQueries() { }

    static List<LogGroupInfo> groups(EventQueries reader, String prefix, String afterName, int limit) {
        return reader.read("Log group query", c -> {
            List<long[]> ids = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT g.id, g.name, min(s.first_ts) FROM log_groups g"
                    + " JOIN log_streams s ON s.group_id = g.id WHERE s.events > 0 AND g.name > ?"
                    + " AND substr(g.name, 1, length(?)) = ? GROUP BY g.id ORDER BY g.name LIMIT ?")) {
                String p = prefix == null ? "" : prefix;
                ps.setString(1, afterName == null ? "" : afterName);
                ps.setString(2, p);
                ps.setString(3, p);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(new long[] {rs.getLong(1), rs.getLong(3)});
                        names.add(rs.getString(2));
                    }
                }
            }
            List<LogGroupInfo> out = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                out.add(new LogGroupInfo(names.get(i), ids.get(i)[1], storedBytes(c, reader.storedBytes, ids.get(i)[0])));
            }
            return out;
        });
    }

    private static long storedBytes(Connection c, Map<Long, long[]> cache, long group) throws SQLException {
        long last;
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM log_events"
                + " INDEXED BY log_events_group WHERE group_id = ?")) {
            ps.setLong(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                last = rs.next() ? rs.getLong(1) : 0;
            }
        }
        long[] known = cache.getOrDefault(group, new long[] {0, 0});
        if (last > known[0]) {
            try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(sum(length(CAST(message AS BLOB))), 0)"
                    + " FROM log_events INDEXED BY log_events_group WHERE group_id = ? AND id > ? AND id <= ?")) {
                ps.setLong(1, group);
                ps.setLong(2, known[0]);
                ps.setLong(3, last);
                try (ResultSet rs = ps.executeQuery()) {
                    known = new long[] {last, known[1] + (rs.next() ? rs.getLong(1) : 0)};
                }
            }
            cache.put(group, known);
        }
        return known[1];
    }
}
