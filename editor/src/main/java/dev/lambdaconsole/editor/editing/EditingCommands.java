package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;

/** The editing actions behind {@link EditingKeys}, applied to the editor's area. */
public final class EditingCommands {

    private final CodeEditor editor;
    private final EditorArea area;
    private final AreaLines lines;

    public EditingCommands(CodeEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        this.lines = new AreaLines(area);
    }

    private Indentation indentation() {
        return new Indentation(editor.syntax());
    }

    public void newLine() {
        int caret = area.getSelection().getStart();
        int line = area.offsetToPosition(caret, org.fxmisc.richtext.model.TwoDimensional.Bias.Forward).getMajor();
        int column = caret - lines.lineStart(line);
        String text = area.lineText(line);
        int selectionEndInLine = Math.min(text.length(), column + area.getSelection().getLength());
        Indentation.NewLine newLine = indentation().newLine(text.substring(0, column),
                area.getSelection().getEnd() > lines.lineEnd(line) ? "" : text.substring(selectionEndInLine));
        area.replaceSelection(newLine.text());
        area.moveTo(caret + newLine.caretOffset());
        area.requestFollowCaret();
    }

    public void tab() {
        if (area.getSelection().getLength() > 0 && lines.lastSelectedLine() > lines.firstSelectedLine()
                || area.getSelectedText().contains("\n")) {
            int first = lines.firstSelectedLine();
            int last = lines.lastSelectedLine();
            lines.apply(first, last, indentation().indent(lines.block(first, last)));
            return;
        }
        area.replaceSelection(indentation().spacesToNextStop(area.getCaretColumn()));
    }

    public void outdent() {
        int first = lines.firstSelectedLine();
        int last = lines.lastSelectedLine();
        LineBlock block = lines.block(first, last);
        BlockEdit edit = indentation().outdent(block);
        if (!edit.text().equals(block.text())) {
            lines.apply(first, last, edit);
        }
    }

    public void toggleComment() {
        int first = lines.firstSelectedLine();
        int last = lines.lastSelectedLine();
        LineOperations.toggleComment(lines.block(first, last), editor.syntax().lineComment())
                .ifPresent(edit -> lines.apply(first, last, edit));
    }

    public void duplicateLines() {
        int first = lines.firstSelectedLine();
        int last = lines.lastSelectedLine();
        lines.apply(first, last, LineOperations.duplicate(lines.block(first, last)));
    }

    public void moveLinesUp() {
        int first = lines.firstSelectedLine();
        int last = lines.lastSelectedLine();
        if (first > 0) {
            lines.apply(first - 1, last, LineOperations.moveUp(lines.block(first - 1, last)));
        }
    }

    public void moveLinesDown() {
        int first = lines.firstSelectedLine();
        int last = lines.lastSelectedLine();
        if (last + 1 < area.getParagraphs().size()) {
            lines.apply(first, last + 1, LineOperations.moveDown(lines.block(first, last + 1)));
        }
    }

    boolean isElectric(char c) {
        return indentation().isClosingBracket(c);
    }

    /** Types a closing bracket, first taking one indentation level off a blank line. */
    public void typeClosing(char bracket) {
        int caret = area.getCaretPosition();
        int line = area.getCurrentParagraph();
        int start = lines.lineStart(line);
        String before = area.getText(start, caret);
        String kept = indentation().indentBeforeClosing(before);
        if (area.getSelection().getLength() == 0 && !kept.equals(before)) {
            area.replaceText(start, caret, kept + bracket);
        } else {
            area.replaceSelection(String.valueOf(bracket));
        }
    }
}
