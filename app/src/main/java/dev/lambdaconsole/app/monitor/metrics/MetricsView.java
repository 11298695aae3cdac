package dev.lambdaconsole.app.monitor.metrics;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Monitor → Metrics: the function's CloudWatch-style charts in two columns under a time range picker; they follow
 * new invocations as the engine stores them, and show the values under the pointer.
 */
public final class MetricsView extends BorderPane {
    private final MetricsViewModel vm;
    private final Map<String, MetricChartPane> panes = new LinkedHashMap<>();
    private final GridPane grid = new GridPane();
    private final ListChangeListener<MetricChart> onCharts = c -> show();

    public MetricsView(ConsoleServices services, String function) {
        this(new MetricsViewModel(function, services.runtime().metrics(), services.tasks()));
    }

    MetricsView(MetricsViewModel vm) {
        this.vm = vm;
        setId("metricsView");
        setPadding(new Insets(8, 0, 0, 0));
        grid.setHgap(16);
        grid.setVgap(12);
        grid.setPadding(new Insets(4, 12, 12, 4));
        for (int i = 0; i < 2; i++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setPercentWidth(50);
            column.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(column);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        setTop(toolbar());
        setCenter(scroll);
        vm.charts().addListener(onCharts);
        vm.refresh();
    }

    public MetricsViewModel viewModel() { return vm; }

    private HBox toolbar() {
        ToggleGroup group = new ToggleGroup();
        HBox ranges = new HBox();
        ranges.getStyleClass().add("segmented-button");
        for (MetricsRange r : MetricsRange.values()) {
            ToggleButton b = new ToggleButton(r.label());
            b.setId("metricsRange-" + r.label());
            b.setToggleGroup(group);
            b.setUserData(r);
            b.setSelected(r == vm.rangeProperty().get());
            ranges.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) was.setSelected(true); // one range is always chosen
            else vm.rangeProperty().set((MetricsRange) now.getUserData());
        });
        Label scope = new Label(vm.scope());
        scope.setId("metricsScope");
        scope.getStyleClass().add(Styles.TEXT_MUTED);
        scope.setTooltip(new Tooltip("The CloudWatch dimensions charted: the whole function, or, with a version or "
                + "alias chosen above, what was invoked with that qualifier"));
        vm.qualifierProperty().addListener((o, was, now) -> scope.setText(vm.scope()));
        Label message = new Label();
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(vm.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("metricsRefreshButton");
        refresh.setTooltip(new Tooltip("Read the metrics again (they also follow new invocations)"));
        refresh.setOnAction(e -> vm.refresh());
        HBox bar = new HBox(12, new Label("Time range"), ranges, scope, message, spacer, refresh);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 12, 8, 4));
        return bar;
    }

    private void show() {
        int i = 0;
        for (MetricChart chart : vm.charts()) {
            MetricChartPane pane = panes.get(chart.id());
            if (pane == null) {
                pane = new MetricChartPane(chart.id(), vm::valueAt);
                panes.put(chart.id(), pane);
                grid.add(pane, i % 2, i / 2);
            }
            pane.show(chart);
            i++;
        }
    }

    public void close() {
        vm.charts().removeListener(onCharts);
        vm.close();
    }
}
