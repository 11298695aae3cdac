package dev.lambdaconsole.runtime.logs;

import java.util.List;
import java.util.function.Consumer;

/** The engine's CloudWatch-style log store: groups /aws/lambda/NAME, one stream per environment. */
public interface LogStore extends AutoCloseable {
    static String groupOf(String functionName) { return "/aws/lambda/" + functionName; }

    /** Queues events for writing; returns at once. */
    void append(List<LogEvent> events);

    void recordInvocation(InvocationRecord record);

    /** Stores an asynchronous invocation record (the JSON Lambda sends to destinations). */
    void recordAsync(String functionName, String condition, String recordJson);

    /** Waits until everything appended so far is written (tests, export, shutdown). */
    void flush();

    /** The events a query matches, in its order and page (see {@link LogQuery}). */
    List<LogEvent> query(LogQuery query);

    long count(String logGroup);

    /** How many events match the query's filter within its id bounds (offset and limit do not apply). */
    long count(LogQuery query);

    /** The id of the newest stored event of any group, or 0: a ceiling for a stable view while more arrive. */
    long lastEventId();

    List<LogStreamInfo> streams(String logGroup);

    /** Groups that have events, by name: those starting with {@code namePrefix} after {@code afterName}. */
    List<LogGroupInfo> groups(String namePrefix, String afterName, int limit);

    List<InvocationRecord> invocations(String functionName, int limit);

    /** Asynchronous invocation records of a function, newest first: {condition, record JSON}. */
    List<String[]> asyncRecords(String functionName, int limit);

    /** Deletes a function's log group, invocations and records. */
    void deleteGroup(String functionName);

    /** Receives batches of events of every group as they are written (live tail). Returns an unsubscriber. */
    Runnable subscribe(Consumer<List<LogEvent>> listener);

    /** Receives the invocation records of every function as they are stored. Returns an unsubscriber. */
    Runnable subscribeInvocations(Consumer<List<InvocationRecord>> listener);

    /** Whether the writer runs and what it lost: dropped batches and the last error (see {@link LogStoreHealth}). */
    default LogStoreHealth health() {
        return LogStoreHealth.OK;
    }

    @Override
    void close();
}
