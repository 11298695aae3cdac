package dev.lambdaconsole.editor.files;

import java.nio.file.Path;

/** Asked before a tab with unsaved changes closes; tests answer it directly. */
@FunctionalInterface
public interface CloseConfirmation {

    enum Decision { SAVE, DISCARD, CANCEL }

    Decision confirmClose(Path file);
}
