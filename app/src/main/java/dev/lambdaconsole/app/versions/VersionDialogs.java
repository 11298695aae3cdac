package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.runtime.workspace.Alias;

import java.util.Optional;

/** The questions of the Versions and Aliases tabs, behind one seam (windows in the console, answers in tests). */
public interface VersionDialogs {
    /** Asks before something that cannot be undone; true to go ahead. */
    boolean confirm(String title, String message, String action);

    /** The description of a version about to be published (may be blank); empty when cancelled. */
    Optional<String> askVersionDescription(String function);

    /** Shows the alias editor until it saved (the alias) or was cancelled (empty). */
    Optional<Alias> editAlias(AliasEditorViewModel editor);
}
