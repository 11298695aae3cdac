package dev.lambdaconsole.editor.files;

import java.nio.file.Path;

/**
 * Asked before a tab with unsaved changes closes, and before a tab with unsaved changes is replaced
 * by a newer version of its file from disk; tests answer it directly.
 */
@FunctionalInterface
public interface CloseConfirmation {

    enum Decision { SAVE, DISCARD, CANCEL }

    Decision confirmClose(Path file);

    /**
     * The file changed on disk while its tab has unsaved changes: true to reload it (losing the
     * changes), false to keep the editor's text. By default the user's text is kept.
     */
    default boolean confirmReload(Path file) {
        return false;
    }
}
