package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.List;

/**
 * Lines {@code firstLine .. firstLine + lineRuns.size() - 1} re-highlighted: their runs and, for each,
 * the state the following line starts in, and their text.
 */
record HighlightResult(int firstLine, List<List<StyleRun>> lineRuns, int[] endStates, List<String> lineTexts) {

    int lineCount() {
        return lineRuns.size();
    }
}
