package dev.lambdaconsole.app.monitor.metrics;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.metrics.Datapoint;
import dev.lambdaconsole.runtime.metrics.LambdaMetric;
import dev.lambdaconsole.runtime.metrics.LambdaMetrics;
import dev.lambdaconsole.runtime.metrics.MetricSeries;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The Monitor tab's Metrics: the Lambda console's default charts of one function over a chosen range (Invocations;
 * Duration minimum, average and maximum; Error count and success rate; Throttles; Async delivery failures; Iterator
 * age; Concurrent executions), read from the engine's metrics off the UI thread and read again, once per burst, as
 * new points are stored.
 */
public final class MetricsViewModel implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("MMM d HH:mm", Locale.ENGLISH);

    private final String function;
    private final LambdaMetrics metrics;
    private final TaskRunner tasks;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectProperty<MetricsRange> range = new SimpleObjectProperty<>(MetricsRange.HOUR_1);
    /** A version or alias (its Resource dimension, e.g. {@code orders:live}); null for the whole function. */
    private final ObjectProperty<String> qualifier = new SimpleObjectProperty<>();
    private final ObservableList<MetricChart> charts = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final AtomicBoolean updateAsked = new AtomicBoolean();
    private final Runnable unsubscribe;
    private boolean loading;
    private boolean again;
    private boolean closed;

    public MetricsViewModel(String function, LambdaMetrics metrics, TaskRunner tasks) {
        this(function, metrics, tasks, Clock.systemUTC(), ZoneId.systemDefault());
    }

    MetricsViewModel(String function, LambdaMetrics metrics, TaskRunner tasks, Clock clock, ZoneId zone) {
        this.function = function;
        this.metrics = metrics;
        this.tasks = tasks;
        this.clock = clock;
        this.zone = zone;
        range.addListener((o, was, now) -> refresh());
        qualifier.addListener((o, was, now) -> refresh());
        unsubscribe = metrics.subscribe(() -> {
            if (updateAsked.compareAndSet(false, true)) tasks.onUi(() -> {
                updateAsked.set(false);
                refresh();
            });
        });
    }

    public String function() { return function; }
    public ObjectProperty<MetricsRange> rangeProperty() { return range; }
    /**
     * The version or alias whose metrics are charted: the {@code Resource} dimension {@code function:qualifier}
     * (what was invoked with that qualifier, as CloudWatch keeps it); null charts the whole function.
     */
    public ObjectProperty<String> qualifierProperty() { return qualifier; }
    /** The charts, in the console's order; replaced as a whole on each update. */
    public ObservableList<MetricChart> charts() { return charts; }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }

    /** What the charts show, e.g. "FunctionName orders" or "Resource orders:live" (the CloudWatch dimensions). */
    public String scope() {
        String q = qualifier.get();
        return q == null ? "FunctionName " + function : "Resource " + function + ":" + q;
    }

    /** Reads the charts again (a read asked for while one runs happens once after it). */
    public void refresh() {
        if (closed) return;
        if (loading) {
            again = true;
            return;
        }
        loading = true;
        MetricsRange r = range.get();
        String q = qualifier.get();
        Instant end = clock.instant();
        tasks.run(() -> load(r, q, end)).onSuccess(loaded -> {
            message.set("");
            charts.setAll(loaded);
        }).onFailure(e -> message.set("Could not read the metrics: " + TaskRunner.describe(e))).andFinally(() -> {
            loading = false;
            if (again && !closed) {
                again = false;
                refresh();
            }
        });
    }

    /** The charts over {@code range} ending at {@code end} (blocking: runs on a background thread). */
    /** The charts of {@code qualifier}'s Resource dimension (null: the function) over {@code range} to {@code end}. */
    List<MetricChart> load(MetricsRange range, String qualifier, Instant end) {
        long period = range.period().toMillis();
        Instant to = Instant.ofEpochMilli((end.toEpochMilli() / period + 1) * period);
        Instant from = to.minus(range.length());
        Query q = new Query(from, to, range, qualifier == null ? null : function + ":" + qualifier);
        List<MetricChart> out = new ArrayList<>();
        MetricChart.Line invocations = q.line("Invocations", LambdaMetric.Invocations, Datapoint::sum, true);
        out.add(q.chart("Invocations", "Invocations", "Count", List.of(invocations), "Total " + count(total(invocations))));
        MetricChart.Line min = q.line("Minimum", LambdaMetric.Duration, Datapoint::minimum, false);
        MetricChart.Line avg = q.line("Average", LambdaMetric.Duration, Datapoint::average, false);
        MetricChart.Line max = q.line("Maximum", LambdaMetric.Duration, Datapoint::maximum, false);
        List<Datapoint> all = q.points(LambdaMetric.Duration, java.time.Duration.ofMillis(to.toEpochMilli() - from.toEpochMilli()));
        out.add(q.chart("Duration", "Duration", "Milliseconds", List.of(min, avg, max), all.isEmpty() ? "No invocations"
                : "Average " + ms(all.get(0).average()) + ", max " + ms(all.get(0).maximum())));
        MetricChart.Line errors = q.line("Errors", LambdaMetric.Errors, Datapoint::sum, true);
        MetricChart.Line rate = successRate(invocations, errors);
        double calls = total(invocations);
        out.add(q.chart("Errors", "Error count and success rate (%)", "Count", List.of(errors, rate),
                "Errors " + count(total(errors)) + (calls == 0 ? "" : ", success rate "
                        + percent(100 - 100 * total(errors) / Math.max(total(errors), calls)))));
        MetricChart.Line throttles = q.line("Throttles", LambdaMetric.Throttles, Datapoint::sum, true);
        out.add(q.chart("Throttles", "Throttles", "Count", List.of(throttles), "Total " + count(total(throttles))));
        MetricChart.Line deadLetter = q.line("DeadLetterErrors", LambdaMetric.DeadLetterErrors, Datapoint::sum, true);
        MetricChart.Line destinations = q.line("DestinationDeliveryFailures", LambdaMetric.DestinationDeliveryFailures,
                Datapoint::sum, true);
        out.add(q.chart("AsyncDeliveryFailures", "Async delivery failures", "Count", List.of(deadLetter, destinations),
                "Total " + count(total(deadLetter) + total(destinations))));
        MetricChart.Line age = q.line("Maximum", LambdaMetric.IteratorAge, Datapoint::maximum, false);
        out.add(q.chart("IteratorAge", "Iterator age", "Milliseconds", List.of(age),
                age.size() == 0 ? "No stream batches" : "Max " + ms(max(age))));
        MetricChart.Line concurrency = q.line("Maximum", LambdaMetric.ConcurrentExecutions, Datapoint::maximum, false);
        out.add(q.chart("ConcurrentExecutions", "Concurrent executions", "Count", List.of(concurrency),
                "Max " + count(max(concurrency))));
        return out;
    }

    /** One range's reads for this function. */
    private final class Query {
        final Instant from;
        final Instant to;
        final MetricsRange range;
        final String resource;

        Query(Instant from, Instant to, MetricsRange range, String resource) {
            this.from = from;
            this.to = to;
            this.range = range;
            this.resource = resource;
        }

        List<Datapoint> points(LambdaMetric metric, java.time.Duration period) {
            MetricSeries series = resource == null ? MetricSeries.function(metric, function)
                    : new MetricSeries(metric, function, resource, null);
            return metrics.statistics(series, from, to, period, List.of());
        }

        /** A line of one statistic per period; counts are 0 in periods without samples (as a count is). */
        MetricChart.Line line(String name, LambdaMetric metric, Function<Datapoint, Double> stat, boolean zeros) {
            List<Datapoint> points = points(metric, range.period());
            long period = range.period().toMillis();
            if (!zeros) {
                double[] xs = new double[points.size()];
                double[] ys = new double[points.size()];
                for (int i = 0; i < points.size(); i++) {
                    xs[i] = points.get(i).timestampMs();
                    ys[i] = stat.apply(points.get(i));
                }
                return new MetricChart.Line(name, xs, ys);
            }
            int n = (int) ((to.toEpochMilli() - from.toEpochMilli()) / period);
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) xs[i] = from.toEpochMilli() + (long) i * period;
            for (Datapoint d : points) {
                int i = (int) ((d.timestampMs() - from.toEpochMilli()) / period);
                if (i >= 0 && i < n) ys[i] = stat.apply(d);
            }
            return new MetricChart.Line(name, xs, ys);
        }

        MetricChart chart(String id, String title, String unit, List<MetricChart.Line> lines, String caption) {
            return new MetricChart(id, title, unit, from.toEpochMilli(), to.toEpochMilli(), lines, caption);
        }
    }

    /** 100 − 100 × Errors / max(Errors, Invocations) in the periods that had invocations (the console's formula). */
    static MetricChart.Line successRate(MetricChart.Line invocations, MetricChart.Line errors) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < invocations.size(); i++) {
            double calls = invocations.ys()[i];
            double failed = errors.ys()[i];
            if (calls > 0 || failed > 0) kept.add(new double[] {invocations.xs()[i], 100 - 100 * failed / Math.max(failed, calls)});
        }
        return new MetricChart.Line("Success rate (%)", kept.stream().mapToDouble(p -> p[0]).toArray(),
                kept.stream().mapToDouble(p -> p[1]).toArray());
    }

    /**
     * What the pointer at time {@code x} shows: the period under it and each line's value there, e.g.
     * "Dec 4 10:05 · Invocations 7"; empty when no line has a point near it.
     */
    public String valueAt(MetricChart chart, double x) {
        long period = range.get().period().toMillis();
        StringBuilder b = new StringBuilder();
        double shownAt = Double.NaN;
        for (MetricChart.Line line : chart.lines()) {
            int nearest = -1;
            for (int i = 0; i < line.size(); i++) {
                if (nearest < 0 || Math.abs(line.xs()[i] - x) < Math.abs(line.xs()[nearest] - x)) nearest = i;
            }
            if (nearest < 0 || Math.abs(line.xs()[nearest] - x) > period) continue;
            if (Double.isNaN(shownAt)) {
                shownAt = line.xs()[nearest];
                b.append(TIME.format(Instant.ofEpochMilli((long) shownAt).atZone(zone)));
            }
            b.append(" · ").append(line.name()).append(' ').append(format(chart.unit(), line.name(), line.ys()[nearest]));
        }
        return b.toString();
    }

    private static String format(String unit, String line, double v) {
        if (line.startsWith("Success")) return percent(v);
        return unit.equals("Milliseconds") ? ms(v) : count(v);
    }

    static double total(MetricChart.Line line) {
        double sum = 0;
        for (double y : line.ys()) sum += y;
        return sum;
    }

    static double max(MetricChart.Line line) {
        double max = 0;
        for (double y : line.ys()) max = Math.max(max, y);
        return max;
    }

    static String count(double v) {
        return v == Math.rint(v) ? String.format(Locale.ENGLISH, "%,d", (long) v) : String.format(Locale.ENGLISH, "%.2f", v);
    }

    static String ms(double v) { return String.format(Locale.ENGLISH, "%.2f ms", v); }

    static String percent(double v) { return String.format(Locale.ENGLISH, "%.1f %%", v); }

    @Override
    public void close() {
        closed = true;
        unsubscribe.run();
    }
}
