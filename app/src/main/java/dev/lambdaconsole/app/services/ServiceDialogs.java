package dev.lambdaconsole.app.services;

import java.nio.file.Path;
import java.util.List;

/** The dialogs of the Services page, behind one seam so tests answer them. */
public interface ServiceDialogs {
    /** Asks before something that cannot be undone; true to go ahead. */
    boolean confirm(String title, String message, String action);

    /** Files to upload; empty when cancelled. */
    List<Path> chooseFiles(String title);

    /** Where to save a download named {@code suggested}; null when cancelled. */
    Path chooseSaveTarget(String title, String suggested);
}
