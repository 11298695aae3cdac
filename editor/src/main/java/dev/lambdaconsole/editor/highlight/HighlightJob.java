package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.LineResult;
import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Re-lexes the dirty lines and then keeps going only while the state at the next line start
 * differs from what it was before: typing inside a function re-lexes one line, opening a block
 * comment re-lexes up to where it closes. Pure: runs on the highlighter thread.
 */
final class HighlightJob {

    private HighlightJob() {
    }

    /**
     * @param lines      text of line {@code i} (no terminator)
     * @param lineCount  number of lines in the document
     * @param oldStates  start state of each line as of the previous highlighting (same length as lineCount)
     * @param from       first dirty line
     * @param to         last dirty line
     */
    static HighlightResult run(Highlighter highlighter, IntFunction<String> lines, int lineCount,
                               int[] oldStates, int from, int to) {
        int first = Math.max(0, Math.min(from, lineCount - 1));
        int last = Math.min(to, lineCount - 1);
        List<List<StyleRun>> runs = new ArrayList<>();
        int[] endStates = new int[Math.max(16, last - first + 1)];
        List<String> texts = new ArrayList<>();
        int state = first == 0 ? highlighter.initialState() : oldStates[first];
        for (int line = first; line < lineCount; line++) {
            String text = lines.apply(line);
            LineResult result = highlighter.highlightLine(text, state);
            int index = line - first;
            if (index == endStates.length) {
                endStates = Arrays.copyOf(endStates, endStates.length * 2);
            }
            texts.add(text);
            runs.add(result.runs());
            endStates[index] = result.endState();
            state = result.endState();
            boolean converged = line + 1 < lineCount && oldStates[line + 1] == state;
            if (line >= last && converged) {
                break;
            }
        }
        return new HighlightResult(first, runs, Arrays.copyOf(endStates, runs.size()), texts);
    }
}
