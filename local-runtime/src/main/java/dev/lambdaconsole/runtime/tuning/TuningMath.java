package dev.lambdaconsole.runtime.tuning;

import dev.lambdaconsole.runtime.pricing.LambdaPricing;

import java.util.Arrays;
import java.util.List;

/**
 * The averages of a tuning run, computed as AWS Lambda Power Tuning computes them (lambda/utils.js,
 * computeAverageDuration, and lambda/executor.js, computeStatistics): sort the values, drop
 * {@code floor(n × discard)} from each end (none when that is 0, i.e. with fewer than 5 invocations at 0.2), and
 * average the rest; the price is that of the average billed duration rounded up to a millisecond.
 */
public final class TuningMath {
    private TuningMath() {}

    /** How many values each end loses: {@code floor(n × discard)}. */
    public static int dropped(int n, double discard) {
        return (int) Math.floor(n * discard);
    }

    /** The trimmed mean of {@code values}: 0 for none. */
    public static double trimmedMean(double[] values, double discard) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int drop = dropped(sorted.length, discard);
        double sum = 0;
        for (int i = drop; i < sorted.length - drop; i++) sum += sorted[i];
        return sum / (sorted.length - 2 * drop);
    }

    /** The statistics of one variant's samples at {@code memoryMb} on {@code architecture}. */
    public static VariantStats stats(int memoryMb, String architecture, int ephemeralMb, List<Sample> samples,
                                     double discard, LambdaPricing pricing) {
        double[] durations = samples.stream().mapToDouble(Sample::durationMs).toArray();
        double[] billed = samples.stream().mapToDouble(Sample::billedMs).toArray();
        double averageDuration = trimmedMean(durations, discard);
        double averageBilled = trimmedMean(billed, discard);
        double averageCost = samples.isEmpty() ? 0 : pricing.invocation((long) Math.ceil(averageBilled), memoryMb,
                architecture, ephemeralMb, false).computeUsd();
        double total = samples.stream().mapToDouble(s -> pricing.invocation(s.billedMs(), memoryMb, architecture,
                ephemeralMb, false).totalUsd()).sum();
        int failures = (int) samples.stream().filter(Sample::failed).count();
        String firstError = samples.stream().filter(Sample::failed).findFirst()
                .map(s -> s.errorType() == null ? s.status() : s.errorType()).orElse(null);
        long maxMemory = samples.stream().mapToLong(Sample::maxMemoryUsedMb).max().orElse(0);
        int kept = samples.size() - 2 * dropped(samples.size(), discard);
        return new VariantStats(memoryMb, architecture, List.copyOf(samples), kept, averageDuration, averageBilled,
                averageCost, total, failures, maxMemory, firstError);
    }
}
