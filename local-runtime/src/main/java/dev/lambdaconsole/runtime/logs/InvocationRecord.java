package dev.lambdaconsole.runtime.logs;

/** One finished invocation as the Monitor tab lists it. */
public record InvocationRecord(String requestId, String functionName, String logStream, long startMs,
                               double durationMs, long billedMs, int memorySizeMb, long maxMemoryUsedMb,
                               Double initDurationMs, String status, String errorType, String invocationType) {
    public boolean coldStart() { return initDurationMs != null; }
}
