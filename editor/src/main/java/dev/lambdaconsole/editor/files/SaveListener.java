package dev.lambdaconsole.editor.files;

import java.nio.file.Path;

/** Told on the FX thread after a file was saved, with the text that was written. */
@FunctionalInterface
public interface SaveListener {

    void saved(Path file, String text);
}
