package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import dev.lambdaconsole.editor.EditorFeature;
import java.util.Collection;
import java.util.List;
import javafx.beans.value.ChangeListener;

/**
 * Marks the caret's line with the paragraph style class {@code current-line}. Done by hand because
 * RichTextFX's built-in line highlighter re-measures on every keystroke (tens of ms in a large file).
 */
public final class CurrentLineHighlight implements EditorFeature {

    private static final Collection<String> CURRENT = List.of("current-line");

    private EditorArea area;
    private int marked = -1;
    private final ChangeListener<Integer> listener = (obs, old, now) -> mark(now);

    @Override
    public void install(CodeEditor editor) {
        area = editor.area();
        area.currentParagraphProperty().addListener(listener);
        mark(area.getCurrentParagraph());
    }

    @Override
    public void uninstall(CodeEditor editor) {
        area.currentParagraphProperty().removeListener(listener);
        clear(marked);
        marked = -1;
    }

    /** The line shown as current, or -1. */
    public int markedLine() {
        return marked;
    }

    private void mark(int line) {
        clear(marked);
        // a line split by Enter copies its paragraph style to the new line, so clear both neighbours
        clear(line - 1);
        clear(line + 1);
        if (line >= 0 && line < area.getParagraphs().size()) {
            area.setParagraphStyle(line, CURRENT);
        }
        marked = line;
    }

    private void clear(int line) {
        if (line >= 0 && line < area.getParagraphs().size() && !area.getParagraph(line).getParagraphStyle().isEmpty()) {
            area.setParagraphStyle(line, List.of());
        }
    }
}
