package dev.lambdaconsole.runtime.logs;

/**
 * One finished invocation, written once by the engine when it ends: what the Monitor tab lists, what metrics,
 * traces and cost estimates are computed from.
 *
 * @param qualifier        the version or alias the caller named ({@code "7"}, {@code "live"}), or null for
 *                         the unqualified function ($LATEST)
 * @param executedVersion  the version that ran: {@code "$LATEST"} or digits
 * @param architecture     {@code x86_64} or {@code arm64}, as the function was configured when it ran
 * @param ephemeralStorageMb the function's /tmp size (512 to 10240)
 * @param provisioned      run by a provisioned-concurrency environment
 * @param traceId          the X-Ray trace header the function got ({@code Root=1-…;Parent=…;Sampled=0})
 * @param imageWaitMs      time the invocation waited for its runtime image before an environment was taken
 *                         (cold starts on a fresh machine), else null
 * @param runtimeStartMs   platform time to start the process or container (part of a cold start), else null
 * @param overheadMs       runtime time after the response until it asked for the next event, else null
 */
public record InvocationRecord(String requestId, String functionName, String logStream, long startMs,
                               double durationMs, long billedMs, int memorySizeMb, long maxMemoryUsedMb,
                               Double initDurationMs, String status, String errorType, String invocationType,
                               String qualifier, String executedVersion, String architecture,
                               int ephemeralStorageMb, boolean provisioned, String traceId,
                               Double imageWaitMs, Double runtimeStartMs, Double overheadMs) {

    /** A record of $LATEST with no version, timeline or trace details (stores written before they existed). */
    public InvocationRecord(String requestId, String functionName, String logStream, long startMs,
                            double durationMs, long billedMs, int memorySizeMb, long maxMemoryUsedMb,
                            Double initDurationMs, String status, String errorType, String invocationType) {
        this(requestId, functionName, logStream, startMs, durationMs, billedMs, memorySizeMb, maxMemoryUsedMb,
                initDurationMs, status, errorType, invocationType, null, "$LATEST", "x86_64", 512, false, null,
                null, null, null);
    }

    public boolean coldStart() { return initDurationMs != null; }

    /** The invocation failed (function error, crash, timeout, init error): it counts in the Errors metric. */
    public boolean error() { return !"SUCCESS".equals(status); }

    /** The CloudWatch Resource dimension: {@code name} or {@code name:qualifier}. */
    public String resource() {
        return qualifier == null || qualifier.isEmpty() ? functionName : functionName + ":" + qualifier;
    }
}
