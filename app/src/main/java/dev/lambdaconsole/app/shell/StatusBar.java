package dev.lambdaconsole.app.shell;

import dev.lambdaconsole.app.common.ProgressBoard;

import atlantafx.base.theme.Styles;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom bar: which engine runs, where the Lambda endpoint listens (with copy), and long work in flight. */
final class StatusBar extends HBox {
    private final HBox progressArea = new HBox(12);

    StatusBar(ShellViewModel shell, ProgressBoard progress) {
        super(12);
        setId("statusBar");
        setPadding(new Insets(4, 12, 4, 12));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");

        Label engine = new Label();
        engine.setId("engineStatus");
        engine.setGraphic(new FontIcon(Feather.CPU));
        engine.textProperty().bind(shell.engineTextProperty());
        engine.setTooltip(new Tooltip());
        engine.getTooltip().textProperty().bind(shell.engineTextProperty());
        engine.setMinWidth(120);

        Label endpoint = new Label();
        endpoint.setId("endpointStatus");
        endpoint.setGraphic(new FontIcon(Feather.LINK));
        endpoint.textProperty().bind(shell.endpointUrlProperty().map(u -> u.isEmpty() ? "" : "Endpoint " + u));
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.setId("copyEndpointButton");
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        copy.setTooltip(new Tooltip("Copy the endpoint for --endpoint-url"));
        copy.visibleProperty().bind(shell.endpointUrlProperty().isNotEmpty());
        copy.setOnAction(e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(shell.endpointUrlProperty().get());
            Clipboard.getSystemClipboard().setContent(c);
        });

        progressArea.setId("progressArea");
        progressArea.setAlignment(Pos.CENTER_RIGHT);
        progress.entries().addListener((ListChangeListener<ProgressBoard.Entry>) c -> rebuild(progress));
        rebuild(progress);

        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(engine, Priority.SOMETIMES);
        getChildren().addAll(engine, endpoint, copy, gap, progressArea);
    }

    private void rebuild(ProgressBoard progress) {
        progressArea.getChildren().clear();
        for (ProgressBoard.Entry e : progress.entries()) {
            Label label = new Label();
            label.textProperty().bind(e.detailProperty().map(d -> d.isEmpty() ? e.task() : e.task() + ": " + d));
            label.setMaxWidth(420);
            ProgressBar bar = new ProgressBar();
            bar.setPrefWidth(120);
            bar.progressProperty().bind(e.fractionProperty());
            HBox item = new HBox(6, label, bar);
            item.setAlignment(Pos.CENTER_RIGHT);
            item.getStyleClass().add("progress-entry");
            progressArea.getChildren().add(item);
        }
    }
}
