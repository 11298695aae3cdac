package dev.lambdaconsole.runtime.invoke;

import java.util.ArrayList;
import java.util.List;

/**
 * What one finished invocation reports: its billed duration, its log lines (the init output of a cold start,
 * START with the version, the function's output, END, REPORT in Lambda's format, and the platform's lines about a
 * failure) and the {@link InvocationResult} the caller gets.
 */
final class InvocationReport {
    private InvocationReport() { }

    /** The facts of one invocation the report is made of. */
    record Facts(String requestId, String functionName, String version, int memoryMb, boolean provisioned,
                 double durationMs, Double initMs, long maxMemoryUsedMb, long startEpochMs, String logStream,
                 List<String> initOutput, List<String> output, Outcome outcome) { }

    static InvocationResult of(Facts f) {
        long billed = billedMs(f.durationMs(), f.initMs(), f.provisioned());
        List<String> lines = new ArrayList<>(f.initOutput().size() + f.output().size() + 4);
        if (f.initMs() != null) lines.addAll(f.initOutput());
        lines.add("START RequestId: " + f.requestId() + " Version: " + f.version());
        lines.addAll(f.output());
        lines.add("END RequestId: " + f.requestId());
        lines.add(reportLine(f.requestId(), f.durationMs(), billed, f.memoryMb(), f.maxMemoryUsedMb(), f.initMs()));
        lines.addAll(f.outcome().logLines());
        Outcome o = f.outcome();
        return new InvocationResult(f.requestId(), f.functionName(), o.payload(), o.contentType(), o.status(),
                o.functionError(), o.errorType(), f.durationMs(), billed, f.memoryMb(), f.maxMemoryUsedMb(), f.initMs(),
                f.startEpochMs(), f.logStream(), List.copyOf(lines), f.version());
    }

    /**
     * Billed milliseconds: the duration rounded up to 1 ms, plus the init of an on-demand cold start (billed for
     * every runtime since August 2025); at least 1.
     */
    static long billedMs(double durationMs, Double initMs, boolean provisioned) {
        return Math.max(1, (long) Math.ceil(durationMs + (initMs == null || provisioned ? 0 : initMs)));
    }

    /** REPORT in Lambda's format: TAB-separated, two decimals, a trailing TAB. */
    static String reportLine(String requestId, double durationMs, long billed, int memory, long maxMemMb, Double initMs) {
        StringBuilder b = new StringBuilder(160).append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ");
        twoDecimals(b, durationMs).append(" ms\tBilled Duration: ").append(billed).append(" ms\tMemory Size: ")
                .append(memory).append(" MB\tMax Memory Used: ").append(maxMemMb).append(" MB\t");
        if (initMs != null) {
            twoDecimals(b.append("Init Duration: "), initMs).append(" ms\t");
        }
        return b.toString();
    }

    static StringBuilder twoDecimals(StringBuilder b, double value) {
        long hundredths = Math.round(value * 100);
        long cents = hundredths % 100;
        return b.append(hundredths / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
    }
}
