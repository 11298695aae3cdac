package dev.lambdaconsole.app.monitor;


/**
 * One trace in the Traces list: its id (the Root part of the header), when it started, the handler's duration,
 * the whole trace's time, cold or warm, and the invocation's status.
 */
public record TraceRow(InvocationRow invocation, TraceTimeline timeline, String traceId, String start,
                       String duration, String total, String startType, String status) {

    public static TraceRow of(InvocationRow row) {
        TraceTimeline timeline = TraceTimeline.of(row.record());
        String id = TraceTimeline.root(timeline.traceId());
        return new TraceRow(row, timeline, id.isEmpty() ? "(no trace id recorded)" : id, row.time(), row.duration(),
                TraceSegment.ms(timeline.totalMs()), row.cold() ? "Cold" : "Warm", row.status());
    }

    public String requestId() { return invocation.requestId(); }
    public boolean cold() { return invocation.cold(); }
    public boolean failed() { return invocation.failed(); }
}
