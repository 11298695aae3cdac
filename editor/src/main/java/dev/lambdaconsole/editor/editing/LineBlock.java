package dev.lambdaconsole.editor.editing;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole lines of a document plus a selection inside them, as input to the pure line operations.
 * Each line may be edited at one column: {@code remove} characters dropped and {@code insert}
 * added there; offsets in the selection follow the text they were next to.
 */
public final class LineBlock {

    private final List<String> lines;
    private final int selectionStart;
    private final int selectionEnd;

    public LineBlock(String text, int selectionStart, int selectionEnd) {
        this.lines = List.of(text.split("\n", -1));
        this.selectionStart = selectionStart;
        this.selectionEnd = selectionEnd;
    }

    public List<String> lines() {
        return lines;
    }

    public int selectionStart() {
        return selectionStart;
    }

    public int selectionEnd() {
        return selectionEnd;
    }

    public String text() {
        return String.join("\n", lines);
    }

    /** One line's edit: at {@code column}, remove {@code remove} characters and insert {@code insert}. */
    public record LineChange(int column, int remove, String insert) {
        public static final LineChange NONE = new LineChange(0, 0, "");
    }

    /** Applies one change per line (same order as {@link #lines()}). */
    public BlockEdit apply(List<LineChange> changes) {
        List<String> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            LineChange c = changes.get(i);
            out.add(line.substring(0, c.column()) + c.insert() + line.substring(c.column() + c.remove()));
        }
        return new BlockEdit(String.join("\n", out), map(selectionStart, changes), map(selectionEnd, changes));
    }

    private int map(int offset, List<LineChange> changes) {
        int oldLineStart = 0;
        int newLineStart = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            LineChange c = changes.get(i);
            int newLength = line.length() - c.remove() + c.insert().length();
            if (offset <= oldLineStart + line.length()) {
                int column = offset - oldLineStart;
                int mapped;
                if (column < c.column() || (c.insert().isEmpty() && c.remove() == 0)) {
                    mapped = column;
                } else if (column >= c.column() + c.remove()) {
                    mapped = column - c.remove() + c.insert().length();
                } else {
                    mapped = c.column() + c.insert().length();
                }
                return newLineStart + mapped;
            }
            oldLineStart += line.length() + 1;
            newLineStart += newLength + 1;
        }
        return newLineStart - 1;
    }
}
