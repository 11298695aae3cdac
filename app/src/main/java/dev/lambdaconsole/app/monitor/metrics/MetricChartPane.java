package dev.lambdaconsole.app.monitor.metrics;

import atlantafx.base.theme.Styles;
import javafx.geometry.Point2D;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * One metric chart: title, caption, the value under the pointer, and a line chart drawn from at most two points per
 * pixel of its width ({@link Downsample}), so 100,000 points redraw as fast as a few hundred.
 */
public final class MetricChartPane extends VBox {
    private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final Label title = new Label();
    private final Label caption = new Label();
    private final Label hover = new Label();
    private MetricChart shown;

    public MetricChartPane(String id, BiFunction<MetricChart, Double, String> valueAt) {
        setId("metricsPane-" + id);
        getStyleClass().add("metric-chart");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        caption.setId("metricsCaption-" + id);
        caption.getStyleClass().add(Styles.TEXT_MUTED);
        hover.setId("metricsHover-" + id);
        hover.getStyleClass().add(Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, title, caption, spacer, hover);
        chart.setId("metricsChart-" + id);
        chart.setAnimated(false);
        chart.setCreateSymbols(false);
        chart.setLegendVisible(true);
        chart.setPrefHeight(220);
        chart.setMinHeight(160);
        x.setAutoRanging(false);
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        y.setForceZeroInRange(true);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number n) {
                return TICK.format(Instant.ofEpochMilli(n.longValue()).atZone(ZoneId.systemDefault()));
            }

            @Override public Number fromString(String s) { return 0; }
        });
        chart.setOnMouseMoved(e -> {
            if (shown == null) return;
            Point2D p = x.sceneToLocal(e.getSceneX(), e.getSceneY());
            Number at = x.getValueForDisplay(p.getX());
            hover.setText(at == null ? "" : valueAt.apply(shown, at.doubleValue()));
        });
        chart.setOnMouseExited(e -> hover.setText(""));
        chart.widthProperty().addListener((o, was, now) -> redraw());
        getChildren().addAll(head, chart);
        setSpacing(2);
        VBox.setVgrow(chart, Priority.ALWAYS);
    }

    public void show(MetricChart data) {
        shown = data;
        title.setText(data.title());
        caption.setText(data.caption());
        redraw();
    }

    /** Draws the lines over the plot's width; the series are reused so the chart keeps its colours and legend. */
    void redraw() {
        if (shown == null) return;
        x.setLowerBound(shown.fromMs());
        x.setUpperBound(shown.toMs());
        x.setTickUnit(Math.max(60_000, (shown.toMs() - shown.fromMs()) / 6.0));
        y.setLabel(shown.unit());
        double plot = x.getWidth() > 0 ? x.getWidth() : chart.getWidth() > 0 ? chart.getWidth() : 600;
        int pixels = (int) Math.max(100, plot); // one bucket per pixel of the plot
        List<XYChart.Series<Number, Number>> series = chart.getData();
        while (series.size() > shown.lines().size()) series.remove(series.size() - 1);
        for (int i = 0; i < shown.lines().size(); i++) {
            MetricChart.Line line = shown.lines().get(i);
            double[][] kept = Downsample.minMax(line.xs(), line.ys(), shown.fromMs(), shown.toMs(), pixels);
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(kept[0].length);
            for (int k = 0; k < kept[0].length; k++) data.add(new XYChart.Data<>(kept[0][k], kept[1][k]));
            if (i < series.size()) {
                series.get(i).setName(line.name());
                series.get(i).getData().setAll(data);
            } else {
                XYChart.Series<Number, Number> s = new XYChart.Series<>();
                s.setName(line.name());
                s.getData().setAll(data);
                series.add(s);
            }
        }
    }

    LineChart<Number, Number> chart() { return chart; }
}
