package dev.lambdaconsole.runtime.logs.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;
import dev.lambdaconsole.runtime.logs.filter.FilterPattern;
import dev.lambdaconsole.runtime.logs.filter.FilterPatternException;
import dev.lambdaconsole.runtime.util.Json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * GetLogEvents and FilterLogEvents: pages by event id (the store's order, which is time order within a
 * stream), so a page costs the same anywhere in a group and events arriving meanwhile never shift one.
 *
 * <p>FilterLogEvents reads candidates in chunks after the token's event id, through the trigram index when
 * the pattern has a text every match holds ({@link FilterPattern#indexHint()}), and stops after
 * {@link #SCAN_BUDGET} candidates (in the service's configuration) or 200 ms even when the page is not full: like CloudWatch Logs, a page can then hold
 * fewer events than the limit, or none, with a nextToken to go on. No nextToken means the search is done.
 */
final class LogEventsReads {
    /** Candidates examined per FilterLogEvents call at most. */
    static final int SCAN_BUDGET = 100_000;
    /** And for this long at most (checked between chunks), so that one call stays well under a second. */
    private static final long TIME_BUDGET_NANOS = 200_000_000L;
    private static final int CHUNK = 5_000;

    private final LogStore store;
    private final LogsService service;
    private final int scanBudget;

    LogEventsReads(LogStore store, LogsService service, int scanBudget) {
        this.store = store;
        this.service = service;
        this.scanBudget = scanBudget;
    }

    JsonNode getLogEvents(JsonNode in) {
        String group = Params.group(in);
        String stream = Params.required(in, "logStreamName");
        Long start = Params.time(in, "startTime");
        Long end = Params.time(in, "endTime");
        String token = Params.string(in, "nextToken");
        int limit = Params.limit(in, 10_000, 10_000);
        boolean fromHead = Params.flag(in, "startFromHead", false);
        service.requireGroup(group);
        if (store.streams(group).stream().noneMatch(s -> s.logStream().equals(stream))) {
            throw AwsServiceException.notFound("The specified log stream does not exist.");
        }
        LogQuery base = LogQuery.group(group).withStream(stream)
                .withRange(start, end == null ? null : end - 1).withLimit(limit);
        List<LogEvent> page;
        Character dir = null;
        long at = 0;
        if (token != null) {
            if (token.length() < 3 || (token.charAt(0) != 'f' && token.charAt(0) != 'b') || token.charAt(1) != '/') {
                throw Params.badToken();
            }
            dir = token.charAt(0);
            try {
                at = Long.parseLong(token.substring(2));
            } catch (NumberFormatException e) {
                throw Params.badToken();
            }
        }
        if (dir == null) page = fromHead ? store.query(base) : newestFirst(base);
        else if (dir == 'f') page = store.query(base.after(at));
        else page = newestFirst(base.before(at));
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("events");
        for (LogEvent e : page) {
            list.addObject().put("timestamp", e.timestamp()).put("message", e.message()).put("ingestionTime", e.ingestionTime());
        }
        String forward;
        String backward;
        if (!page.isEmpty()) {
            forward = "f/" + id(page.get(page.size() - 1).id());
            backward = "b/" + id(page.get(0).id());
        } else if (dir == null) {
            forward = "f/" + id(0);
            backward = "b/" + id(0);
        } else if (dir == 'f') {
            forward = token;
            backward = "b/" + id(at + 1);
        } else {
            forward = "f/" + id(Math.max(0, at - 1));
            backward = token;
        }
        out.put("nextForwardToken", forward);
        out.put("nextBackwardToken", backward);
        return out;
    }

    /** The last events of the query, oldest first. */
    private List<LogEvent> newestFirst(LogQuery q) {
        List<LogEvent> rows = new ArrayList<>(store.query(q.descending()));
        Collections.reverse(rows);
        return rows;
    }

    /** Event ids as 20 digits: tokens and eventIds sort as the events do. */
    static String id(long id) {
        String digits = Long.toString(id);
        return "00000000000000000000".substring(Math.min(20, digits.length())) + digits;
    }

    JsonNode filterLogEvents(JsonNode in) {
        String group = Params.group(in);
        List<String> names = Params.strings(in, "logStreamNames", 100);
        String prefix = Params.string(in, "logStreamNamePrefix");
        if (names != null && prefix != null) {
            throw AwsServiceException.invalidParameter("You cannot specify both logStreamNames and logStreamNamePrefix.");
        }
        Long start = Params.time(in, "startTime");
        Long end = Params.time(in, "endTime");
        String token = Params.string(in, "nextToken");
        int limit = Params.limit(in, 10_000, 10_000);
        FilterPattern pattern;
        try {
            pattern = FilterPattern.parse(Params.string(in, "filterPattern"));
        } catch (FilterPatternException e) {
            throw AwsServiceException.invalidParameter("Invalid filter pattern: " + e.getMessage());
        }
        service.requireGroup(group);
        long after = 0;
        if (token != null) {
            try {
                after = Long.parseLong(Params.untoken(token));
            } catch (NumberFormatException e) {
                throw Params.badToken();
            }
        }
        LogQuery base = LogQuery.group(group).withRange(start, end);
        Predicate<String> streamOk = s -> true;
        if (names != null && names.size() == 1) base = base.withStream(names.get(0));
        else if (names != null) {
            Set<String> set = new HashSet<>(names);
            streamOk = set::contains;
        } else if (prefix != null) {
            streamOk = s -> s.startsWith(prefix);
        }
        String hint = pattern.indexHint().orElse(null);
        if (hint != null) base = base.withContains(hint).withMatchCase(true);
        List<LogEvent> found = new ArrayList<>();
        int examined = 0;
        boolean done = false;
        long cursor = after;
        long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
        while (found.size() < limit && examined < scanBudget && (examined == 0 || System.nanoTime() < deadline)) {
            int want = hint != null || pattern.matchesEverything() ? Math.min(CHUNK, Math.max(100, limit - found.size())) : CHUNK;
            want = Math.min(want, scanBudget - examined);
            List<LogEvent> rows = store.query(base.after(cursor).withLimit(want));
            for (LogEvent e : rows) {
                cursor = e.id();
                examined++;
                if (streamOk.test(e.logStream()) && pattern.matches(e.message())) {
                    found.add(e);
                    if (found.size() == limit) break;
                }
            }
            if (rows.size() < want && found.size() < limit) {
                done = true;
                break;
            }
        }
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("events");
        for (LogEvent e : found) {
            list.addObject().put("logStreamName", e.logStream()).put("timestamp", e.timestamp())
                    .put("message", e.message()).put("ingestionTime", e.ingestionTime()).put("eventId", id(e.id()));
        }
        out.putArray("searchedLogStreams");
        if (!done) out.put("nextToken", Params.token(Long.toString(cursor)));
        return out;
    }
}
