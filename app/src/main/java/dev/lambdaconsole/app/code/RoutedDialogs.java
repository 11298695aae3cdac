package dev.lambdaconsole.app.code;

import dev.lambdaconsole.editor.files.AlertDialogs;
import dev.lambdaconsole.editor.files.CloseConfirmation;
import dev.lambdaconsole.editor.files.FileDialogs;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The editor's questions go to the usual dialogs; its error reports go to the Code tab (a failed save must stop
 * a deploy that waits for it, and shows in the tab's status rather than in a modal box).
 */
final class RoutedDialogs implements FileDialogs, CloseConfirmation {
    private final AlertDialogs alerts = new AlertDialogs();
    private final Consumer<String> errors;

    RoutedDialogs(Consumer<String> errors) {
        this.errors = errors;
    }

    @Override
    public Optional<String> askName(String title, String initialName) { return alerts.askName(title, initialName); }

    @Override
    public boolean confirmDelete(Path path) { return alerts.confirmDelete(path); }

    @Override
    public void showError(String message) { errors.accept(message); }

    @Override
    public Decision confirmClose(Path file) { return alerts.confirmClose(file); }

    @Override
    public boolean confirmReload(Path file) { return alerts.confirmReload(file); }
}
