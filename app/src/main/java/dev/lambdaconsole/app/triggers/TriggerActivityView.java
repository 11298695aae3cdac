package dev.lambdaconsole.app.triggers;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.lambdaconsole.app.common.ConsoleServices;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

import static dev.lambdaconsole.app.common.Columns.column;


/**
 * What one trigger delivered: a table (time, batch size, records, invocation, result, retries, iterator age,
 * duration; HTTP status for HTTP sources) above the chosen delivery's details (failed items, destination, error,
 * the event). New deliveries are taken in once per pulse of {@value #PULSE_MS} ms.
 */
public final class TriggerActivityView extends BorderPane {
    static final int PULSE_MS = 100;
    private final TriggerActivityViewModel vm;
    private final TableView<ActivityRow> table;
    private final TextArea details = new TextArea();
    private final Timeline pulse;

    public TriggerActivityView(ConsoleServices services, String function, String sourceArn, String kind) {
        this(new TriggerActivityViewModel(function, sourceArn, kind, services.simulators().activity(),
                services.tasks(), services.shell()::openInvocation));
    }

    public TriggerActivityView(TriggerActivityViewModel vm) {
        this.vm = vm;
        setId("triggerActivityView");
        getStyleClass().add("trigger-activity-view");
        setPadding(new Insets(12));
        table = table();
        details.setId("activityDetails");
        details.setEditable(false);
        details.setWrapText(false);
        details.getStyleClass().add("monospace");
        details.setStyle("-fx-font-family: monospace;");
        details.setPromptText("Choose a delivery to see its records, failed items, destination, error and event.");
        table.getSelectionModel().selectedItemProperty().addListener((o, was, row) -> showDetails(row));
        SplitPane split = new SplitPane(table, details);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        setTop(header());
        setCenter(split);
        pulse = new Timeline(new KeyFrame(Duration.millis(PULSE_MS), e -> {
            if (vm.drain()) showDetails(table.getSelectionModel().getSelectedItem());
        }));
        pulse.setCycleCount(Timeline.INDEFINITE);
        pulse.play();
        vm.start();
    }

    public TriggerActivityViewModel viewModel() { return vm; }

    private void showDetails(ActivityRow row) {
        details.setText(row == null ? "" : row.details());
    }

    private HBox header() {
        Label title = new Label("Activity of " + vm.kind().toUpperCase(java.util.Locale.ROOT) + " " + ActivityRow.name(vm.sourceArn()));
        title.getStyleClass().add(Styles.TITLE_4);
        title.setTooltip(new Tooltip(vm.sourceArn() + " → " + vm.function()));
        Label summary = new Label();
        summary.setId("activitySummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(vm.summaryProperty());
        Label message = new Label();
        message.getStyleClass().add(Styles.DANGER);
        message.textProperty().bind(vm.messageProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = new Button("Refresh", new FontIcon(Feather.REFRESH_CW));
        refresh.setId("activityRefreshButton");
        refresh.setTooltip(new Tooltip("Read the trigger's deliveries again"));
        refresh.setOnAction(e -> vm.refresh());
        HBox header = new HBox(12, title, summary, message, spacer, refresh);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(0, 0, 8, 0));
        return header;
    }

    private TableView<ActivityRow> table() {
        TableView<ActivityRow> t = new TableView<>(vm.rows());
        t.setId("activityTable");
        t.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE);
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        t.setPlaceholder(new Label("No deliveries yet: they appear here as " + vm.function() + " is triggered."));
        t.getColumns().add(column("Time", 160, ActivityRow::time));
        if (vm.batches()) t.getColumns().add(column("Batch", 55, ActivityRow::batchSize));
        t.getColumns().add(column("Records", 220, ActivityRow::records));
        TableColumn<ActivityRow, String> invocation = column("Invocation", 270, ActivityRow::requestId);
        invocation.setCellFactory(c -> new InvocationCell());
        t.getColumns().add(invocation);
        TableColumn<ActivityRow, String> result = column("Result", 260, ActivityRow::result);
        result.setCellFactory(c -> new ResultCell());
        t.getColumns().add(result);
        if (vm.http()) t.getColumns().add(column("HTTP", 55, ActivityRow::status));
        t.getColumns().add(column("Retries", 60, ActivityRow::retries));
        if (vm.batches()) t.getColumns().add(column("Iterator age", 90, ActivityRow::iteratorAge));
        t.getColumns().add(column("Duration", 90, ActivityRow::duration));
        return t;
    }


    /** The request id as a link to the invocation in Monitor. */
    private final class InvocationCell extends TableCell<ActivityRow, String> {
        private final Hyperlink link = new Hyperlink();

        InvocationCell() {
            link.getStyleClass().add("activity-invocation-link");
            link.setTooltip(new Tooltip("Open this invocation and its logs in Monitor"));
            link.setOnAction(e -> {
                ActivityRow row = getTableRow() == null ? null : getTableRow().getItem();
                vm.openInvocation(row);
                link.setVisited(false);
            });
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null || item.isEmpty()) {
                setGraphic(empty ? null : new Label("—"));
                return;
            }
            link.setText(item);
            setGraphic(link);
        }
    }

    /** The result in the theme's green, amber, red or muted grey. */
    private static final class ResultCell extends TableCell<ActivityRow, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            ActivityRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
            setText(empty ? null : item);
            getStyleClass().removeAll("activity-success", "activity-warning", "activity-danger", "activity-muted");
            if (row == null) {
                setStyle(null);
                return;
            }
            getStyleClass().add("activity-" + row.tone().name().toLowerCase(java.util.Locale.ROOT));
            setStyle(switch (row.tone()) {
                case SUCCESS -> "-fx-text-fill: -color-success-fg;";
                case WARNING -> "-fx-text-fill: -color-warning-fg;";
                case DANGER -> "-fx-text-fill: -color-danger-fg;";
                case MUTED -> "-fx-text-fill: -color-fg-muted;";
            });
        }
    }

    /** Stops the pulse and listening. */
    public void close() {
        pulse.stop();
        vm.close();
    }
}
