package dev.lambdaconsole.app.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/** The console's confirmation alert: a titled question with one action button and Cancel. */
public final class Confirmations {
    private Confirmations() { }

    /** Asks, in a window owned by {@code owner}'s; true when {@code action} was chosen. Call on the FX thread. */
    public static boolean confirm(Node owner, String title, String message, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, go, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
        return alert.showAndWait().filter(go::equals).isPresent();
    }
}
