package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.List;

/**
 * Extra style classes laid over the syntax colours of a line (for example problem underlines).
 * Offsets are columns within the line.
 */
@FunctionalInterface
public interface LineDecorations {

    LineDecorations NONE = (line, text) -> List.of();

    List<StyleRun> forLine(int line, String text);

    /** Both decorations on the same line. */
    default LineDecorations and(LineDecorations other) {
        return (line, text) -> {
            List<StyleRun> mine = forLine(line, text);
            List<StyleRun> theirs = other.forLine(line, text);
            if (theirs.isEmpty()) {
                return mine;
            }
            if (mine.isEmpty()) {
                return theirs;
            }
            java.util.ArrayList<StyleRun> both = new java.util.ArrayList<>(mine);
            both.addAll(theirs);
            return both;
        };
    }
}
