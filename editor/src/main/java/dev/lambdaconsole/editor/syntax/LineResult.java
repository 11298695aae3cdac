package dev.lambdaconsole.editor.syntax;

import java.util.List;

/**
 * What a {@link Highlighter} found on one line: the styled runs (sorted, non-overlapping, offsets
 * within the line) and the lexer state the next line starts in.
 */
public record LineResult(List<StyleRun> runs, int endState) {

    public LineResult {
        runs = List.copyOf(runs);
    }
}
