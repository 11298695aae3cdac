package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.LogEvent;
import dev.lambdaconsole.runtime.logs.LogQuery;
import dev.lambdaconsole.runtime.logs.LogStore;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * The events of a view that a message test (filter pattern or regex) keeps, newest first by key from a
 * ceiling, at most {@code cap} of them; candidates come through the substring index when a text every match
 * holds is known. Blocks; runs off the UI thread.
 */
final class MatchSearch {
    private static final int CHUNK = 5_000;

    record Result(List<LogEvent> events, boolean capped) { }

    private MatchSearch() { }

    static Result run(LogStore store, LogQuery view, String hint, Predicate<String> test, long ceiling, int cap) {
        LogQuery q = view.filterOnly();
        if (hint != null) q = q.withContains(hint).withMatchCase(true);
        List<LogEvent> found = new ArrayList<>();
        long cursor = ceiling + 1;
        boolean capped = false;
        while (!capped) {
            List<LogEvent> rows = store.query(q.before(cursor).descending().withLimit(CHUNK));
            for (LogEvent e : rows) {
                cursor = e.id();
                if (test.test(e.message())) {
                    found.add(e);
                    if (found.size() == cap) {
                        capped = true;
                        break;
                    }
                }
            }
            if (rows.size() < CHUNK) break;
        }
        Collections.reverse(found);
        return new Result(found, capped);
    }
}
