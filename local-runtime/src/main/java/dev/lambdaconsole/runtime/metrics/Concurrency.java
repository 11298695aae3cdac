package dev.lambdaconsole.runtime.metrics;

import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The highest number of invocations running at once in each minute, from their start times and durations: a sweep
 * over starts (in order) and ends (a heap), in microseconds.
 *
 * <p>Start times are stored to the millisecond, so an invocation is only known to run from the end of its start's
 * millisecond to its start plus its duration: {@code [start + 0.999 ms, start + duration)}. Two invocations made one
 * after the other within one millisecond so do not count as overlapping. One shorter than that millisecond is a
 * probe: it counts as running together with what certainly runs then, never with another probe.
 */
final class Concurrency {
    static final long MINUTE = 60_000;

    private Concurrency() { }

    /** {start, end} in microseconds of an invocation; end ≤ start marks a probe. */
    static long[] interval(long startMs, double durationMs) {
        long start = startMs * 1000 + 999;
        return new long[] {start, startMs * 1000 + Math.round(durationMs * 1000)};
    }

    /**
     * Per minute start (epoch ms) in [{@code fromMinute}, {@code toMinute}], the highest concurrency, for the
     * minutes where something ran. {@code intervals}: from {@link #interval}, sorted by start.
     */
    static TreeMap<Long, Integer> perMinute(List<long[]> intervals, long fromMinute, long toMinute) {
        TreeMap<Long, Integer> out = new TreeMap<>();
        PriorityQueue<Long> ends = new PriorityQueue<>();
        int level = 0;
        long t = Long.MIN_VALUE;
        int i = 0;
        while (i < intervals.size() || !ends.isEmpty()) {
            long nextStart = i < intervals.size() ? intervals.get(i)[0] : Long.MAX_VALUE;
            long nextEnd = ends.isEmpty() ? Long.MAX_VALUE : ends.peek();
            long next = Math.min(nextStart, nextEnd);
            if (level > 0 && t < next) hold(out, level, t, next, fromMinute, toMinute);
            t = next;
            if (nextEnd <= nextStart) {
                ends.poll();
                level--;
                continue;
            }
            long[] interval = intervals.get(i++);
            if (interval[1] <= interval[0]) { // a probe
                hold(out, level + 1, interval[0], interval[0] + 1, fromMinute, toMinute);
            } else {
                ends.add(interval[1]);
                level++;
            }
        }
        return out;
    }

    /** The level held over [from, to) µs raises the maximum of every minute it touches. */
    private static void hold(TreeMap<Long, Integer> out, int level, long fromUs, long toUs, long fromMinute, long toMinute) {
        long first = Math.max(floor(Math.floorDiv(fromUs, 1000)), fromMinute);
        long last = Math.min(floor(Math.floorDiv(toUs - 1, 1000)), toMinute);
        for (long m = first; m <= last; m += MINUTE) out.merge(m, level, Math::max);
    }

    static long floor(long ms) { return Math.floorDiv(ms, MINUTE) * MINUTE; }
}
