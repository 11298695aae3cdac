package dev.lambdaconsole.editor.files;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;

/** The real dialogs behind {@link CloseConfirmation} and {@link FileDialogs}. */
public final class AlertDialogs implements CloseConfirmation, FileDialogs {

    @Override
    public Decision confirmClose(Path file) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Save changes to " + file.getFileName() + "?",
                save, discard, ButtonType.CANCEL);
        alert.setHeaderText("Unsaved changes");
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? Decision.SAVE : answer == discard ? Decision.DISCARD : Decision.CANCEL;
    }

    @Override
    public boolean confirmReload(Path file) {
        ButtonType reload = new ButtonType("Reload", ButtonBar.ButtonData.YES);
        ButtonType keep = new ButtonType("Keep my changes", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, file.getFileName()
                + " changed on disk. Reload it and lose your unsaved changes?", reload, keep);
        alert.setHeaderText("File changed on disk");
        return alert.showAndWait().filter(reload::equals).isPresent();
    }

    @Override
    public Optional<String> askName(String title, String initialName) {
        TextInputDialog dialog = new TextInputDialog(initialName);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        return dialog.showAndWait().map(String::strip).filter(name -> !name.isEmpty());
    }

    @Override
    public boolean confirmDelete(Path path) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Delete " + path.getFileName() + "?",
                ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText("Delete");
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    @Override
    public void showError(String message) {
        new Alert(Alert.AlertType.ERROR, message, ButtonType.OK).showAndWait();
    }
}
