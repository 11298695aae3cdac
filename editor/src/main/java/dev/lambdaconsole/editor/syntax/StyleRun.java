package dev.lambdaconsole.editor.syntax;

/**
 * One styled piece of text: characters {@code [start, end)} get the CSS style class {@code style}.
 * Offsets are relative to whatever was highlighted (a line, or a whole text).
 */
public record StyleRun(int start, int end, String style) {

    public StyleRun {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad run [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public StyleRun shift(int delta) {
        return new StyleRun(start + delta, end + delta, style);
    }
}
