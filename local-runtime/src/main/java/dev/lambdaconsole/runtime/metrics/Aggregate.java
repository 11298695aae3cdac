package dev.lambdaconsole.runtime.metrics;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.TreeMap;

/**
 * The samples of one series in one minute, as stored: count, sum, smallest, largest and, for distributions, a
 * histogram of logarithmic buckets 2 % wide (so a percentile read from it is within about 1 % of the true value,
 * and minutes merge into periods of any length). Not thread-safe.
 */
final class Aggregate {
    private static final double GAMMA = 1.02;
    private static final double LOG_GAMMA = Math.log(GAMMA);
    /** The bucket of zero and negative values. */
    private static final int ZERO = Integer.MIN_VALUE;

    double count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    /** Bucket index to samples; null when the series keeps no histogram. */
    TreeMap<Integer, Long> buckets;

    Aggregate(boolean histogram) {
        if (histogram) buckets = new TreeMap<>();
    }

    void add(double value) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (buckets != null) buckets.merge(bucket(value), 1L, Long::sum);
    }

    void merge(Aggregate other) {
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.buckets != null) {
            if (buckets == null) buckets = new TreeMap<>();
            other.buckets.forEach((k, v) -> buckets.merge(k, v, Long::sum));
        }
    }

    /** A level (concurrency): the minute holds its highest value only. */
    void raiseTo(double value) {
        count = 1;
        sum = value;
        min = value;
        max = value;
    }

    static int bucket(double value) {
        if (value <= 0) return ZERO;
        return (int) Math.ceil(Math.log(value) / LOG_GAMMA);
    }

    /** The value {@code percent} % of the samples are at or below, clamped to the smallest and largest seen. */
    double percentile(double percent) {
        if (buckets == null || buckets.isEmpty() || count == 0) return Double.NaN;
        long total = 0;
        for (long n : buckets.values()) total += n;
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            seen += e.getValue();
            if (seen >= rank) {
                double v = e.getKey() == ZERO ? 0 : 2 * Math.pow(GAMMA, e.getKey()) / (1 + GAMMA);
                return Math.max(min, Math.min(max, v));
            }
        }
        return max;
    }

    /** The histogram as bytes: pairs of (index delta from the previous, zigzag) and count, as varints. */
    byte[] encodeBuckets() {
        if (buckets == null) return null;
        ByteArrayOutputStream out = new ByteArrayOutputStream(buckets.size() * 3);
        long previous = 0;
        for (Map.Entry<Integer, Long> e : buckets.entrySet()) {
            long index = e.getKey();
            long delta = index - previous;
            varint(out, (delta << 1) ^ (delta >> 63));
            varint(out, e.getValue());
            previous = index;
        }
        return out.toByteArray();
    }

    static TreeMap<Integer, Long> decodeBuckets(byte[] bytes) {
        if (bytes == null) return null;
        TreeMap<Integer, Long> out = new TreeMap<>();
        int[] pos = {0};
        long previous = 0;
        while (pos[0] < bytes.length) {
            long zigzag = readVarint(bytes, pos);
            long delta = (zigzag >>> 1) ^ -(zigzag & 1);
            long index = previous + delta;
            out.put((int) index, readVarint(bytes, pos));
            previous = index;
        }
        return out;
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(byte[] b, int[] pos) {
        long v = 0;
        int shift = 0;
        while (true) {
            byte x = b[pos[0]++];
            v |= (long) (x & 0x7F) << shift;
            if ((x & 0x80) == 0) return v;
            shift += 7;
        }
    }
}
