package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A trace drawn as X-Ray draws one: a row per segment (name indented by depth, origin), a bar placed and sized in
 * proportion to the whole trace, and its duration; hovering a bar tells where it starts and ends.
 */
final class TimelinePane extends VBox {
    private final Label heading = new Label();
    private final Label ids = new Label();
    private final GridPane rows = new GridPane();

    TimelinePane() {
        setId("traceTimeline");
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));
        heading.setId("traceHeading");
        heading.getStyleClass().add(Styles.TEXT_BOLD);
        ids.setId("traceIds");
        ids.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ids.setWrapText(true);
        rows.setHgap(12);
        rows.setVgap(6);
        ColumnConstraints name = new ColumnConstraints(220);
        ColumnConstraints origin = new ColumnConstraints(170);
        ColumnConstraints track = new ColumnConstraints(200, 600, Double.MAX_VALUE);
        track.setHgrow(Priority.ALWAYS);
        ColumnConstraints duration = new ColumnConstraints(90);
        rows.getColumnConstraints().setAll(name, origin, track, duration);
        getChildren().setAll(heading, ids, rows);
        show(null);
    }

    void show(TraceTimeline t) {
        rows.getChildren().clear();
        if (t == null) {
            heading.setText("Choose a trace to see its timeline.");
            ids.setText("");
            return;
        }
        heading.setText("Timeline: " + TraceSegment.ms(t.totalMs()) + " in all");
        ids.setText((t.traceId().isEmpty() ? "No trace id recorded" : "Trace " + t.traceId())
                + " · request " + t.requestId());
        int row = 0;
        rows.addRow(row++, caption("Segment"), caption("Origin"), scale(t), caption("Duration"));
        for (TraceSegment s : t.segments()) {
            Label name = new Label(s.name());
            name.getStyleClass().add("trace-segment-name");
            name.setPadding(new Insets(0, 0, 0, 16 * s.depth()));
            if (s.depth() < 2) name.getStyleClass().add(Styles.TEXT_BOLD);
            Label origin = new Label(s.origin());
            origin.getStyleClass().add(Styles.TEXT_MUTED);
            Label duration = new Label(s.duration());
            duration.getStyleClass().add("trace-segment-duration");
            rows.addRow(row++, name, origin, track(t, s), duration);
        }
    }

    /** The bar of one segment on a track as wide as the column. */
    private static Pane track(TraceTimeline t, TraceSegment s) {
        Pane track = new Pane();
        track.setMinHeight(16);
        track.setPrefHeight(16);
        track.setMinWidth(0);
        Region bar = new Region();
        bar.getStyleClass().add("trace-bar");
        bar.setUserData(s);
        bar.setStyle("-fx-background-radius: 3; -fx-background-color: " + colour(s) + ";");
        bar.setPrefHeight(16);
        bar.layoutXProperty().bind(track.widthProperty().multiply(t.offset(s)));
        bar.prefWidthProperty().bind(Bindings.max(2, track.widthProperty().multiply(t.width(s))));
        Tooltip tip = new Tooltip(s.tooltip() + (s.failed() ? " Failed." : ""));
        tip.setShowDelay(Duration.millis(150));
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        Tooltip.install(bar, tip);
        track.getChildren().add(bar);
        return track;
    }

    private static String colour(TraceSegment s) {
        if (s.failed()) return "-color-danger-emphasis";
        return switch (s.kind()) {
            case SERVICE -> "-color-neutral-emphasis";
            case FUNCTION -> "-color-accent-muted";
            case PLATFORM -> "-color-warning-emphasis";
            case INITIALIZATION -> "-color-accent-emphasis";
            case INVOCATION -> "-color-success-emphasis";
            case OVERHEAD -> "-color-fg-muted";
        };
    }

    private static HBox scale(TraceTimeline t) {
        Label zero = caption("0 ms");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox scale = new HBox(zero, spacer, caption(TraceSegment.ms(t.totalMs())));
        scale.setAlignment(Pos.CENTER_LEFT);
        return scale;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }
}
