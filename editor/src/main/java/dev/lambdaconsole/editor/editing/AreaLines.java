package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.EditorArea;
import javafx.scene.control.IndexRange;

/** Bridges the pure line operations to the area: which lines the selection covers, and applying an edit. */
final class AreaLines {

    private final EditorArea area;

    AreaLines(EditorArea area) {
        this.area = area;
    }

    int firstSelectedLine() {
        return area.offsetToPosition(area.getSelection().getStart(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
    }

    /** The last line the selection touches; a selection ending at a line's start does not touch it. */
    int lastSelectedLine() {
        IndexRange selection = area.getSelection();
        var end = area.offsetToPosition(selection.getEnd(), org.fxmisc.richtext.model.TwoDimensional.Bias.Forward);
        int last = end.getMajor();
        if (selection.getLength() > 0 && end.getMinor() == 0 && last > firstSelectedLine()) {
            last--;
        }
        return last;
    }

    int lineStart(int line) {
        return area.getAbsolutePosition(line, 0);
    }

    int lineEnd(int line) {
        return lineStart(line) + area.getParagraphLength(line);
    }

    /** The lines {@code first..last} with the current selection expressed relative to them. */
    LineBlock block(int first, int last) {
        int start = lineStart(first);
        IndexRange selection = area.getSelection();
        return new LineBlock(area.getText(start, lineEnd(last)), selection.getStart() - start, selection.getEnd() - start);
    }

    void apply(int first, int last, BlockEdit edit) {
        int start = lineStart(first);
        area.replaceText(start, lineEnd(last), edit.text());
        area.selectRange(start + edit.selectionStart(), start + edit.selectionEnd());
        area.requestFollowCaret();
    }
}
