package dev.lambdaconsole.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a sample of durations in nanoseconds, printed in milliseconds. */
record Stats(long[] sortedNanos) {
    static Stats of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Stats(copy);
    }

    double percentileMs(double p) {
        int i = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "min %.3f ms, p50 %.3f ms, p99 %.3f ms, max %.3f ms (n=%d)",
                percentileMs(0), percentileMs(50), percentileMs(99), percentileMs(100), sortedNanos.length);
    }

    static String machine() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version");
    }
}
