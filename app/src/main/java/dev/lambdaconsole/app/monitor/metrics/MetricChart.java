package dev.lambdaconsole.app.monitor.metrics;

import java.util.List;

/**
 * One chart of the Metrics tab as computed: its lines over the range [{@code fromMs}, {@code toMs}] and a caption
 * summing it up ("Total 12", "Max 3", "Average 4.2 ms").
 *
 * @param id    a stable name for the view (node ids): "Invocations", "Duration", …
 * @param unit  the y axis: "Count", "Milliseconds" or "Percent"
 */
public record MetricChart(String id, String title, String unit, long fromMs, long toMs, List<Line> lines, String caption) {
    /** A line's points, times (epoch ms) ascending. */
    public record Line(String name, double[] xs, double[] ys) {
        public int size() { return xs.length; }
    }
}
