package dev.lambdaconsole.editor.problems;

import java.util.List;

/**
 * Finds problems in a source text. Called on a background thread; may block (run a compiler or a
 * subprocess). A checker whose tool is missing returns no diagnostics rather than failing.
 */
@FunctionalInterface
public interface Checker {

    Checker NONE = source -> List.of();

    List<Diagnostic> check(String source);
}
