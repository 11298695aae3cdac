package dev.lambdaconsole.app.services;

import dev.lambdaconsole.app.common.Confirmations;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

/** The Services page's dialogs as windows: an alert to confirm, the platform's file choosers. */
public final class FxServiceDialogs implements ServiceDialogs {
    private final Node owner;

    public FxServiceDialogs(Node owner) { this.owner = owner; }

    private Window window() { return owner.getScene() == null ? null : owner.getScene().getWindow(); }

    @Override
    public boolean confirm(String title, String message, String action) {
        return Confirmations.confirm(owner, title, message, action);
    }

    @Override
    public List<Path> chooseFiles(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        List<File> files = chooser.showOpenMultipleDialog(window());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    @Override
    public Path chooseSaveTarget(String title, String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggested);
        File file = chooser.showSaveDialog(window());
        return file == null ? null : file.toPath();
    }
}
