package dev.lambdaconsole.app.monitor;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.runtime.logs.LogEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;

/** One log event on one line: the local time, muted, then the message in a fixed-width font. */
final class LogCell extends ListCell<LogEvent> {
    private final Label time = new Label();
    private final Label message = new Label();
    private final HBox row = new HBox(12, time, message);

    LogCell() {
        time.getStyleClass().add(Styles.TEXT_MUTED);
        time.setMinWidth(175);
        message.setStyle("-fx-font-family: monospace;");
        getStyleClass().add("log-cell");
    }

    @Override
    protected void updateItem(LogEvent e, boolean empty) {
        super.updateItem(e, empty);
        setText(null);
        if (empty || getIndex() < 0) {
            setGraphic(null);
            return;
        }
        if (e == null) { // its page is on the way
            time.setText("");
            message.setText("…");
        } else {
            time.setText(LogLines.timestamp(e.timestamp()));
            message.setText(LogLines.oneLine(e.message()));
        }
        setGraphic(row);
    }
}
