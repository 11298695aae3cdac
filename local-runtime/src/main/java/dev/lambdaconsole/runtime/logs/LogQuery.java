package dev.lambdaconsole.runtime.logs;

/**
 * A filter over one log group. Null fields do not filter. Results come oldest first, after {@code afterId}
 * (for paging and live tail), at most {@code limit}.
 */
public record LogQuery(String logGroup, String logStream, Long fromMs, Long toMs, String contains,
                       String requestId, long afterId, int limit) {
    public static LogQuery group(String logGroup) {
        return new LogQuery(logGroup, null, null, null, null, null, 0, 10_000);
    }

    public LogQuery withStream(String s) { return new LogQuery(logGroup, s, fromMs, toMs, contains, requestId, afterId, limit); }
    public LogQuery withRange(Long from, Long to) { return new LogQuery(logGroup, logStream, from, to, contains, requestId, afterId, limit); }
    public LogQuery withContains(String c) { return new LogQuery(logGroup, logStream, fromMs, toMs, c, requestId, afterId, limit); }
    public LogQuery withRequestId(String r) { return new LogQuery(logGroup, logStream, fromMs, toMs, contains, r, afterId, limit); }
    public LogQuery after(long id) { return new LogQuery(logGroup, logStream, fromMs, toMs, contains, requestId, id, limit); }
    public LogQuery withLimit(int l) { return new LogQuery(logGroup, logStream, fromMs, toMs, contains, requestId, afterId, l); }
}
