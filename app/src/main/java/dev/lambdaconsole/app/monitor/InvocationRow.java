package dev.lambdaconsole.app.monitor;

import dev.lambdaconsole.runtime.logs.InvocationRecord;
import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.util.Locale;

/** One row of the recent invocations table, as the user reads it. */
public record InvocationRow(InvocationRecord record, String time, String requestId, String duration, String billed,
                            String maxMemory, String start, String status, String type) {
    /** The prices of the cost column. */
    public static final LambdaPricing PRICING = LambdaPricing.US_EAST_1;

    public static InvocationRow of(InvocationRecord r) {
        String start = r.coldStart()
                ? String.format(Locale.ROOT, "Cold (init %.2f ms)", r.initDurationMs()) : "Warm";
        return new InvocationRow(r, LogLines.timestamp(r.startMs()), r.requestId(),
                String.format(Locale.ROOT, "%.2f ms", r.durationMs()), r.billedMs() + " ms",
                r.maxMemoryUsedMb() + " / " + r.memorySizeMb() + " MB", start, status(r),
                "Event".equals(r.invocationType()) ? "Async" : "PowerTuning".equals(r.invocationType()) ? "Tuning" : "Sync");
    }

    /** The invocation's estimated price at {@link #PRICING} ("$0.000002083"). */
    public String cost() { return LambdaPricing.usd(PRICING.invocation(record).totalUsd()); }

    public boolean failed() { return !"SUCCESS".equals(record.status()); }

    public boolean cold() { return record.coldStart(); }

    /** Success, the error type, Timeout, or what else ended it. */
    static String status(InvocationRecord r) {
        String type = r.errorType() == null || r.errorType().isBlank() ? null : r.errorType();
        return switch (r.status() == null ? "" : r.status()) {
            case "SUCCESS" -> "Success";
            case "TIMEOUT" -> "Timeout";
            case "CRASH" -> "Crashed" + (type == null ? "" : " (" + type + ")");
            case "INIT_ERROR" -> "Init error" + (type == null ? "" : " (" + type + ")");
            default -> type == null ? "Error" : type;
        };
    }
}
