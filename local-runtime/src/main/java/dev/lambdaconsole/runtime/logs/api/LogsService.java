package dev.lambdaconsole.runtime.logs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.gateway.ServiceContext;
import dev.lambdaconsole.runtime.gateway.protocol.AwsJsonEndpoint;
import dev.lambdaconsole.runtime.logs.LogGroupInfo;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.LogStreamInfo;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * CloudWatch Logs (JSON 1.1, {@code Logs_20140328}) over the engine's log store: DescribeLogGroups,
 * DescribeLogStreams, GetLogEvents and FilterLogEvents, with AWS's field names, epoch-millisecond times,
 * page tokens and errors. HTTP-free: JSON in, JSON out; {@link #endpoint()} puts it on the gateway.
 */
public final class LogsService {
    private final LogStore store;
    private final String region;
    private final String accountId;
    private final LogEventsReads events;
    private volatile SubscriptionFilters subscriptions;

    public LogsService(LogStore store, String region, String accountId) {
        this(store, region, accountId, LogEventsReads.SCAN_BUDGET);
    }

    /** {@code scanBudget}: how many candidate events one FilterLogEvents call examines at most. */
    LogsService(LogStore store, String region, String accountId, int scanBudget) {
        this.store = store;
        this.region = region;
        this.accountId = accountId;
        this.events = new LogEventsReads(store, this, scanBudget);
    }

    /** Serves the subscription filter operations with {@code filters} (they need the engine to deliver). */
    public LogsService withSubscriptions(SubscriptionFilters filters) {
        this.subscriptions = filters;
        return this;
    }

    public JsonNode getLogEvents(JsonNode in) { return events.getLogEvents(in); }

    public JsonNode filterLogEvents(JsonNode in) { return events.filterLogEvents(in); }

    public static LogsService of(ServiceContext context) {
        return new LogsService(context.logs(), context.region(), context.accountId());
    }

    /** The service on the shared endpoint: target prefix Logs_20140328, SigV4 scope "logs". */
    public AwsJsonEndpoint endpoint() {
        AwsJsonEndpoint.Builder b = AwsJsonEndpoint.builder("logs", "Logs_20140328", "1.1")
                .operation("DescribeLogGroups", this::describeLogGroups)
                .operation("DescribeLogStreams", this::describeLogStreams)
                .operation("GetLogEvents", this::getLogEvents)
                .operation("FilterLogEvents", this::filterLogEvents);
        SubscriptionFilters filters = subscriptions;
        if (filters != null) {
            b.operation("PutSubscriptionFilter", filters::put)
                    .operation("DescribeSubscriptionFilters", filters::describe)
                    .operation("DeleteSubscriptionFilter", filters::delete);
        }
        return b.build();
    }

    String groupArn(String group) { return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + group; }

    public JsonNode describeLogGroups(JsonNode in) {
        String prefix = Params.string(in, "logGroupNamePrefix");
        String token = Params.string(in, "nextToken");
        int limit = Params.limit(in, 50, 50);
        String after = token == null ? null : Params.untoken(token);
        List<LogGroupInfo> groups = store.groups(prefix, after, limit + 1);
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("logGroups");
        for (LogGroupInfo g : groups.subList(0, Math.min(limit, groups.size()))) {
            ObjectNode n = list.addObject();
            n.put("logGroupName", g.name());
            n.put("creationTime", g.createdMs());
            n.put("metricFilterCount", 0);
            n.put("arn", groupArn(g.name()) + ":*");
            n.put("storedBytes", g.storedBytes());
            n.put("logGroupClass", "STANDARD");
            n.put("logGroupArn", groupArn(g.name()));
        }
        if (groups.size() > limit) out.put("nextToken", Params.token(groups.get(limit - 1).name()));
        return out;
    }

    /** Whether the group has events (groups exist here while they have some). */
    void requireGroup(String group) {
        List<LogGroupInfo> found = store.groups(group, null, 1);
        if (found.isEmpty() || !found.get(0).name().equals(group)) throw Params.noGroup();
    }

    public JsonNode describeLogStreams(JsonNode in) {
        String group = Params.group(in);
        String prefix = Params.string(in, "logStreamNamePrefix");
        String orderBy = Params.string(in, "orderBy");
        boolean descending = Params.flag(in, "descending", false);
        String token = Params.string(in, "nextToken");
        int limit = Params.limit(in, 50, 50);
        if (orderBy == null) orderBy = "LogStreamName";
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw Params.invalid("orderBy", orderBy, "Member must satisfy enum value set: [LogStreamName, LastEventTime]");
        }
        boolean byTime = orderBy.equals("LastEventTime");
        if (byTime && prefix != null) {
            throw AwsServiceException.invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }
        requireGroup(group);
        Comparator<LogStreamInfo> order = byTime
                ? Comparator.comparingLong(LogStreamInfo::lastEventMs).thenComparing(LogStreamInfo::logStream)
                : Comparator.comparing(LogStreamInfo::logStream);
        if (descending) order = order.reversed();
        List<LogStreamInfo> streams = new ArrayList<>(store.streams(group).stream()
                .filter(s -> prefix == null || s.logStream().startsWith(prefix)).sorted(order).toList());
        int from = 0;
        if (token != null) {
            String key = Params.untoken(token);
            from = -1;
            for (int i = 0; i < streams.size(); i++) if (key(streams.get(i), byTime).equals(key)) from = i + 1;
            if (from < 0) from = firstAfter(streams, key, byTime, order);
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("logStreams");
        int end = Math.min(streams.size(), from + limit);
        for (LogStreamInfo s : streams.subList(from, end)) {
            ObjectNode n = list.addObject();
            n.put("logStreamName", s.logStream());
            n.put("creationTime", s.createdMs());
            n.put("firstEventTimestamp", s.createdMs());
            n.put("lastEventTimestamp", s.lastEventMs());
            n.put("lastIngestionTime", s.lastEventMs());
            n.put("arn", groupArn(group) + ":log-stream:" + s.logStream());
            n.put("storedBytes", 0);
        }
        if (end < streams.size()) out.put("nextToken", Params.token(key(streams.get(end - 1), byTime)));
        return out;
    }

    private static String key(LogStreamInfo s, boolean byTime) {
        return byTime ? s.lastEventMs() + "\n" + s.logStream() : s.logStream();
    }

    /** Where a page goes on when the stream it ended with has since moved (a newer event) or gone. */
    private static int firstAfter(List<LogStreamInfo> streams, String key, boolean byTime,
                                  Comparator<LogStreamInfo> order) {
        LogStreamInfo probe;
        if (byTime) {
            int nl = key.indexOf('\n');
            if (nl < 0) throw Params.badToken();
            try {
                probe = new LogStreamInfo("", key.substring(nl + 1), 0, Long.parseLong(key.substring(0, nl)), 0);
            } catch (NumberFormatException e) {
                throw Params.badToken();
            }
        } else {
            probe = new LogStreamInfo("", key, 0, 0, 0);
        }
        for (int i = 0; i < streams.size(); i++) if (order.compare(streams.get(i), probe) > 0) return i;
        return streams.size();
    }
}
