package dev.lambdaconsole.runtime.tuning;

import java.util.List;

/**
 * The invocations of one memory size and architecture and what they average to once the outliers are dropped.
 *
 * @param kept              how many invocations the averages are over (the rest were the fastest and slowest)
 * @param averageDurationMs trimmed mean of duration (init included on cold starts)
 * @param averageBilledMs   trimmed mean of billed duration
 * @param averageCostUsd    the duration price of the average billed duration, rounded up to 1 ms, as Power
 *                          Tuning's averagePrice (the request price is the same at every size and not included)
 * @param totalCostUsd      what every invocation of this variant cost, requests included
 * @param failures          invocations that did not succeed; a variant with any is never recommended
 */
public record VariantStats(int memoryMb, String architecture, List<Sample> samples, int kept,
                           double averageDurationMs, double averageBilledMs, double averageCostUsd,
                           double totalCostUsd, int failures, long maxMemoryUsedMb, String firstError) {
    public boolean succeeded() { return failures == 0 && !samples.isEmpty(); }

    /** e.g. "512 MB x86_64". */
    public String label() { return memoryMb + " MB " + architecture; }
}
