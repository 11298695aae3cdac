package dev.lambdaconsole.editor.syntax;

import java.util.ArrayList;
import java.util.List;

/** Whole-text helpers over a {@link Highlighter}: used by tests and by tools, not by the editor. */
public final class Highlighting {

    private Highlighting() {
    }

    /** All runs of {@code text}, offsets relative to the start of the text. */
    public static List<StyleRun> highlight(Highlighter highlighter, String text) {
        List<StyleRun> out = new ArrayList<>();
        int state = highlighter.initialState();
        int lineStart = 0;
        while (true) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            LineResult result = highlighter.highlightLine(text.substring(lineStart, lineEnd), state);
            for (StyleRun run : result.runs()) {
                out.add(run.shift(lineStart));
            }
            state = result.endState();
            if (newline < 0) {
                return out;
            }
            lineStart = newline + 1;
        }
    }

    /** The style class of the character at {@code offset}, or {@code null} when it is unstyled. */
    public static String styleAt(List<StyleRun> runs, int offset) {
        for (StyleRun run : runs) {
            if (offset >= run.start() && offset < run.end()) {
                return run.style();
            }
        }
        return null;
    }
}
