package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.LineResult;
import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.BitSet;
import java.util.Collection;
import java.util.Set;

/**
 * Which characters lie in strings, comments or regex literals, where brackets are text and must
 * not be matched. Built from the highlighter's tokens: either by lexing a text, or from the style
 * classes already applied to the editor.
 */
public final class NonCode {

    private static final Set<String> CLASSES = Set.of("string", "comment", "regex");

    private NonCode() {
    }

    /** True when a token with these style classes is a string, comment or regex literal. */
    public static boolean isNonCode(Collection<String> styleClasses) {
        for (String style : styleClasses) {
            if (CLASSES.contains(style)) {
                return true;
            }
        }
        return false;
    }

    /** Offsets of {@code text} inside non-code tokens, lexing it from the highlighter's initial state. */
    public static BitSet lex(Highlighter highlighter, String text) {
        BitSet mask = new BitSet(text.length());
        int state = highlighter.initialState();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int newline = text.indexOf('\n', lineStart);
            int lineEnd = newline < 0 ? text.length() : newline;
            LineResult result = highlighter.highlightLine(text.subSequence(lineStart, lineEnd), state);
            for (StyleRun run : result.runs()) {
                if (CLASSES.contains(run.style())) {
                    mask.set(lineStart + run.start(), lineStart + Math.min(run.end(), lineEnd - lineStart));
                }
            }
            state = result.endState();
            if (newline < 0) {
                break;
            }
            lineStart = newline + 1;
        }
        return mask;
    }
}
