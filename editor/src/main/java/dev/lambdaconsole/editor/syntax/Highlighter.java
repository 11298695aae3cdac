package dev.lambdaconsole.editor.syntax;

/**
 * Syntax highlighting as a pure function of a line and the lexer state at its start.
 *
 * <p>Multi-line constructs (block comments, triple-quoted strings, template literals) are carried
 * from line to line in an {@code int} state, which is what lets the editor re-highlight only the
 * lines that changed and stop as soon as the state at a line start is the same as before. A real
 * lexer can implement this interface instead of {@link RegexHighlighter}.
 */
public interface Highlighter {

    /** The state the first line of a document starts in. */
    int initialState();

    /** Style runs for {@code line} (no line terminator) lexed from {@code startState}. */
    LineResult highlightLine(CharSequence line, int startState);
}
