package dev.lambdaconsole.editor.files;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the file tree asks the user; tests answer them directly. */
public interface FileDialogs {

    /** A name for a new or renamed entry; empty when cancelled. */
    Optional<String> askName(String title, String initialName);

    boolean confirmDelete(Path path);

    void showError(String message);
}
