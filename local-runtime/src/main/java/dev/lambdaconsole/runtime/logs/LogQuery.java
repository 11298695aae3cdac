package dev.lambdaconsole.runtime.logs;

/**
 * A filter over one log group, and which page of its matches to return. Null fields do not filter.
 *
 * <p>Matches are in the order they were stored (event id), which is a stable order for paging: results are
 * the events with {@code afterId < id < beforeId}, oldest first (newest first with {@link #descending()}),
 * skipping {@code offset} of them, at most {@code limit}. Keyset paging goes on from the last event of a page
 * with {@link #after(long)} (or {@link #before(long)} backwards).
 *
 * <p>{@code contains} is a plain substring (no wildcards: {@code %}, {@code _}, quotes are literal), matched
 * ignoring the case of ASCII letters unless {@code matchCase}.
 */
public record LogQuery(String logGroup, String logStream, Long fromMs, Long toMs, String contains,
                       String requestId, long afterId, int limit, long beforeId, int offset, boolean newestFirst,
                       boolean matchCase) {
    public LogQuery(String logGroup, String logStream, Long fromMs, Long toMs, String contains, String requestId,
                    long afterId, int limit) {
        this(logGroup, logStream, fromMs, toMs, contains, requestId, afterId, limit, Long.MAX_VALUE, 0, false, false);
    }

    public static LogQuery group(String logGroup) {
        return new LogQuery(logGroup, null, null, null, null, null, 0, 10_000);
    }

    public LogQuery withStream(String s) { return copy(s, fromMs, toMs, contains, requestId); }
    public LogQuery withRange(Long from, Long to) { return copy(logStream, from, to, contains, requestId); }
    public LogQuery withContains(String c) { return copy(logStream, fromMs, toMs, c, requestId); }
    public LogQuery withRequestId(String r) { return copy(logStream, fromMs, toMs, contains, r); }

    public LogQuery withMatchCase(boolean m) {
        return new LogQuery(logGroup, logStream, fromMs, toMs, contains, requestId, afterId, limit, beforeId, offset,
                newestFirst, m);
    }

    /** Only events stored after event {@code id}. */
    public LogQuery after(long id) { return page(id, beforeId, offset, limit, newestFirst); }

    /** Only events stored before event {@code id}. */
    public LogQuery before(long id) { return page(afterId, id, offset, limit, newestFirst); }

    public LogQuery withLimit(int l) { return page(afterId, beforeId, offset, l, newestFirst); }

    /** Skips the first {@code n} matches (in the query's order). */
    public LogQuery skip(int n) { return page(afterId, beforeId, n, limit, newestFirst); }

    /** Newest first: with a limit, the last events of the range. */
    public LogQuery descending() { return page(afterId, beforeId, offset, limit, true); }

    /** The same filter without paging: every match, oldest first. */
    public LogQuery filterOnly() { return page(0, Long.MAX_VALUE, 0, limit, false); }

    public boolean hasContains() { return contains != null && !contains.isEmpty(); }

    /** Whether {@code e} passes this filter (group, stream, time, request, substring and id bounds). */
    public boolean matches(LogEvent e) {
        return e.logGroup().equals(logGroup)
                && (logStream == null || logStream.equals(e.logStream()))
                && (fromMs == null || e.timestamp() >= fromMs)
                && (toMs == null || e.timestamp() <= toMs)
                && (requestId == null || requestId.equals(e.requestId()))
                && e.id() > afterId && e.id() < beforeId
                && (!hasContains() || containsText(e.message(), contains, matchCase));
    }

    /** The store's substring rule: exact, or ignoring the case of ASCII letters (as SQLite's LIKE does). */
    public static boolean containsText(String text, String part, boolean matchCase) {
        if (matchCase) return text.contains(part);
        int n = part.length();
        for (int i = 0; i + n <= text.length(); i++) {
            int j = 0;
            while (j < n && foldAscii(text.charAt(i + j)) == foldAscii(part.charAt(j))) j++;
            if (j == n) return true;
        }
        return false;
    }

    private static char foldAscii(char c) { return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c; }

    private LogQuery copy(String stream, Long from, Long to, String c, String r) {
        return new LogQuery(logGroup, stream, from, to, c, r, afterId, limit, beforeId, offset, newestFirst, matchCase);
    }

    private LogQuery page(long after, long before, int skip, int max, boolean desc) {
        return new LogQuery(logGroup, logStream, fromMs, toMs, contains, requestId, after, max, before, skip, desc,
                matchCase);
    }
}
