package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.app.common.Confirmations;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Optional;

/** The Versions and Aliases tabs' dialogs as windows owned by the console's. */
public final class FxVersionDialogs implements VersionDialogs {
    private final Node owner;

    public FxVersionDialogs(Node owner) { this.owner = owner; }

    private Window window() { return owner.getScene() == null ? null : owner.getScene().getWindow(); }

    @Override
    public boolean confirm(String title, String message, String action) {
        return Confirmations.confirm(owner, title, message, action);
    }

    @Override
    public Optional<String> askVersionDescription(String function) {
        ButtonType publish = new ButtonType("Publish", ButtonBar.ButtonData.OK_DONE);
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Publish new version");
        dialog.setHeaderText("Publish a new version of " + function + " from $LATEST");
        TextField description = new TextField();
        description.setId("versionDescriptionField");
        description.setPromptText("Version description (optional)");
        Label hint = new Label("A version is a snapshot of $LATEST's code and configuration that never changes. "
                + "Without a description it keeps the function's. If nothing changed since the last version, no new "
                + "one is published.");
        hint.setWrapText(true);
        hint.setPrefWidth(440);
        VBox content = new VBox(8, new Label("Version description"), description, hint);
        content.setPadding(new Insets(8, 0, 0, 0));
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().addAll(publish, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(publish).setId("publishVersionConfirmButton");
        dialog.setResultConverter(b -> b == publish ? description.getText() : null);
        dialog.initOwner(window());
        dialog.setOnShown(e -> description.requestFocus());
        return dialog.showAndWait();
    }

    @Override
    public Optional<Alias> editAlias(AliasEditorViewModel editor) {
        return new AliasEditorDialog(editor, window()).showAndWait();
    }
}
