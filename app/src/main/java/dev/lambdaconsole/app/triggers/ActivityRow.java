package dev.lambdaconsole.app.triggers;

import dev.lambdaconsole.app.monitor.LogLines;
import dev.lambdaconsole.runtime.util.Json;
import dev.lambdaconsole.simulators.activity.ActivityEntry;
import dev.lambdaconsole.simulators.activity.ActivityResult;

import java.util.List;
import java.util.Locale;

/** One delivery of a trigger as the activity table shows it. */
public record ActivityRow(ActivityEntry entry, String time, String batchSize, String records, String result,
                          Tone tone, String retries, String iteratorAge, String duration, String status) {

    /** How the result is coloured. */
    public enum Tone { SUCCESS, WARNING, DANGER, MUTED }

    public static ActivityRow of(ActivityEntry e) {
        return new ActivityRow(e, LogLines.timestamp(e.timeEpochMs()), Integer.toString(e.batchSize()), records(e),
                result(e), tone(e.result()), Integer.toString(e.retries()),
                e.iteratorAgeMs() == null ? "" : age(e.iteratorAgeMs()),
                e.durationMs() == null ? "" : String.format(Locale.ROOT, "%.2f ms", e.durationMs()),
                e.statusCode() == null ? "" : Integer.toString(e.statusCode()));
    }

    public String key() { return entry.key(); }

    /** The invocation's request id, or "" when nothing was invoked. */
    public String requestId() { return entry.requestId() == null ? "" : entry.requestId(); }

    static String result(ActivityEntry e) {
        return switch (e.result()) {
            case QUEUED -> "Queued";
            case SUCCESS -> "Success";
            case FUNCTION_ERROR -> "Function error";
            case PARTIAL_FAILURE -> "Partial failure: " + e.failedCount() + " of " + e.batchSize() + " failed";
            case THROTTLED -> "Throttled";
            case RETRIES_EXHAUSTED -> "Failed after " + e.attempts() + " attempt" + (e.attempts() == 1 ? "" : "s")
                    + ", dropped (no on-failure destination)";
            case SENT_TO_DLQ -> (e.failedCount() < e.batchSize() ? "Partial failure: " : "Failed: ")
                    + e.failedCount() + " of " + e.batchSize() + " failed, sent to DLQ " + name(e.destination());
            case SENT_TO_DESTINATION -> "Sent to destination " + name(e.destination());
            case FILTERED -> "Filtered out";
            case EVENT_AGE_EXCEEDED -> "Too old, given up" + (e.destination() == null ? "" : ", sent to " + name(e.destination()));
            case DROPPED -> "Retries exhausted, records dropped";
            case ERROR -> "Not invoked";
        };
    }

    static Tone tone(ActivityResult r) {
        return switch (r) {
            case SUCCESS -> Tone.SUCCESS;
            case QUEUED, FILTERED -> Tone.MUTED;
            case PARTIAL_FAILURE, THROTTLED -> Tone.WARNING;
            default -> Tone.DANGER;
        };
    }

    /** The record ids in short: all of up to three, else the first two and how many more. */
    static String records(ActivityEntry e) {
        List<String> ids = e.records();
        if (ids.isEmpty()) return e.batchSize() == 1 && e.event() != null ? "1 event" : "";
        if (ids.size() <= 3 && ids.size() == e.batchSize()) return String.join(", ", ids);
        String shown = ids.size() == 1 ? ids.get(0) : ids.get(0) + ", " + ids.get(1);
        return shown + " … (" + Math.max(e.batchSize(), ids.size()) + " records)";
    }

    static String age(long ms) {
        if (ms < 1000) return ms + " ms";
        if (ms < 60_000) return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
        if (ms < 3_600_000) return String.format(Locale.ROOT, "%.1f min", ms / 60_000.0);
        return String.format(Locale.ROOT, "%.1f h", ms / 3_600_000.0);
    }

    /** The last part of an ARN (a queue's or topic's name, a function's), or the ARN. */
    static String name(String arn) {
        if (arn == null) return "";
        int at = arn.lastIndexOf(':');
        String tail = at < 0 ? arn : arn.substring(at + 1);
        return tail.isEmpty() ? arn : tail;
    }

    /** Everything known about the delivery, one fact a line, and the event (pretty-printed JSON) for push sources. */
    public String details() {
        ActivityEntry e = entry;
        StringBuilder b = new StringBuilder();
        line(b, "Time", time);
        line(b, "Result", result);
        line(b, "Invocation", e.requestId() == null ? "none" : e.requestId());
        line(b, "Attempts", Integer.toString(e.attempts()));
        if (e.shardId() != null) line(b, "Shard", e.shardId());
        if (e.statusCode() != null) line(b, "HTTP status", status);
        if (!duration.isEmpty()) line(b, "Duration", duration);
        if (!iteratorAge.isEmpty()) line(b, "Iterator age", iteratorAge);
        if (!e.records().isEmpty()) {
            line(b, "Records", e.batchSize() + (e.records().size() < e.batchSize() ? " (the first "
                    + e.records().size() + " listed)" : ""));
            for (String id : e.records()) b.append("  ").append(id).append('\n');
        }
        if (!e.failedItems().isEmpty()) {
            line(b, "Failed items", Integer.toString(e.failedCount()));
            for (String id : e.failedItems()) b.append("  ").append(id).append('\n');
        }
        if (e.destination() != null) line(b, "Destination", e.destination());
        if (e.detail() != null && !e.detail().isBlank()) line(b, "Detail", e.detail());
        if (e.event() != null) b.append("\nEvent:\n").append(pretty(e.event())).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        b.append(label).append(": ").append(value).append('\n');
    }

    private static String pretty(String json) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(Json.MAPPER.readTree(json));
        } catch (java.io.IOException | RuntimeException notJson) {
            return json;
        }
    }
}
