package dev.lambdaconsole.editor;

import java.util.Collection;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyledDocument;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The text area under the editor: a {@link CodeArea} whose undo history records text changes
 * only, so re-highlighting never becomes an undo step.
 */
public class EditorArea extends CodeArea {

    public EditorArea() {
        getStyleClass().add("editor-area");
        setUndoManager(UndoUtils.plainTextUndoManager(this));
    }

    /** Text of line {@code line} (0-based) without its terminator. */
    public String lineText(int line) {
        return getParagraph(line).getText();
    }

    public int caretLine() {
        return getCurrentParagraph();
    }

    /** Replaces the whole text as a fresh document: no undo history, caret at the start. */
    public void load(String text) {
        replaceText(text);
        forgetAndGoToStart();
    }

    /** Like {@link #load(String)}, with a document built (and coloured) elsewhere. */
    public void load(StyledDocument<Collection<String>, String, Collection<String>> document) {
        replace(0, getLength(), document);
        forgetAndGoToStart();
    }

    private void forgetAndGoToStart() {
        getUndoManager().forgetHistory();
        getUndoManager().mark();
        moveTo(0);
        requestFollowCaret();
    }
}
