package dev.lambdaconsole.runtime.metrics;

import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * The highest number of invocations running at once in each minute, from their start times and durations: a sweep
 * over starts (in order) and ends (a heap). An invocation runs over [start, start + duration), at least 1 ms; one
 * ending when another starts does not overlap it.
 */
final class Concurrency {
    static final long MINUTE = 60_000;

    private Concurrency() { }

    /**
     * Per minute start (epoch ms) in [{@code fromMinute}, {@code toMinute}], the highest concurrency, for the
     * minutes where something ran. {@code intervals}: {start, end} pairs sorted by start.
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
            if (nextEnd <= nextStart) {
                ends.poll();
                level--;
            } else {
                long[] interval = intervals.get(i++);
                ends.add(Math.max(interval[1], interval[0] + 1));
                level++;
            }
            t = next;
        }
        return out;
    }

    /** The level held over [from, to) raises the maximum of every minute it touches. */
    private static void hold(TreeMap<Long, Integer> out, int level, long from, long to, long fromMinute, long toMinute) {
        long first = Math.max(floor(from), fromMinute);
        long last = Math.min(floor(to - 1), toMinute);
        for (long m = first; m <= last; m += MINUTE) out.merge(m, level, Math::max);
    }

    static long floor(long ms) { return Math.floorDiv(ms, MINUTE) * MINUTE; }
}
