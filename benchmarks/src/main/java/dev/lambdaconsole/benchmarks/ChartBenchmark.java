package dev.lambdaconsole.benchmarks;

import dev.lambdaconsole.app.monitor.metrics.MetricChart;
import dev.lambdaconsole.app.monitor.metrics.MetricChartPane;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A Metrics chart (800 × 300 px, the console's chart pane) redrawn with 100,000 points per line: new data in, CSS,
 * layout and a render of the scene (a snapshot), on the FX thread. Beside it, the same with 1,000 points (a baseline
 * without downsampling at work) and three lines of 100,000 (the Duration chart). Run under xvfb-run.
 */
public final class ChartBenchmark {
    private ChartBenchmark() { }

    public static void main(String[] args) throws Exception {
        int points = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf("Chart benchmark: %,d points; %s; prism %s%n", points, Stats.machine(),
                System.getProperty("prism.order", "default"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        Platform.setImplicitExit(false); // each run closes its window; the toolkit stays for the next
        started.get(30, TimeUnit.SECONDS);
        run("1 line of 1,000 points (baseline)", 1_000, 1);
        run("1 line of " + String.format(Locale.ROOT, "%,d", points) + " points", points, 1);
        run("3 lines of " + String.format(Locale.ROOT, "%,d", points) + " points", points, 3);
        Platform.exit();
    }

    private static void run(String what, int points, int lines) throws Exception {
        long[] runs = onFx(() -> {
            Stage stage = new Stage();
            MetricChartPane pane = new MetricChartPane("bench", (c, x) -> "");
            Scene scene = new Scene(pane, 800, 300);
            stage.setScene(scene);
            stage.show();
            long from = 1_700_000_000_000L;
            long to = from + 86_400_000L;
            long[] nanos = new long[60];
            for (int r = -20; r < nanos.length; r++) {
                MetricChart chart = chart(points, lines, from, to, r);
                long t = System.nanoTime();
                pane.show(chart);
                scene.getRoot().applyCss();
                scene.getRoot().layout();
                WritableImage image = scene.snapshot(null);
                if (image.getWidth() == 0) throw new IllegalStateException("nothing drawn");
                if (r >= 0) nanos[r] = System.nanoTime() - t;
            }
            stage.close();
            return nanos;
        });
        System.out.printf(Locale.ROOT, "%-32s redraw %s%n", what, Stats.of(runs));
    }

    private static MetricChart chart(int points, int lines, long from, long to, int seed) {
        List<MetricChart.Line> out = new java.util.ArrayList<>();
        for (int l = 0; l < lines; l++) {
            double[] xs = new double[points];
            double[] ys = new double[points];
            for (int i = 0; i < points; i++) {
                xs[i] = from + (double) (to - from) * i / points;
                ys[i] = 50 + 40 * Math.sin((i + seed * 37 + l * 1000) / 700.0) + (i * 7919 % 13);
            }
            out.add(new MetricChart.Line("line " + l, xs, ys));
        }
        return new MetricChart("bench", "Bench", "Milliseconds", from, to, out, "");
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(10, TimeUnit.MINUTES);
    }
}
