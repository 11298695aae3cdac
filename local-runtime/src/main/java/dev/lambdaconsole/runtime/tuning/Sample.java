package dev.lambdaconsole.runtime.tuning;

/**
 * One invocation of a tuning run, as its REPORT said.
 *
 * @param durationMs the invocation's duration plus its Init Duration on a cold start (what Power Tuning averages)
 * @param status     SUCCESS, ERROR, TIMEOUT, CRASH or INIT_ERROR
 */
public record Sample(String requestId, double durationMs, long billedMs, Double initMs, long maxMemoryUsedMb,
                     String status, String errorType) {
    public boolean failed() { return !"SUCCESS".equals(status); }
}
