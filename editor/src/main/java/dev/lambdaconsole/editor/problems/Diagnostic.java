package dev.lambdaconsole.editor.problems;

/**
 * A problem reported for a document.
 *
 * @param line    1-based line
 * @param column  1-based column (1 when the checker only knows the line)
 * @param length  characters to underline from the column; 0 underlines to the end of the word
 */
public record Diagnostic(int line, int column, int length, Severity severity, String message) {

    public Diagnostic {
        if (line < 1 || column < 1 || length < 0) {
            throw new IllegalArgumentException("bad position " + line + ":" + column + " (" + length + ")");
        }
        message = message == null ? "" : message.strip();
    }

    public static Diagnostic error(int line, int column, String message) {
        return new Diagnostic(line, column, 0, Severity.ERROR, message);
    }

    @Override
    public String toString() {
        return line + ":" + column + " " + severity + " " + message;
    }
}
