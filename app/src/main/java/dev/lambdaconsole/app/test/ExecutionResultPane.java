package dev.lambdaconsole.app.test;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "Execution result" panel of the Test tab: a green or red header, the response, the summary of the
 * REPORT line (request id, durations, memory, init duration with the cold start marked), the invocation's
 * estimated price and the log.
 */
final class ExecutionResultPane extends VBox {
    static final String MONOSPACE = "-fx-font-family: monospace;";

    private final Message header = new Message();
    private final Label placeholder = new Label("Invoke the function to see its response, the REPORT figures "
            + "(duration, billed duration, memory, init duration) and the log of that invocation.");
    private final TextArea response = readOnlyText("responseArea");
    private final TextArea log = readOnlyText("logOutputArea");
    private final Label requestId = value("requestIdLabel");
    private final Label duration = value("durationLabel");
    private final Label billed = value("billedDurationLabel");
    private final Label memory = value("memorySizeLabel");
    private final Label maxMemory = value("maxMemoryLabel");
    private final Label init = value("initDurationLabel");
    private final Label cost = value("costLabel");
    private final Tooltip costTip = new Tooltip();
    private final VBox details;

    ExecutionResultPane() {
        setSpacing(10);
        setPadding(new Insets(12));
        header.setId("resultHeader");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        SplitPane outputs = new SplitPane(section("Response", response), section("Log output", log));
        outputs.setOrientation(javafx.geometry.Orientation.VERTICAL);
        outputs.setDividerPositions(0.4);
        VBox.setVgrow(outputs, Priority.ALWAYS);
        details = new VBox(10, summary(), outputs);
        VBox.setVgrow(details, Priority.ALWAYS);
        show(null);
    }

    /** Shows an outcome; null shows the placeholder. */
    void show(ExecutionResult result) {
        boolean none = result == null;
        boolean ran = !none && result.ran();
        getChildren().setAll(none ? placeholder : header);
        if (ran) getChildren().add(details);
        if (none) return;
        header.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING, Styles.ACCENT);
        header.getStyleClass().add(switch (result.outcome()) {
            case SUCCEEDED -> Styles.SUCCESS;
            case FAILED -> Styles.DANGER;
            case REFUSED -> Styles.WARNING;
            case QUEUED -> Styles.ACCENT;
        });
        header.setGraphic(new FontIcon(switch (result.outcome()) {
            case SUCCEEDED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case REFUSED -> Feather.SLASH;
            case QUEUED -> Feather.CLOCK;
        }));
        header.setTitle(result.headline());
        header.setDescription(ran ? "The response, the REPORT figures and the log of request " + result.requestId()
                + " are below." : result.response());
        response.setText(ran ? result.response() : "");
        log.setText(ran ? result.log() : "");
        requestId.setText(result.requestId());
        duration.setText(result.duration());
        billed.setText(result.billedDuration());
        memory.setText(result.memorySize());
        maxMemory.setText(result.maxMemoryUsed());
        cost.setText(result.cost());
        costTip.setText(result.costDetail());
        cost.setTooltip(result.costDetail().isEmpty() ? null : costTip);
        init.setText(!ran ? "" : result.coldStart() ? result.initDuration() + " (cold start)"
                : "none (warm start: the environment was reused)");
    }

    private Node summary() {
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(6);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the request id"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(requestId.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        addPair(grid, 0, 0, "Request ID", new HBox(4, requestId, copy));
        addPair(grid, 0, 1, "Init duration", init);
        addPair(grid, 1, 0, "Duration", duration);
        addPair(grid, 1, 1, "Billed duration", billed);
        addPair(grid, 2, 0, "Resources configured", memory);
        addPair(grid, 2, 1, "Max memory used", maxMemory);
        cost.setWrapText(true);
        cost.setMaxWidth(420);
        addPair(grid, 3, 0, "Estimated cost", cost); // beside the figures: the outputs below keep their room
        GridPane.setRowSpan(cost.getParent(), 2);
        Label title = new Label("Summary");
        title.getStyleClass().add(Styles.TEXT_BOLD);
        return new VBox(6, title, grid);
    }

    private static void addPair(GridPane grid, int column, int row, String caption, Node value) {
        Label label = new Label(caption);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(new VBox(2, label, value), column, row);
    }

    private static Node section(String title, TextArea area) {
        Label label = new Label(title);
        label.getStyleClass().add(Styles.TEXT_BOLD);
        VBox.setVgrow(area, Priority.ALWAYS);
        VBox box = new VBox(6, label, area);
        box.setPadding(new Insets(0, 4, 0, 4));
        return box;
    }

    private static TextArea readOnlyText(String id) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(false);
        area.setPrefRowCount(6);
        area.setMinHeight(60);
        area.setStyle(MONOSPACE);
        return area;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        return label;
    }
}
