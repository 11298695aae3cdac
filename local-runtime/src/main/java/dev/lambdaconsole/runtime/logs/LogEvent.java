package dev.lambdaconsole.runtime.logs;

/** One CloudWatch-style log event, tied to the invocation that wrote it (requestId null outside one). */
public record LogEvent(long id, String logGroup, String logStream, long timestamp, long ingestionTime,
                       String requestId, String message) {
    public static LogEvent of(String logGroup, String logStream, long timestamp, String requestId, String message) {
        return new LogEvent(0, logGroup, logStream, timestamp, timestamp, requestId, message);
    }
}
