package dev.lambdaconsole.app.monitor.metrics;

/**
 * Fewer points that draw the same line: the points in [{@code from}, {@code to}] fall into {@code buckets} equal slices
 * (one per pixel of the plot), and each slice keeps its lowest and highest point, in time order. Peaks and dips
 * survive, and a chart draws at most two points a pixel whatever the data's size.
 */
public final class Downsample {
    private Downsample() { }

    /** {@code xs} ascending; returns {xs, ys} of the kept points. Fewer points than 2 a bucket are returned as they are. */
    public static double[][] minMax(double[] xs, double[] ys, double from, double to, int buckets) {
        int n = xs.length;
        if (buckets <= 0 || n <= 2L * buckets || to <= from) return new double[][] {xs.clone(), ys.clone()};
        double[] ox = new double[2 * buckets + 2];
        double[] oy = new double[2 * buckets + 2];
        int out = 0;
        double width = (to - from) / buckets;
        int i = 0;
        while (i < n) {
            if (xs[i] < from || xs[i] > to) { // outside the plot: kept as they are (they set the line's ends)
                if (out == ox.length) {
                    ox = java.util.Arrays.copyOf(ox, ox.length * 2);
                    oy = java.util.Arrays.copyOf(oy, oy.length * 2);
                }
                ox[out] = xs[i];
                oy[out++] = ys[i++];
                continue;
            }
            int bucket = (int) Math.min(buckets - 1, (xs[i] - from) / width);
            int low = i;
            int high = i;
            while (i < n && xs[i] <= to && (int) Math.min(buckets - 1, (xs[i] - from) / width) == bucket) {
                if (ys[i] < ys[low]) low = i;
                if (ys[i] > ys[high]) high = i;
                i++;
            }
            int[] keep = low == high ? new int[] {low} : new int[] {Math.min(low, high), Math.max(low, high)};
            for (int k : keep) {
                if (out == ox.length) { // only when many points lie outside the plot
                    ox = java.util.Arrays.copyOf(ox, ox.length * 2);
                    oy = java.util.Arrays.copyOf(oy, oy.length * 2);
                }
                ox[out] = xs[k];
                oy[out++] = ys[k];
            }
        }
        return new double[][] {java.util.Arrays.copyOf(ox, out), java.util.Arrays.copyOf(oy, out)};
    }

}
