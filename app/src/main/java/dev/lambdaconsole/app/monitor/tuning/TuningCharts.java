package dev.lambdaconsole.app.monitor.tuning;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Average duration and average cost per memory size, one chart each (JavaFX has no second value axis), one line
 * per architecture; the recommended point is drawn larger in the accent colour, every point has its value as a
 * tooltip. Redrawn from the rows whenever they change.
 */
final class TuningCharts extends VBox {
    private static final javafx.css.PseudoClass RECOMMENDED = javafx.css.PseudoClass.getPseudoClass("recommended");
    private LineChart<String, Number> duration;
    private LineChart<String, Number> cost;
    private List<String> categories;

    TuningCharts(ObservableList<VariantRow> rows) {
        super(8);
        rows.addListener((ListChangeListener<VariantRow>) c -> redraw(List.copyOf(rows)));
        redraw(List.copyOf(rows));
    }

    private static LineChart<String, Number> chart(String title, String id, List<String> categories) {
        CategoryAxis x = new CategoryAxis(javafx.collections.FXCollections.observableArrayList(categories));
        x.setLabel("Memory");
        x.setAutoRanging(false);
        x.setAnimated(false);
        NumberAxis y = new NumberAxis();
        y.setAnimated(false);
        y.setForceZeroInRange(true);
        LineChart<String, Number> chart = new LineChart<>(x, y);
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setMinHeight(180);
        VBox.setVgrow(chart, javafx.scene.layout.Priority.ALWAYS);
        return chart;
    }

    private void redraw(List<VariantRow> rows) {
        List<String> sizes = rows.stream().map(VariantRow::memoryMb).distinct().sorted().map(m -> m + " MB").toList();
        if (!sizes.equals(categories)) {
            // new sizes: new charts (a category axis whose categories change keeps stale tick labels)
            categories = sizes;
            duration = chart("Average duration (ms)", "tuningDurationChart", sizes);
            cost = chart("Average cost per invocation (USD, duration price)", "tuningCostChart", sizes);
            getChildren().setAll(duration, cost);
        }
        fill(duration, rows, VariantRow::averageDurationMs, VariantRow::duration);
        fill(cost, rows, VariantRow::averageCostUsd, VariantRow::cost);
    }

    private static void fill(LineChart<String, Number> chart, List<VariantRow> rows, ToDoubleFunction<VariantRow> value,
                             java.util.function.Function<VariantRow, String> text) {
        Map<String, XYChart.Series<String, Number>> byArchitecture = new LinkedHashMap<>();
        for (VariantRow row : rows) {
            XYChart.Series<String, Number> series = byArchitecture.computeIfAbsent(row.architecture(), a -> {
                XYChart.Series<String, Number> s = new XYChart.Series<>();
                s.setName(a);
                return s;
            });
            XYChart.Data<String, Number> point = new XYChart.Data<>(row.memoryLabel(), value.applyAsDouble(row));
            point.nodeProperty().addListener((o, was, node) -> decorate(node, row, text.apply(row)));
            series.getData().add(point);
        }
        chart.getData().setAll(byArchitecture.values());
    }

    private static void decorate(Node node, VariantRow row, String text) {
        if (node == null) return;
        Tooltip.install(node, new Tooltip(row.label() + ": " + text + (row.recommended() ? " (recommended)" : "")));
        // the chart sets the symbol's style classes after this: the highlight is a pseudo-class and an id
        node.pseudoClassStateChanged(RECOMMENDED, row.recommended());
        if (row.recommended()) node.setId("tuningRecommendedPoint");
    }
}
