package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.function.Consumer;

import static dev.lambdaconsole.app.common.Columns.column;

/**
 * Monitor's Traces sub-tab: the recent invocations' traces (trace id, start, duration, total, cold or warm,
 * status) with filters for cold starts and errors, above the chosen trace's timeline and a way to its logs.
 */
public final class TracesView extends BorderPane {
    private final TracesViewModel vm;
    private final TableView<TraceRow> table;
    private final TimelinePane timeline = new TimelinePane();
    private boolean syncing;

    /** @param showLogs opens an invocation's log events (by request id) in the Invocations and logs sub-tab */
    public TracesView(TracesViewModel vm, Consumer<String> showLogs) {
        this.vm = vm;
        setId("tracesView");
        setPadding(new Insets(8, 0, 0, 0));
        table = table(vm);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> {
            if (!syncing) vm.selectedProperty().set(row);
        });
        vm.selectedProperty().addListener((o, was, row) -> {
            syncing = true;
            try {
                if (row == null) table.getSelectionModel().clearSelection();
                else table.getSelectionModel().select(row);
            } finally {
                syncing = false;
            }
        });
        vm.timelineProperty().addListener((o, was, now) -> timeline.show(now));

        CheckBox cold = new CheckBox("Cold starts only");
        cold.setId("tracesColdOnly");
        cold.selectedProperty().bindBidirectional(vm.coldOnlyProperty());
        CheckBox errors = new CheckBox("Errors only");
        errors.setId("tracesErrorsOnly");
        errors.selectedProperty().bindBidirectional(vm.errorsOnlyProperty());
        Label count = new Label();
        count.setId("tracesCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(vm.countProperty());
        HBox filters = new HBox(16, cold, errors, count);
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPadding(new Insets(0, 0, 6, 0));

        Label unrecorded = new Label();
        unrecorded.setId("traceUnrecorded");
        unrecorded.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        unrecorded.setWrapText(true);
        unrecorded.textProperty().bind(vm.unrecordedProperty());
        Button logs = new Button("Show logs", new FontIcon(Feather.FILE_TEXT));
        logs.setId("traceShowLogsButton");
        logs.getStyleClass().add(Styles.SMALL);
        logs.setTooltip(new Tooltip("Open this invocation's log events in Invocations and logs"));
        logs.disableProperty().bind(vm.timelineProperty().isNull());
        logs.setOnAction(e -> {
            TraceTimeline t = vm.timelineProperty().get();
            if (t != null) showLogs.accept(t.requestId());
        });
        BorderPane detail = new BorderPane(timeline);
        detail.setRight(logs);
        detail.setBottom(unrecorded);
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        scroll.setPadding(new Insets(0, 8, 0, 0));
        BorderPane list = new BorderPane(table);
        list.setTop(filters);
        SplitPane split = new SplitPane(list, scroll);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        setCenter(split);
    }

    public TracesViewModel viewModel() { return vm; }

    private static TableView<TraceRow> table(TracesViewModel vm) {
        TableView<TraceRow> table = new TableView<>(vm.traces());
        table.setId("tracesTable");
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No traces match: run a test or call the function, or clear the filters."));
        table.getColumns().add(column("Trace ID", 300, TraceRow::traceId));
        table.getColumns().add(column("Start", 170, TraceRow::start));
        table.getColumns().add(column("Duration", 90, TraceRow::duration));
        table.getColumns().add(column("Trace total", 100, TraceRow::total));
        table.getColumns().add(column("Start type", 80, TraceRow::startType));
        TableColumn<TraceRow, String> status = column("Status", 140, TraceRow::status);
        status.setCellFactory(c -> new StatusCell());
        table.getColumns().add(status);
        return table;
    }


    private static final class StatusCell extends TableCell<TraceRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            TraceRow row = empty ? null : getTableRow().getItem();
            setText(empty ? null : item);
            setStyle(row == null ? null : row.failed() ? "-fx-text-fill: -color-danger-fg;" : "-fx-text-fill: -color-success-fg;");
        }
    }

    /** Stops following the Monitor's invocations. */
    public void close() { vm.close(); }
}
